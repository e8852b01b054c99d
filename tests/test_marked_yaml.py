from __future__ import annotations

import datetime as dt

import pytest

from planner.errors import InputFileError
from planner.marked_yaml import Mark, dotted, load


def test_values_and_positions() -> None:
    doc = load(b"a: 1\nb:\n  - x\n  - {c: 2020-01-02}\n", "f.yaml")
    assert doc.data == {"a": 1, "b": ["x", {"c": dt.date(2020, 1, 2)}]}
    assert doc.marks[("a",)] == Mark(1, 4)
    assert doc.marks[("b", 1, "c")] == Mark(4, 9)
    assert doc.mark(("b", 1, "missing")) == Mark(4, 5)


def test_dotted_path() -> None:
    assert dotted(("decisions", "logging", "answers", 0)) == "decisions.logging.answers[0]"


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        (b"a: !!python/object:os.system x", "tag", 1),
        (b"a: !!python/object/apply:os.system [ls]", "tag", 1),
        (b"a: !custom x", "tag", 1),
        (b"a: &x 1\nb: *x", "anchors and aliases", None),
        (b"a: 1\na: 2", "duplicate key 'a'", 2),
        (b"a: [1", "invalid YAML", 2),
        (b"a: 1\n---\nb: 2", "more than one YAML document", 3),
        (b"\xff\xfe", "not valid UTF-8", 1),
        (b"a:\n\tb: 1", "tab", 2),
        (b"<<: {a: 1}", "merge keys", 1),
        (b"? [a, b]\n: 1", "plain names", 1),
    ],
)
def test_rejected_input(text: bytes, message: str, line: int | None) -> None:
    with pytest.raises(InputFileError) as info:
        load(text, "f.yaml")
    problem = info.value.problems[0]
    assert message in problem.message
    assert problem.file == "f.yaml"
    if line is not None:
        assert problem.line == line
    assert "f.yaml" in str(info.value)


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    with pytest.raises(InputFileError, match="aliases"):
        load("\n".join(lines).encode(), "bomb.yaml")


def test_deep_nesting_is_refused() -> None:
    text = "a: " + "[" * 60 + "]" * 60
    with pytest.raises(InputFileError, match="nested more than"):
        load(text.encode(), "deep.yaml")


def test_bom_and_crlf_are_accepted() -> None:
    doc = load(b"\xef\xbb\xbfa: 1\r\nb: two\r\n", "f.yaml")
    assert doc.data == {"a": 1, "b": "two"}


def test_empty_document() -> None:
    assert load(b"", "f.yaml").data is None
    assert load(b"# only a comment\n", "f.yaml").data is None


def test_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("planner.marked_yaml.MAX_BYTES", 10)
    with pytest.raises(InputFileError, match="larger than"):
        load(b"a: 12345678901234567890", "big.yaml")

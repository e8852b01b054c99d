"""Bad input of every kind gets a clear message and changes nothing on disk."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner import marked_yaml
from planner.errors import PlannerError
from planner.kickoff import parse_set
from planner.questions.loader import load_bank
from planner.questions.model import Bank
from planner.record.io import load_record
from tests.snapshots import snapshot

CORPUS = Path(__file__).parent / "corpus"
CASES = [line.split("\t") for line in (CORPUS / "EXPECTED.tsv").read_text().splitlines() if line]
Invoke = Callable[..., Any]


@pytest.mark.parametrize(("name", "message"), CASES, ids=[c[0] for c in CASES])
def test_corpus_validate(invoke: Invoke, name: str, message: str) -> None:
    result = invoke("validate", CORPUS / name)
    if message == "VALID":
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert str(CORPUS / name) in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("name", "message"),
    [c for c in CASES if c[1] != "VALID"],
    ids=[c[0] for c in CASES if c[1] != "VALID"],
)
def test_corpus_as_answers_changes_nothing(
    invoke: Invoke, name: str, message: str, tmp_path: Path, no_terminal: None
) -> None:
    target = tmp_path / "svc"
    target.mkdir()
    (target / "keep.txt").write_text("mine")
    before = snapshot(target)
    result = invoke("new", target, "--answers", CORPUS / name, "--defaults")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert snapshot(target) == before


def test_huge_file_is_refused_quickly(tmp_path: Path, invoke: Invoke) -> None:
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"a: " + b"x" * (marked_yaml.MAX_BYTES + 10) + b"\n")
    result = invoke("validate", huge)
    assert result.exit_code == 2 and "larger than" in result.stderr


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_crash_the_loader(data: bytes) -> None:
    with contextlib.suppress(PlannerError):
        marked_yaml.load(data, "fuzz.yaml")


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20) | st.dates(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=25,
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.dictionaries(
        st.sampled_from(
            ["schema", "version", "project", "meeting", "decisions", "history", "packs", "x"]
        ),
        yaml_values,
        max_size=6,
    )
)
def test_arbitrary_documents_give_a_record_or_a_clean_error(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True))
    try:
        load_record(path)
    except PlannerError as exc:
        assert "fuzz.yaml" in str(exc)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_set_parsing_never_crashes(item: str) -> None:
    bank = load_bank()
    with contextlib.suppress(PlannerError):
        parse_set(bank, item)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(yaml_values)
def test_question_packs_are_validated_never_crash(tmp_path: Path, pack: Any) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(
        yaml.safe_dump(
            {"version": 1, "sections": [pack]}
            if not isinstance(pack, dict)
            else {"sections": [pack]}
        )
    )
    with contextlib.suppress(PlannerError):
        load_bank([path])


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES, errno.EROFS])
def test_disk_errors_while_writing_leave_everything_as_it_was(
    code: int, invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_terminal: None
) -> None:
    target = tmp_path / "svc"
    assert invoke("new", target, "--defaults").exit_code == 0
    record = target / "architecture/decisions.yaml"
    record.write_text(record.read_text().replace("format: text", "format: json"))
    before = snapshot(target)
    real_fdopen = os.fdopen
    calls = {"n": 0}

    def failing(fd: int, *args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 3:
            os.close(fd)
            raise OSError(code, os.strerror(code))
        return real_fdopen(fd, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", failing)
    result = invoke("render", record)
    assert result.exit_code == 2
    assert os.strerror(code) in result.stderr and "Traceback" not in result.output
    assert snapshot(target) == before


def test_answers_that_would_become_paths_are_refused(
    invoke: Invoke, tmp_path: Path, no_terminal: None, bank: Bank
) -> None:
    for bad in ("../escape", "/abs", "a/b", "..", "x.y"):
        result = invoke("new", tmp_path / "svc", "--defaults", "--set", f"layout.features={bad}")
        assert result.exit_code == 2, bad
    for bad in ("../outside.yaml", "/tmp/abs.yaml"):
        result = invoke("new", tmp_path / "svc", "--defaults", "--record", bad)
        assert result.exit_code == 2 and "inside the project folder" in result.stderr
    assert not (tmp_path / "svc").exists()

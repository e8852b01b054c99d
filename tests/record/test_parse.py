from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.errors import RecordError
from planner.questions.model import DEFERRED, Bank
from planner.record.io import load_answers, load_record
from planner.record.parse import Parsed


def edit(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def problems(path: Path) -> str:
    with pytest.raises(RecordError) as info:
        load_record(path)
    return str(info.value)


def test_valid_record_loads(record_file: Path) -> None:
    loaded = load_record(record_file)
    assert loaded.record.project.package == "demo_service"
    assert loaded.record.decisions["logging"].answers["format"] == "text"


def test_misspelt_key_names_line_field_and_suggestion(record_file: Path) -> None:
    edit(record_file, "    rationale: ''\n", "    rationnale: ''\n")
    line = line_of(record_file, "rationnale")
    text = problems(record_file)
    assert (
        f"decisions.yaml:{line}:5: decisions.deployment.rationnale: unknown key 'rationnale'"
        in text
    )
    assert "did you mean 'rationale'" in text


def test_choice_not_in_bank(record_file: Path) -> None:
    edit(record_file, "artifact: docker", "artifact: dockr")
    line = line_of(record_file, "artifact: dockr")
    text = problems(record_file)
    assert f":{line}:17: decisions.deployment.answers.artifact: 'dockr' is not a choice" in text
    assert "did you mean 'docker'" in text


def test_wrong_type(record_file: Path) -> None:
    edit(record_file, "coverage: 80", "coverage: lots")
    assert "decisions.testing.answers.coverage: expected a whole number" in problems(record_file)


def test_bad_package_name(record_file: Path) -> None:
    edit(record_file, "package: demo_service", "package: Demo-Service")
    assert "project.package: 'Demo-Service': use lower-case" in problems(record_file)


def test_bad_schema_version(record_file: Path) -> None:
    edit(record_file, "version: 2", "version: 7")
    assert "version: unsupported record version 7" in problems(record_file)


def test_python_object_tag_is_refused(record_file: Path) -> None:
    edit(record_file, "description: ''", "description: !!python/object/apply:os.system ['echo hi']")
    text = problems(record_file)
    assert "project.description: the tag" in text and "not allowed" in text


def test_missing_heuristic(record_file: Path) -> None:
    text = record_file.read_text(encoding="utf-8")
    start = text.index("  testing:\n")
    end = text.index("  logging:\n")
    record_file.write_text(text[:start] + text[end:], encoding="utf-8")
    assert "decisions: missing heuristic 'testing'" in problems(record_file)


def test_missing_answer(record_file: Path) -> None:
    edit(record_file, "      wsgi_server: gunicorn\n", "")
    assert "missing answer for 'wsgi_server' (answer it, or list it under open)" in problems(
        record_file
    )


def test_answer_that_does_not_apply(record_file: Path) -> None:
    edit(record_file, "database: sqlite", "database: none")
    text = problems(record_file)
    assert "decisions.initialization.answers.db_init: does not apply" in text
    assert "decisions.lifetimes.answers.db_session: does not apply" in text


def test_answered_and_open(record_file: Path) -> None:
    edit(
        record_file,
        "      isolation: repository\n",
        "      isolation: repository\n    open:\n      isolation: {owner: Ana}\n",
    )
    assert "is both answered and open" in problems(record_file)


def test_all_problems_reported_at_once(record_file: Path) -> None:
    edit(record_file, "artifact: docker", "artifact: nope")
    edit(record_file, "format: text", "format: xml")
    assert "2 problems" in problems(record_file)


def test_top_level_not_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("- a\n- b\n")
    assert "expected a mapping, found a list" in problems(path)


def test_missing_file(tmp_path: Path) -> None:
    assert "file not found" in problems(tmp_path / "nope.yaml")


def test_open_question_loads_as_deferred(record_file: Path) -> None:
    edit(record_file, "      ci: github\n", "")
    edit(
        record_file,
        "      config_management: none\n",
        "      config_management: none\n    open:\n      ci: {owner: Ana, revisit: after the pilot}\n",
    )
    loaded = load_record(record_file)
    decision = loaded.record.decisions["deployment"]
    assert decision.open["ci"].owner == "Ana"
    assert loaded.record.flat_answers()["deployment.ci"] is DEFERRED


def test_partial_answers_file(write_yaml: Callable[[str, str], Path], bank: Bank) -> None:
    path = write_yaml(
        "answers.yaml",
        """
        project: {name: Shop}
        decisions:
          logging:
            answers: {format: json}
            rationale: Our log platform parses JSON.
        """,
    )
    parsed = load_answers(path, bank)
    assert isinstance(parsed, Parsed)
    assert parsed.answers() == {
        "project.name": "Shop",
        "logging.format": "json",
        "logging.rationale": "Our log platform parses JSON.",
    }


def test_flat_answers_file(write_yaml: Callable[[str, str], Path], bank: Bank) -> None:
    path = write_yaml("answers.yaml", "logging.format: json\ndeployment.ci: '?'\n")
    assert load_answers(path, bank) == {"logging.format": "json", "deployment.ci": DEFERRED}


def test_flat_answers_file_errors(write_yaml: Callable[[str, str], Path], bank: Bank) -> None:
    path = write_yaml("answers.yaml", "logging.formt: json\n")
    with pytest.raises(RecordError, match=r"did you mean 'logging\.format'"):
        load_answers(path, bank)


# A hand-written history, as a team might type it: the kickoff, then two revisions.
HAND_HISTORY = """history:
- revision: 1
  date: 2026-11-24
  summary: Kickoff meeting
- revision: {second}
  date: 2026-12-01
  summary: Moved to containers
- revision: {third}
  date: 2026-12-08
  summary: Structured logs
"""


def with_history(path: Path, second: int, third: int) -> Path:
    text = path.read_text(encoding="utf-8")
    head = text[: text.index("history:")]
    tail = text[text.index("history:") :]
    rest = tail[tail.index("\n", tail.index("summary:")) + 1 :]  # anything after the kickoff
    path.write_text(head + HAND_HISTORY.format(second=second, third=third) + rest, "utf-8")
    return path


def test_ordered_history_is_valid(record_file: Path) -> None:
    loaded = load_record(with_history(record_file, 2, 5))
    assert [r.number for r in loaded.record.history] == [1, 2, 5]


@pytest.mark.parametrize(
    ("second", "third", "bad_line", "field", "message"),
    [
        (2, 2, "revision: 2", "history[2].revision", "revision 2 appears more than once"),
        (1, 3, "revision: 1", "history[1].revision", "revision 1 appears more than once"),
        (-1, 3, "revision: -1", "history[1].revision", "revision numbers start at 1, found -1"),
        (0, 3, "revision: 0", "history[1].revision", "revision numbers start at 1, found 0"),
        (3, 2, "revision: 2", "history[2].revision", "revision 2 comes after revision 3"),
    ],
    ids=["duplicate", "duplicate-of-kickoff", "negative", "zero", "out-of-order"],
)
def test_history_revisions_are_validated(
    record_file: Path, second: int, third: int, bad_line: str, field: str, message: str
) -> None:
    path = with_history(record_file, second, third)
    lines = path.read_text(encoding="utf-8").splitlines()
    # the last line holding the offending number is the one the message must point at
    number = max(i for i, line in enumerate(lines, 1) if line.strip() == f"- {bad_line}")
    text = problems(path)
    assert f"{path}:{number}:" in text
    assert field in text
    assert message in text


def test_validate_cli_refuses_bad_history(record_file: Path, invoke: Callable[..., Any]) -> None:
    path = with_history(record_file, 3, 3)
    result = invoke("validate", path)
    assert result.exit_code == 2
    assert "revision 3 appears more than once" in result.stderr
    assert "Traceback" not in result.output

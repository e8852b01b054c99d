from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.record.io import load_record
from tests.conftest import ScriptedPrompter

Invoke = Callable[..., Any]
RECORD = Path("architecture/decisions.yaml")


def files_under(path: Path) -> list[str]:
    return sorted(str(p.relative_to(path)) for p in path.rglob("*")) if path.exists() else []


@pytest.mark.usefixtures("no_terminal")
def test_no_terminal_and_no_flags_is_one_clear_error(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("new", tmp_path / "svc")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "planner: error: no terminal to ask questions on; answer with "
        "--answers FILE, --set ID=VALUE, --defaults or --no-input"
    )
    assert "Traceback" not in result.output
    assert not (tmp_path / "svc").exists()


@pytest.mark.usefixtures("no_terminal")
def test_defaults_write_record_schema_and_documents(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "billing-api"
    result = invoke("new", target, "--defaults", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    written = files_under(target)
    assert "architecture/decisions.yaml" in written
    assert "architecture/decisions.schema.json" in written
    assert "docs/architecture.md" in written
    assert "docs/adr/0001-record-architecture-decisions.md" in written
    assert len([p for p in written if p.startswith("docs/adr/000")]) == 8
    loaded = load_record(target / RECORD)
    assert loaded.record.project.name == "Billing Api"
    assert str(loaded.record.meeting.date) == "2026-11-24"
    assert "created         architecture/decisions.yaml" in result.stdout


@pytest.mark.usefixtures("no_terminal")
def test_set_and_answers_file(
    invoke: Invoke, tmp_path: Path, write_yaml: Callable[[str, str], Path]
) -> None:
    answers = write_yaml(
        "answers.yaml",
        "decisions:\n  logging:\n    answers: {format: json}\n    rationale: Parsed by our log platform.\n",
    )
    target = tmp_path / "svc"
    result = invoke(
        "new",
        target,
        "--answers",
        answers,
        "--set",
        "deployment.artifact=wheel",
        "--set",
        "layout.features=users, billing",
        "--set",
        "deployment.ci=?",
        "--defaults",
    )
    assert result.exit_code == 0, result.output
    record = load_record(target / RECORD).record
    assert record.decisions["logging"].answers["format"] == "json"
    assert record.decisions["logging"].rationale == "Parsed by our log platform."
    assert record.decisions["deployment"].answers["artifact"] == "wheel"
    assert "ci" in record.decisions["deployment"].open
    assert record.decisions["deployment"].status == "deferred"
    assert record.decisions["layout"].answers["features"] == ["users", "billing"]


@pytest.mark.usefixtures("no_terminal")
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--set", "deployment.artifcat=wheel"],
            "unknown question 'deployment.artifcat' (did you mean 'deployment.artifact'?)",
        ),
        (["--set", "deployment.artifact=whel"], "'whel' is not a choice (did you mean 'wheel'?)"),
        (["--set", "deployment.artifact"], "expected ID=VALUE"),
        (["--set", "project.package=My App"], "use lower-case letters"),
        (["--set", "layout.features=../etc"], "use lower-case letters"),
        (["--set", "project.package=import"], "not a valid Python identifier"),
        (["--example", "nope"], "unknown example 'nope'"),
    ],
)
def test_bad_answers_are_user_errors(
    invoke: Invoke, tmp_path: Path, args: list[str], message: str
) -> None:
    result = invoke("new", tmp_path / "svc", "--defaults", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "svc").exists()


@pytest.mark.usefixtures("no_terminal")
def test_malformed_answers_file_names_file_and_line(
    invoke: Invoke, tmp_path: Path, write_yaml: Callable[[str, str], Path]
) -> None:
    answers = write_yaml("answers.yaml", "decisions:\n  logging:\n    answers: {format: [json\n")
    result = invoke("new", tmp_path / "svc", "--answers", answers, "--defaults")
    assert result.exit_code == 2
    assert f"{answers}:4" in result.stderr and "invalid YAML" in result.stderr
    assert not (tmp_path / "svc").exists()


@pytest.mark.usefixtures("no_terminal")
def test_python_object_payload_in_answers_is_refused(
    invoke: Invoke, tmp_path: Path, write_yaml: Callable[[str, str], Path]
) -> None:
    answers = write_yaml(
        "answers.yaml", "project:\n  name: !!python/object/apply:os.system ['touch pwned']\n"
    )
    result = invoke("new", tmp_path / "svc", "--answers", answers, "--defaults")
    assert result.exit_code == 2
    assert "not allowed" in result.stderr
    assert not Path("pwned").exists()


@pytest.mark.usefixtures("no_terminal")
def test_existing_record_is_never_overwritten_without_force(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "svc"
    assert invoke("new", target, "--defaults").exit_code == 0
    before = (target / RECORD).read_bytes()
    result = invoke("new", target, "--defaults", "--set", "logging.format=json")
    assert result.exit_code == 2
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert (target / RECORD).read_bytes() == before
    forced = invoke("new", target, "--defaults", "--set", "logging.format=json", "--force")
    assert forced.exit_code == 0
    assert load_record(target / RECORD).record.decisions["logging"].answers["format"] == "json"


@pytest.mark.usefixtures("no_terminal")
def test_unwritable_target_fails_before_anything_is_asked(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "locked"
    target.mkdir()
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda p, mode, **kw: (
            False if Path(p) == target and mode & os.W_OK else real_access(p, mode, **kw)
        ),
    )
    result = invoke("new", target, "--defaults")
    assert result.exit_code == 2
    assert "permission denied" in result.stderr
    assert files_under(target) == []


@pytest.mark.usefixtures("no_terminal")
def test_target_below_a_file(invoke: Invoke, tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    result = invoke("new", tmp_path / "afile" / "svc", "--defaults")
    assert result.exit_code == 2
    assert "is not a folder" in result.stderr


@pytest.mark.usefixtures("no_terminal")
def test_failed_write_is_clean(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    target = tmp_path / "svc"
    result = invoke("new", target, "--defaults")
    assert result.exit_code == 2
    assert "cannot write" in result.stderr and "Permission denied" in result.stderr
    assert [p for p in files_under(target) if p.endswith((".yaml", ".json", ".tmp"))] == []


@pytest.mark.usefixtures("no_terminal")
def test_no_input_names_questions_without_default(
    invoke: Invoke, tmp_path: Path, write_yaml: Callable[[str, str], Path]
) -> None:
    pack = write_yaml(
        "pack.yaml",
        "sections: [{id: security, questions: [{id: owner, type: text, prompt: Who owns security?, validate: {required: true}}]}]",
    )
    result = invoke("new", tmp_path / "svc", "--no-input", "--questions", pack)
    assert result.exit_code == 2
    assert "no answer and no default for: security.owner" in result.stderr
    ok = invoke(
        "new", tmp_path / "svc", "--no-input", "--questions", pack, "--set", "security.owner=Ana"
    )
    assert ok.exit_code == 0, ok.output
    text = (tmp_path / "svc" / RECORD).read_text()
    assert "packs: [../../pack.yaml]" in text
    assert (
        load_record(tmp_path / "svc" / RECORD).record.decisions["security"].answers["owner"]
        == "Ana"
    )


@pytest.mark.usefixtures("no_terminal")
def test_partial_flags_without_terminal_name_the_missing_questions(
    invoke: Invoke, tmp_path: Path
) -> None:
    result = invoke("new", tmp_path / "svc", "--set", "logging.format=json")
    assert result.exit_code == 2
    assert "no terminal to ask the remaining questions (project.name" in result.stderr
    assert "--defaults" in result.stderr


def test_interactive_meeting_writes_after_review(
    invoke: Invoke,
    tmp_path: Path,
    scripted_terminal: Callable[[ScriptedPrompter], ScriptedPrompter],
) -> None:
    prompter = scripted_terminal(
        ScriptedPrompter({"logging.format": "structlog", "meeting.participants": ["Ana"]})
    )
    result = invoke("new", tmp_path / "svc")
    assert result.exit_code == 0, result.output
    assert len(prompter.review_rows) == 1
    record = load_record(tmp_path / "svc" / RECORD).record
    assert record.decisions["logging"].answers["format"] == "structlog"
    assert record.meeting.participants == ["Ana"]


def test_ctrl_c_keeps_a_draft_and_resume_continues(
    invoke: Invoke,
    tmp_path: Path,
    scripted_terminal: Callable[[ScriptedPrompter], ScriptedPrompter],
) -> None:
    target = tmp_path / "svc"
    scripted_terminal(
        ScriptedPrompter({"deployment.artifact": "rpm", "testing.layout": KeyboardInterrupt()})
    )
    result = invoke("new", target)
    assert result.exit_code == 130
    assert "interrupted" in result.stderr and "--resume" in result.stderr
    assert files_under(target) == [
        "architecture",
        "architecture/.decisions.draft.yaml",
    ]  # nothing else

    second = scripted_terminal(ScriptedPrompter())
    resumed = invoke("new", target, "--resume")
    assert resumed.exit_code == 0, resumed.output
    assert "deployment.artifact" not in second.asked
    assert second.asked[0] == "testing.layout"
    assert load_record(target / RECORD).record.decisions["deployment"].answers["artifact"] == "rpm"
    assert not (target / "architecture" / ".decisions.draft.yaml").exists()


def test_cancel_at_review_keeps_draft(
    invoke: Invoke,
    tmp_path: Path,
    scripted_terminal: Callable[[ScriptedPrompter], ScriptedPrompter],
) -> None:
    from planner.wizard import ReviewChoice

    scripted_terminal(ScriptedPrompter(reviews=[ReviewChoice("cancel")]))
    result = invoke("new", tmp_path / "svc")
    assert result.exit_code == 130
    assert not (tmp_path / "svc" / RECORD).exists()
    assert (tmp_path / "svc" / "architecture" / ".decisions.draft.yaml").exists()


@pytest.mark.usefixtures("no_terminal")
def test_resume_without_draft(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("new", tmp_path / "svc", "--resume")
    assert result.exit_code == 2
    assert "no draft to resume" in result.stderr


@pytest.mark.usefixtures("no_terminal")
def test_verbose_logs_to_stderr(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("-v", "new", tmp_path / "svc", "--defaults")
    assert result.exit_code == 0
    assert "INFO planner.files.writer: wrote" in result.stderr


def test_open_questions_keep_who_and_when(
    invoke: Invoke,
    tmp_path: Path,
    scripted_terminal: Callable[[ScriptedPrompter], ScriptedPrompter],
) -> None:
    from planner.questions.model import DEFERRED

    scripted_terminal(
        ScriptedPrompter(
            {"deployment.ci": DEFERRED, "_open.owner": "Ana", "_open.revisit": "after the pilot"}
        )
    )
    assert invoke("new", tmp_path / "svc").exit_code == 0
    item = load_record(tmp_path / "svc" / RECORD).record.decisions["deployment"].open["ci"]
    assert (item.owner, item.revisit) == ("Ana", "after the pilot")
    doc = (tmp_path / "svc" / "docs" / "architecture.md").read_text()
    assert "Owner: Ana. When: after the pilot." in doc

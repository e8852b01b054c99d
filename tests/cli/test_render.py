from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.files import writer
from tests.snapshots import snapshot

Invoke = Callable[..., Any]


def test_render_again_changes_nothing(invoke: Invoke, project: Path) -> None:
    before = snapshot(project)
    result = invoke("render", project / "architecture/decisions.yaml")
    assert result.exit_code == 0
    assert re.search(r"wrote 0 of (\d+) files \(\1 unchanged\)", result.stdout)
    assert snapshot(project) == before


def test_record_change_updates_untouched_files(invoke: Invoke, project: Path) -> None:
    record = project / "architecture/decisions.yaml"
    record.write_text(record.read_text().replace("format: text", "format: json"))
    result = invoke("render", record)
    assert result.exit_code == 0, result.output
    # Same revision: the ADR is corrected in place (a revisit would supersede it instead).
    assert "updated         docs/adr/0007-logging-plain-text.md" in result.stdout
    assert "updated         docs/adr/index.md" in result.stdout
    assert "updated         docs/architecture.md" in result.stdout
    assert "Log format: **JSON**" in (project / "docs/architecture.md").read_text()


def test_edited_file_is_never_overwritten_without_force(invoke: Invoke, project: Path) -> None:
    record = project / "architecture/decisions.yaml"
    doc = project / "docs/architecture.md"
    doc.write_text(doc.read_text() + "\nOur own note.\n")
    record.write_text(record.read_text().replace("format: text", "format: json"))
    before = snapshot(project)
    result = invoke("render", record)
    assert result.exit_code == 2
    assert (
        "1 file would be overwritten, so nothing was written:\n"
        "  docs/architecture.md (changed since planner wrote it)" in result.stderr
    )
    assert snapshot(project) == before

    dry = invoke("render", record, "--dry-run", "--diff")
    assert dry.exit_code == 0
    assert "would conflict  docs/architecture.md" in dry.stdout
    assert "-Our own note." in dry.stdout
    assert "would update    docs/adr/0007-logging-plain-text.md" in dry.stdout
    assert snapshot(project) == before

    forced = invoke("render", record, "--force")
    assert forced.exit_code == 0
    assert "Our own note." not in doc.read_text()


def test_render_into_another_folder(invoke: Invoke, project: Path, tmp_path: Path) -> None:
    out = tmp_path / "elsewhere"
    result = invoke("render", project / "architecture/decisions.yaml", "--out", out)
    assert result.exit_code == 0
    assert (out / "docs/architecture.md").is_file()
    assert "`../svc/architecture/decisions.yaml`" in (out / "docs/architecture.md").read_text()


def test_invalid_record_is_a_user_error(invoke: Invoke, project: Path) -> None:
    record = project / "architecture/decisions.yaml"
    record.write_text(record.read_text().replace("format: text", "format: txt"))
    result = invoke("render", record)
    assert result.exit_code == 2
    assert "decisions.logging.answers.format" in result.stderr
    assert "Traceback" not in result.output


def test_interrupt_while_writing_leaves_old_files(
    invoke: Invoke, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = project / "architecture/decisions.yaml"
    record.write_text(record.read_text().replace("format: text", "format: json"))
    before = snapshot(project)
    calls = {"n": 0}
    real_stage = writer._stage

    def interrupted(*args: Any, **kwargs: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        real_stage(*args, **kwargs)

    monkeypatch.setattr(writer, "_stage", interrupted)
    result = invoke("render", record)
    assert result.exit_code != 0
    assert calls["n"] == 2
    assert snapshot(project) == before  # no file changed, no temporary file left


def test_symlink_out_of_the_project_is_not_followed(
    invoke: Invoke, project: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text("precious")
    doc = project / "docs/architecture.md"
    doc.unlink()
    doc.symlink_to(outside)
    result = invoke("render", project / "architecture/decisions.yaml", "--force")
    assert result.exit_code == 2
    assert "outside the output folder" in result.stderr
    assert outside.read_text() == "precious"


def test_documents_only(invoke: Invoke, project: Path, tmp_path: Path) -> None:
    out = tmp_path / "docs-only"
    result = invoke(
        "render", project / "architecture/decisions.yaml", "--out", out, "--no-skeleton"
    )
    assert result.exit_code == 0
    assert (out / "docs/architecture.md").is_file()
    assert not (out / "pyproject.toml").exists()


def test_new_into_a_folder_with_the_teams_own_files(
    invoke: Invoke, tmp_path: Path, no_terminal: None
) -> None:
    target = tmp_path / "existing"
    target.mkdir()
    (target / "README.md").write_text("Our README\n")
    result = invoke("new", target, "--defaults")
    assert result.exit_code == 2
    assert "README.md (already there, not written by planner)" in result.stderr
    assert sorted(p.name for p in target.iterdir()) == ["README.md"]
    assert (target / "README.md").read_text() == "Our README\n"

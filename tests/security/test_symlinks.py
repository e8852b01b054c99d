"""Symbolic links and names that lead out: planner writes, deletes and reads nothing outside.

One test per place planner touches the disk: the lock, the Ctrl-C draft, the
record, generated files (and the folders on their way), team templates, the
ADR folder named by ``.adr-dir`` and the ADRs found in it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ScriptedPrompter
from tests.security.harness import snapshot

Invoke = Callable[..., Any]
SECRET = "TOP-SECRET-OUTSIDE-THE-PROJECT"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "lock").write_text("someone else's file\n")
    (folder / "secret.txt").write_text(SECRET + "\n")
    return folder


def render(invoke: Invoke, root: Path, *args: str | Path) -> Any:
    return invoke("render", root / "architecture/decisions.yaml", *args)


def refused(result: Any) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stderr.startswith("planner: error: ")


def test_planner_folder_leading_out_takes_no_lock_outside(
    invoke: Invoke, project: Path, outside: Path
) -> None:
    before = snapshot(outside)
    for item in (project / ".planner").iterdir():
        item.unlink()
    (project / ".planner").rmdir()
    (project / ".planner").symlink_to(outside)
    (project / "README.md").write_text("changed so that render has work\n")
    refused(render(invoke, project, "--force"))
    assert snapshot(outside) == before  # the outside 'lock' was not deleted as stale


def test_symlinked_architecture_folder_gets_no_draft_or_record(
    invoke: Invoke, tmp_path: Path, outside: Path, scripted_terminal: Callable[..., Any]
) -> None:
    before = snapshot(outside)
    root = tmp_path / "svc"
    root.mkdir()
    (root / "architecture").symlink_to(outside)
    scripted_terminal(ScriptedPrompter({"testing.layout": KeyboardInterrupt()}))
    result = invoke("new", root)
    assert result.exit_code == 130  # Ctrl-C
    assert snapshot(outside) == before  # no .decisions.draft.yaml outside
    refused(invoke("new", root, "--defaults"))
    assert snapshot(outside) == before  # no record outside either


def test_generated_file_below_a_folder_that_leads_out_is_refused(
    invoke: Invoke, project: Path, outside: Path
) -> None:
    before = snapshot(outside)
    for item in sorted((project / "docs").rglob("*"), reverse=True):
        item.rmdir() if item.is_dir() else item.unlink()
    (project / "docs").rmdir()
    (project / "docs").symlink_to(outside)
    refused(render(invoke, project, "--force"))
    assert snapshot(outside) == before


def test_symlink_loop_at_a_generated_path_is_a_clear_error(invoke: Invoke, project: Path) -> None:
    doc = project / "docs/architecture.md"
    doc.unlink()
    doc.symlink_to("architecture.md")  # points at itself
    result = render(invoke, project, "--force")
    refused(result)
    assert "docs/architecture.md" in result.stderr and "loop" in result.stderr
    assert doc.is_symlink()


def test_symlink_in_templates_folder_is_not_read(
    invoke: Invoke, project: Path, outside: Path, tmp_path: Path
) -> None:
    templates = tmp_path / "team-templates" / "docs"
    templates.mkdir(parents=True)
    (templates / "architecture.md.j2").symlink_to(outside / "secret.txt")
    result = render(invoke, project, "--templates", templates.parent, "--force")
    refused(result)
    assert "architecture.md.j2" in result.stderr and "leads out" in result.stderr
    assert not [p for p, data in snapshot(project).items() if SECRET.encode() in data]


def test_symlink_inside_templates_folder_to_a_sibling_is_fine(
    invoke: Invoke, project: Path, tmp_path: Path
) -> None:
    templates = tmp_path / "team-templates" / "docs"
    templates.mkdir(parents=True)
    (templates / "mine.md.j2").write_text("# Team architecture\n")
    (templates / "architecture.md.j2").symlink_to("mine.md.j2")
    result = render(invoke, project, "--templates", templates.parent, "--force")
    assert result.exit_code == 0, result.output
    assert (project / "docs/architecture.md").read_text() == "# Team architecture\n"


@pytest.mark.parametrize("named", [".git", ".git/adr", "docs/../.git/x", "/tmp/adr"])
def test_adr_dir_naming_git_or_outside_is_refused(
    invoke: Invoke, project: Path, named: str
) -> None:
    (project / ".git").mkdir()
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (project / ".adr-dir").write_text(named + "\n")
    before = snapshot(project)
    refused(render(invoke, project))
    assert snapshot(project) == before
    assert not Path("/tmp/adr").exists() or named != "/tmp/adr"


def test_adr_dir_through_a_symlink_out_is_refused(
    invoke: Invoke, project: Path, outside: Path
) -> None:
    before = snapshot(outside)
    (project / "decisions").symlink_to(outside)
    (project / ".adr-dir").write_text("decisions\n")
    refused(render(invoke, project))
    assert snapshot(outside) == before


def test_adr_dir_marker_that_is_a_symlink_out_is_not_read(
    invoke: Invoke, project: Path, outside: Path
) -> None:
    (outside / "adr-dir").write_text("docs/elsewhere\n")
    (project / ".adr-dir").unlink()
    (project / ".adr-dir").symlink_to(outside / "adr-dir")
    refused(render(invoke, project))
    assert not (project / "docs/elsewhere").exists()


def test_adr_symlinked_to_a_file_outside_is_not_read(
    invoke: Invoke, project: Path, outside: Path
) -> None:
    (outside / "0042-leak.md").write_text(f"# 42. {SECRET}\n\n* Status: accepted\n")
    (project / "docs/adr/0042-leak.md").symlink_to(outside / "0042-leak.md")
    result = render(invoke, project)
    assert result.exit_code == 0, result.output
    generated = {p: d for p, d in snapshot(project).items() if not p.endswith("0042-leak.md")}
    assert not [p for p, data in generated.items() if SECRET.encode() in data]
    assert os.readlink(project / "docs/adr/0042-leak.md") == str(outside / "0042-leak.md")

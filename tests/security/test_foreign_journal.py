"""A journal planner did not write (hand-made, committed to git) never deletes a file.

Recovery removes or replaces a target only on evidence that belongs to planner:
the backup hard link for that exact token, or a new file whose bytes match the
hash planner put in the journal. A dry run never recovers at all.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.security.harness import run, snapshot

TARGETS = ["architecture/decisions.yaml", "README.md", "src/order_desk/app.py"]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    result = run("new", "p", "--example", "demo", "--no-input", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    root = tmp_path / "p"
    assert all((root / t).is_file() for t in TARGETS)
    return root


def _journal(root: Path, state: str = "staged", **extra: object) -> Path:
    entries = [{"target": t, "backup": False, "remove": False, **extra} for t in TARGETS]
    path = root / ".planner" / "journal.json"
    path.write_text(json.dumps({"state": state, "token": "planner1", "entries": entries}))
    return path


def test_dry_run_with_a_foreign_journal_changes_nothing(project: Path) -> None:
    _journal(project)
    before = snapshot(project)
    result = run("render", "--dry-run", cwd=project)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "journal.json" in result.stderr and "interrupted" in result.stderr
    assert snapshot(project) == before


def test_render_with_a_foreign_journal_deletes_no_target(project: Path) -> None:
    before = {t: (project / t).read_bytes() for t in TARGETS}
    journal = _journal(project)
    result = run("render", cwd=project)
    assert result.returncode == 0, result.stderr
    assert {t: (project / t).read_bytes() for t in TARGETS if (project / t).exists()} == before
    assert not journal.exists()


def test_a_journal_hash_that_does_not_match_deletes_nothing(project: Path) -> None:
    before = {t: (project / t).read_bytes() for t in TARGETS}
    _journal(project, sha256="0" * 64)
    assert run("render", cwd=project).returncode == 0
    assert {t: (project / t).read_bytes() for t in TARGETS if (project / t).exists()} == before


@pytest.mark.parametrize(
    "content",
    [
        "[]",
        '{"state": "staged", "token": "planner1", "entries": {"README.md": 1}}',
        '{"state": "staged", "token": "planner1", "entries": [{"target": 7, "backup": false}]}',
        '{"state": "staged", "token": "planner1", "entries": [{"target": "README.md", "backup": "no"}]}',
        '{"state": "oops", "token": "planner1", "entries": []}',
    ],
)
def test_a_malformed_journal_is_a_message_and_changes_nothing(project: Path, content: str) -> None:
    (project / ".planner" / "journal.json").write_text(content)
    before = snapshot(project)
    result = run("render", cwd=project)
    assert result.returncode == 2, result.stderr
    assert "journal.json" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(project) == before

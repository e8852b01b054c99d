from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from planner.errors import UnsafePathError
from planner.files import journal
from planner.files.apply import apply
from planner.files.plan import FilePlan


def plan(text: str = "hello\n") -> FilePlan:
    files = FilePlan()
    files.add("docs/a.md", text)
    files.add("docs/b.md", text)
    return files


def test_leftovers_of_interrupted_writes_are_removed_by_the_next_run(tmp_path: Path) -> None:
    apply(plan(), tmp_path)
    docs = tmp_path / "docs"
    stale = [
        docs / ".a.md.planner77.tmp",
        docs / ".b.md.planner77.bak",
        tmp_path / ".planner" / ".baseline.json.planner77.bak",
    ]
    for path in stale:
        path.write_text("half\n")
    mine = [
        docs / ".notes.md.1.bak",  # not beside a file planner knows: not planner's to delete
        docs / ".a.md.4242.bak",  # beside a generated file, but not planner's token format
        docs / ".b.md.k2x9_q1z.tmp",
    ]
    for path in mine:
        path.write_text("keep\n")
    apply(plan("changed\n"), tmp_path)
    assert [p for p in stale if p.exists()] == []
    assert [p.read_text() for p in mine] == ["keep\n"] * 3


def test_a_journal_cannot_make_recovery_touch_files_outside(tmp_path: Path) -> None:
    project, outside = tmp_path / "project", tmp_path / "outside.txt"
    outside.write_text("precious\n")
    (project / ".planner").mkdir(parents=True)
    (project / journal.JOURNAL).write_text(
        json.dumps(
            {
                "state": "staged",
                "token": "planner1",
                "entries": [{"target": "../outside.txt", "backup": False}],
            }
        )
    )
    with pytest.raises(UnsafePathError):
        apply(plan(), project)
    assert outside.read_text() == "precious\n"


def test_a_staged_journal_is_undone(tmp_path: Path) -> None:
    """The state a kill after the first rename leaves: the old file comes back."""
    apply(plan("old\n"), tmp_path)
    target = tmp_path / "docs/a.md"
    backup = target.with_name(".a.md.planner5.bak")
    backup.hardlink_to(target)
    staged = target.with_name(".a.md.planner5.tmp")
    staged.write_text("new, half of a swap\n")
    staged.replace(target)  # renamed over the target after the backup was linked
    new_file = tmp_path / "docs/c.md"
    new_file.write_text("new file of the swap\n")
    journal.write(
        tmp_path,
        journal.STAGED,
        "planner5",
        [
            journal.Entry("docs/a.md", True),
            journal.Entry(
                "docs/c.md", False, sha256=hashlib.sha256(new_file.read_bytes()).hexdigest()
            ),
        ],
    )
    assert journal.recover(tmp_path) == "undid an interrupted write of 2 files"
    assert target.read_text() == "old\n" and not new_file.exists() and not backup.exists()
    assert not journal.pending(tmp_path)

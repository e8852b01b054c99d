from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from planner.files.apply import apply
from planner.files.lock import LOCK, ProjectLocked
from planner.files.plan import FilePlan


def plan() -> FilePlan:
    files = FilePlan()
    files.add("a.txt", "hello\n")
    return files


def test_lock_is_released_after_writing(tmp_path: Path) -> None:
    apply(plan(), tmp_path)
    assert (tmp_path / "a.txt").read_text() == "hello\n"
    assert not (tmp_path / LOCK).exists()


def test_second_writer_gets_a_clear_message_and_nothing_changes(tmp_path: Path) -> None:
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        (tmp_path / ".planner").mkdir()
        (tmp_path / LOCK).write_text(f"{other.pid}\n")
        with pytest.raises(ProjectLocked, match=f"another planner process \\(pid {other.pid}\\)"):
            apply(plan(), tmp_path)
        assert not (tmp_path / "a.txt").exists()
    finally:
        other.kill()
        other.wait()


def test_stale_lock_is_taken_over(tmp_path: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    (tmp_path / ".planner").mkdir()
    (tmp_path / LOCK).write_text(dead.stdout)
    apply(plan(), tmp_path)
    assert (tmp_path / "a.txt").exists() and not (tmp_path / LOCK).exists()


def test_dry_run_takes_no_lock(tmp_path: Path) -> None:
    apply(plan(), tmp_path, dry_run=True)
    assert not (tmp_path / ".planner").exists()

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from planner.errors import UnsafePathError, WriteError
from planner.files import lock as lock_module
from planner.files.apply import apply
from planner.files.lock import LOCK, ProjectLocked, project_lock
from planner.files.plan import FilePlan

HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from planner.files.lock import project_lock
    with project_lock(Path(sys.argv[1])):
        print("held", flush=True)
        time.sleep(60)
    """
)


def plan() -> FilePlan:
    files = FilePlan()
    files.add("a.txt", "hello\n")
    return files


def hold(root: Path) -> subprocess.Popen[str]:
    """A real process that holds the project lock until it is killed."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(root)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    return holder


def test_lock_is_released_after_writing(tmp_path: Path) -> None:
    apply(plan(), tmp_path)
    assert (tmp_path / "a.txt").read_text() == "hello\n"
    assert not (tmp_path / LOCK).exists()


def test_second_writer_gets_a_clear_message_and_nothing_changes(tmp_path: Path) -> None:
    other = hold(tmp_path)
    try:
        with pytest.raises(ProjectLocked, match=f"another planner process \\(pid {other.pid}\\)"):
            apply(plan(), tmp_path)
        assert not (tmp_path / "a.txt").exists()
    finally:
        other.kill()
        other.wait()


def test_lock_of_a_killed_process_is_taken_over(tmp_path: Path) -> None:
    holder = hold(tmp_path)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert (tmp_path / LOCK).read_text() == f"{holder.pid}\n"
    apply(plan(), tmp_path)
    assert (tmp_path / "a.txt").exists() and not (tmp_path / LOCK).exists()


def test_a_live_pid_in_a_lock_nobody_holds_does_not_block_forever(tmp_path: Path) -> None:
    """A reused pid (or a lock copied in by hand) is stale when no process holds it."""
    (tmp_path / ".planner").mkdir()
    (tmp_path / LOCK).write_text(f"{os.getppid()}\n")
    apply(plan(), tmp_path)
    assert (tmp_path / "a.txt").exists()


def test_the_lock_file_is_never_seen_empty(tmp_path: Path) -> None:
    """A reader must never find the lock without its owner (it would call it stale)."""
    churn = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from planner.files.lock import project_lock
        (Path(sys.argv[1]) / ".planner").mkdir()
        for _ in range(300):
            with project_lock(Path(sys.argv[1])):
                pass
        """
    )
    worker = subprocess.Popen([sys.executable, "-c", churn, str(tmp_path)])
    path = tmp_path / LOCK
    seen: set[str] = set()
    while worker.poll() is None:
        try:
            seen.add(path.read_text())
        except FileNotFoundError:
            continue
    assert worker.returncode == 0
    assert "" not in seen
    assert seen <= {f"{worker.pid}\n"}


def test_lock_is_reentrant_in_one_process(tmp_path: Path) -> None:
    with project_lock(tmp_path), project_lock(tmp_path):
        assert (tmp_path / LOCK).read_text() == f"{os.getpid()}\n"
    assert not (tmp_path / LOCK).exists()


def test_dry_run_takes_no_lock(tmp_path: Path) -> None:
    apply(plan(), tmp_path, dry_run=True)
    assert not (tmp_path / ".planner").exists()


def test_full_disk_while_taking_the_lock_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(lock_module.os, "write", no_space)
    with pytest.raises(WriteError, match=r"cannot take the lock .*No space left on device"):
        apply(plan(), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_planner_folder_that_leads_out_is_refused(tmp_path: Path) -> None:
    """A .planner symlink to another folder: no lock there, and its files are left alone."""
    project, outside = tmp_path / "project", tmp_path / "outside"
    project.mkdir()
    outside.mkdir()
    (outside / "lock").write_text("not planner's\n")
    (project / ".planner").symlink_to(outside)
    with pytest.raises(UnsafePathError):
        apply(plan(), project)
    assert (outside / "lock").read_text() == "not planner's\n"
    assert sorted(p.name for p in outside.iterdir()) == ["lock"]
    assert not (project / "a.txt").exists()

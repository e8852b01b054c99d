"""The leftover sweep removes only planner's own staged copies, backups and lock files.

Team files that merely look like backups (``.settings.py.20261124.bak``) sit
beside generated files in a real project and must survive every render; what a
kill -9 leaves in ``.planner/`` (the journal's staged copy, the lock's
``lock-PID.new``) is removed by the next command, unless a live process holds it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.security.harness import run


@pytest.fixture
def project(tmp_path: Path) -> Path:
    result = run("new", "p", "--example", "demo", "--no-input", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path / "p"


def test_team_files_that_look_like_backups_survive_render(project: Path) -> None:
    settings = next(project.rglob("settings.py"), None) or next(project.rglob("app.py"))
    team = {
        settings.with_name(f".{settings.name}.20261124.bak"): "SECRET = 'old'\n",
        project / "docs" / ".architecture.md.my_notes.tmp": "notes\n",
        project / ".README.md.1.bak": "readme draft\n",
        project / ".README.md.12345678.tmp": "another draft\n",
    }
    for path, text in team.items():
        path.write_text(text)
    (project / "README.md").write_text("edited so render has work to do\n")
    result = run("render", "--force", cwd=project)
    assert result.returncode == 0, result.stderr
    assert {p: p.read_text() for p in team if p.exists()} == team


def test_leftovers_of_a_killed_planner_in_planner_folder_are_swept(project: Path) -> None:
    planner = project / ".planner"
    killed = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    killed.kill()  # kill -9: a real process id that no longer runs
    killed.wait(timeout=30)
    pid = killed.pid
    stale = [planner / f".journal.json.planner{pid}.tmp", planner / f"lock-{pid}.new"]
    for path in stale:
        path.write_text(f"{pid}\n")
    result = run("render", "--force", cwd=project)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in stale if p.exists()] == []


def test_lock_file_being_created_by_a_live_process_is_kept(project: Path) -> None:
    taking = project / ".planner" / "lock-4242.new"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time\n"
            f"fd = os.open({str(taking)!r}, os.O_RDWR | os.O_CREAT)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX)\n"
            "print('held', flush=True)\n"
            "sys.stdin.read()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        result = run("render", "--force", cwd=project)
        assert result.returncode == 0, result.stderr
        assert taking.exists()
    finally:
        holder.communicate("", timeout=30)

"""Helpers for the race, kill and symlink tests: real planner processes and project snapshots."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PLANNER = [sys.executable, "-m", "planner"]


def env(**extra: str) -> dict[str, str]:
    """The environment of a planner process: no terminal questions, no colours."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("PLANNER_TEST_PAUSE")}
    return {**base, "NO_COLOR": "1", **extra}


def start(*args: str | Path, cwd: Path, **extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*PLANNER, *map(str, args)],
        cwd=cwd,
        env=env(**extra),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run(*args: str | Path, cwd: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*PLANNER, *map(str, args)],
        cwd=cwd,
        env=env(**extra),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (symlinks as their target text), the lock excepted."""
    out = {}
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        if path.is_symlink():
            out[rel] = b"-> " + os.readlink(path).encode()
        elif path.is_file() and rel != ".planner/lock":
            out[rel] = path.read_bytes()
    return out


def leftovers(root: Path) -> list[str]:
    """Staged copies, backups and journals an interrupted write could leave behind."""
    return sorted(
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.name.endswith((".tmp", ".bak")) or p.name == "journal.json"
    )

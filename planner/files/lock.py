"""One writer at a time: a lock file in ``.planner/`` while a command writes a project."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from planner.errors import PlannerError
from planner.files.writer import ensure_dir

logger = logging.getLogger(__name__)

LOCK = ".planner/lock"


class ProjectLocked(PlannerError):
    """Another planner process is writing the same project."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def project_lock(root: Path) -> Iterator[None]:
    """Hold ``.planner/lock`` under ``root``; a lock left by a dead process is taken over."""
    path = root / LOCK
    created = [folder for folder in (root, path.parent) if not folder.exists()]
    ensure_dir(path.parent)
    for _ in range(2):
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            break
        except FileExistsError:
            try:
                pid = int(path.read_text().strip() or "0")
            except (OSError, ValueError):
                pid = 0
            if pid and pid != os.getpid() and _alive(pid):
                raise ProjectLocked(
                    f"another planner process (pid {pid}) is writing {root}; "
                    f"try again when it has finished (or remove {path} if it is gone)"
                ) from None
            logger.warning("taking over a stale lock %s (pid %s)", path, pid or "unknown")
            path.unlink(missing_ok=True)
    else:  # pragma: no cover - only when the lock reappears between unlink and open
        raise ProjectLocked(f"could not take the lock {path}")
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(f"{os.getpid()}\n")
        yield
    finally:
        path.unlink(missing_ok=True)
        for folder in reversed(created):  # leave no empty folder behind when nothing was written
            with contextlib.suppress(OSError):
                folder.rmdir()

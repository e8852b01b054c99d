"""One writer at a time: ``.planner/lock`` is held from reading the record to the last write.

The lock file appears on disk already holding its owner's pid (written to a
temporary file, locked with ``flock`` and then hard-linked into place), so no
other process ever reads it empty. Whether a lock is stale is asked of the
kernel, not guessed from the pid: the ``flock`` of a process that died, even
by kill -9, is released, and a lock that nobody holds is taken over. The
first thing done under a new lock is to finish or undo a swap that a crash
interrupted (see ``planner.files.journal``).

The lock is reentrant within a process: the CLI takes it before reading the
record, and the writer below takes it again without waiting for itself.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from planner import bounded_read
from planner.errors import PlannerError, WriteError
from planner.files.containment import contained
from planner.files.writer import ensure_dir

logger = logging.getLogger(__name__)

LOCK = ".planner/lock"

_held: dict[Path, int] = {}


class ProjectLocked(PlannerError):
    """Another planner process is writing the same project."""


def _owner(path: Path) -> str:
    try:
        return bounded_read.read_bytes(path, 4096).decode("utf-8").strip() or "unknown"
    except (OSError, UnicodeDecodeError, bounded_read.UnreadableInputError):
        return "unknown"


def _locked_by_someone(path: Path) -> bool:
    """True when a live process holds ``path``; False when it is stale (its flock is free)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return True
    # Nobody holds it: a dead process left it behind. Remove it only if it is still the
    # same file (another process may have taken it over meanwhile).
    try:
        if os.fstat(fd).st_ino == os.stat(path, follow_symlinks=False).st_ino:
            logger.warning("taking over the lock %s left by pid %s", path, _owner(path))
            path.unlink()
    except FileNotFoundError:
        pass
    finally:
        os.close(fd)
    return False


def _acquire(root: Path, path: Path) -> int:
    """Publish ``path`` with our pid in it, locked; returns the locked file descriptor."""
    tmp = path.with_name(f"{path.name}-{os.getpid()}.new")  # not a leftover the sweep removes
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        data = f"{os.getpid()}\n".encode()
        if os.write(fd, data) != len(data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        for _ in range(5):
            try:
                os.link(tmp, path)
                return fd
            except FileExistsError:
                if _locked_by_someone(path):
                    raise ProjectLocked(
                        f"another planner process (pid {_owner(path)}) is writing {root}; "
                        f"try again when it has finished"
                    ) from None
        raise ProjectLocked(f"could not take the lock {path}; try again")
    except BaseException:
        os.close(fd)
        raise
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


@contextlib.contextmanager
def project_lock(root: Path) -> Iterator[None]:
    """Hold ``.planner/lock`` under ``root``; recover an interrupted swap first."""
    from planner.files import journal

    key = Path(os.path.abspath(root))
    if key in _held:
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    path = contained(root, LOCK)
    created = [folder for folder in (root, path.parent) if not folder.exists()]
    ensure_dir(path.parent)
    path = contained(root, LOCK)  # again: .planner may be a symlink created meanwhile
    try:
        fd = _acquire(root, path)
    except OSError as exc:
        _remove_empty(created)
        raise WriteError(f"cannot take the lock {path}: {exc.strerror or exc}") from None
    except BaseException:
        _remove_empty(created)
        raise
    _held[key] = 1
    try:
        journal.recover(root)
        yield
    finally:
        del _held[key]
        with contextlib.suppress(OSError):
            path.unlink()
        os.close(fd)
        _remove_empty(created)


def _remove_empty(created: list[Path]) -> None:
    """Leave no empty folder behind when nothing was written."""
    for folder in reversed(created):
        with contextlib.suppress(OSError):
            folder.rmdir()

"""How check touches the file system: regular files inside the project only, read with a limit.

A FIFO named ``x.py`` would block a read forever and ``/dev/zero`` never ends;
a symlink may lead out of the project. So files are listed without following
links, and every read checks that it opens a regular file inside the root.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from operator import attrgetter
from pathlib import Path

READ_LIMIT = 4 * 1024 * 1024  # bytes; a source or configuration file larger than this is refused
SKIPPED_FOLDERS = {
    ".git",
    ".hg",
    ".svn",
    ".tox",
    ".nox",
    ".venv",
    "venv",
    "__pycache__",
    "node_modules",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".planner_cache",
}


_parts = attrgetter("parts")


class Unreadable(Exception):
    """A file check wanted to read but must not or cannot; the message says why."""


def python_files(folder: Path) -> Iterator[Path]:
    """Every regular ``*.py`` file under ``folder``; symlinks, FIFOs and devices are skipped."""
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name not in SKIPPED_FOLDERS:
                        stack.append(Path(entry.path))
                elif entry.name.endswith(".py") and entry.is_file(follow_symlinks=False):
                    yield Path(entry.path)
            except OSError:
                continue


def sorted_python_files(folder: Path) -> list[Path]:
    """``sorted(python_files(folder))``, quicker: a path is made only once the names are in
    order (compared part by part, as paths compare on POSIX)."""
    if os.sep != "/":
        return sorted(python_files(folder))
    found: list[str] = []
    stack = [str(folder)]
    while stack:
        current = stack.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name not in SKIPPED_FOLDERS:
                        stack.append(entry.path)
                elif entry.name.endswith(".py") and entry.is_file(follow_symlinks=False):
                    found.append(entry.path)
            except OSError:
                continue
    found.sort(key=_split)
    return [Path(path) for path in found]


def _split(path: str) -> list[str]:
    return path.split("/")


def sorted_paths(paths: Iterable[Path]) -> list[Path]:
    """``sorted(paths)``, comparing each path's parts as tuples in C on POSIX (where that is
    how paths compare) instead of calling ``Path.__lt__`` ten thousand times."""
    if os.sep == "/":
        return sorted(paths, key=_parts)
    return sorted(paths)


def inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except (OSError, ValueError, RuntimeError):
        return False
    return True


def read_bytes(path: Path, root: Path, limit: int = READ_LIMIT, *, listed: bool = False) -> bytes:
    """The bytes of a regular file inside ``root``; :class:`Unreadable` for anything else.

    ``listed``: the path comes from :func:`python_files`, which follows no links.
    """
    if not listed and not inside(path, root):
        raise Unreadable("it leads outside the project")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)  # a FIFO must not block the open
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise Unreadable(exc.strerror or str(exc)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable("it is not a regular file")
        if info.st_size > limit:
            raise Unreadable(f"it is larger than {limit // (1024 * 1024)} MiB")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise Unreadable(exc.strerror or str(exc)) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise Unreadable(f"it is larger than {limit // (1024 * 1024)} MiB")
    return data


def read_text(path: Path, root: Path, limit: int = READ_LIMIT) -> str:
    """A UTF-8 text file (a BOM allowed); :class:`Unreadable` names the bad byte."""
    data = read_bytes(path, root, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise Unreadable(f"it is not UTF-8 (byte {exc.start + 1}, line {line})") from None


def is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    import tempfile  # only a run that writes needs it

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if path.exists():
            os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

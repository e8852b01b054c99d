"""Where the files a command needs are: the record found as git finds ``.git``, inputs checked.

Every command words a missing path the same way: ``no <what> at <path>``.
"""

from __future__ import annotations

import os
from pathlib import Path

from planner.errors import MissingPathError

DEFAULT_RECORD = Path("architecture/decisions.yaml")


def find_record(start: Path | None = None) -> Path:
    """The nearest ``architecture/decisions.yaml`` in ``start`` (default: here) or above it.

    The search stops at the top of a git work tree (a folder holding ``.git``), so a
    record outside the repository is never picked up by accident. The path comes
    back relative to the current folder (``../../architecture/decisions.yaml``).
    """
    here = Path.cwd()
    folder = (start or here).resolve()
    for candidate in (folder, *folder.parents):
        record = candidate / DEFAULT_RECORD
        if record.is_file():
            return Path(os.path.relpath(record, here))
        if (candidate / ".git").exists():
            break
    raise MissingPathError(
        f"no decision record at {DEFAULT_RECORD} in {folder} or the folders above it; "
        "run `planner new` first, or name the record"
    )


def record_path(given: Path | None) -> Path:
    """The record a command works on: the one named, or the nearest one found."""
    if given is None:
        return find_record()
    return require_file(given, "decision record")


def require_files(paths: list[Path] | None, what: str) -> list[Path]:
    """Every path in ``paths`` checked with :func:`require_file`."""
    return [require_file(path, what) for path in paths or []]


def require_file(path: Path, what: str) -> Path:
    """``path`` if it is a file; else one message naming what was expected there."""
    if path.is_file():
        return path
    if path.is_dir():
        raise MissingPathError(f"no {what} at {path}: it is a folder, not a file")
    raise MissingPathError(f"no {what} at {path}")


def require_dirs(paths: list[Path] | None, what: str) -> list[Path]:
    """Every path in ``paths``, each a folder; else one message naming what was expected."""
    for path in paths or []:
        if not path.is_dir():
            raise MissingPathError(f"no {what} at {path}")
    return list(paths or [])

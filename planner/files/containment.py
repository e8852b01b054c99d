"""Containment: every path planner writes, deletes or reads templates from stays in its root.

One helper, used at every call site, so the rule lives in one place: no
absolute paths, no ``..``, no symbolic link (at any level, including the
folders on the way) that leads out of the root, and never into ``.git``.
A symlink loop is reported like any other unusable path, not as a crash.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath

from planner.errors import UnsafePathError, WriteError

#: Folders no generated file may land in: version control belongs to the team.
FORBIDDEN = (".git",)


class ForbiddenPathError(UnsafePathError):
    """A path inside the project that planner never writes (``.git``)."""

    def __init__(self, path: Path | str) -> None:
        WriteError.__init__(self, f"refusing to write {path}: planner never writes inside .git")


def _resolve(path: Path) -> Path:
    try:
        return Path(os.path.realpath(path, strict=False))
    except (OSError, RuntimeError) as exc:  # a symlink loop, a name too long
        raise WriteError(f"cannot use {path}: {getattr(exc, 'strerror', None) or exc}") from None


def _looping(path: Path) -> bool:
    """True when ``path`` (or a folder on the way) is a symlink loop."""
    try:
        path.resolve(strict=True)
    except FileNotFoundError:
        return False
    except (OSError, RuntimeError):
        return path.is_symlink() or any(p.is_symlink() for p in path.parents)
    return False


def contained(root: Path, relative: str | PurePath) -> Path:
    """``root / relative``, refusing anything that would resolve outside ``root`` or into .git."""
    rel = Path(relative)
    if rel.is_absolute() or ".." in rel.parts:
        raise UnsafePathError(str(relative), root)
    if any(part in FORBIDDEN for part in rel.parts):
        raise ForbiddenPathError(root / rel)
    candidate = root / rel
    if _looping(candidate):
        raise WriteError(f"cannot use {candidate}: it is a symbolic link loop")
    base = _resolve(root)
    resolved = _resolve(candidate)
    if resolved != base and base not in resolved.parents:
        raise UnsafePathError(candidate, root)
    inside = resolved.relative_to(base).parts
    if any(part in FORBIDDEN for part in inside):
        raise ForbiddenPathError(candidate)
    return candidate


def within(folder: Path, path: Path) -> bool:
    """True when ``path`` resolves inside ``folder`` (for files found by a loader)."""
    try:
        base = _resolve(folder)
        resolved = _resolve(path)
    except WriteError:
        return False
    return resolved == base or base in resolved.parents

"""The commit a repository is at, read from ``.git`` files (git itself is never run)."""

from __future__ import annotations

import re
from pathlib import Path

from planner.check.files import Unreadable, inside, read_text

_SHA = re.compile(r"^[0-9a-f]{40}(?:[0-9a-f]{24})?$")


def head_commit(root: Path) -> str | None:
    """The commit ``HEAD`` names, or None (not a repository, or ``.git`` leads outside)."""
    git = root / ".git"
    if git.is_symlink() or not git.is_dir():
        return None  # a .git file points elsewhere (a worktree): nothing outside is read
    try:
        head = read_text(git / "HEAD", root).strip()
    except Unreadable:
        return None
    if _SHA.match(head):
        return head  # a detached HEAD
    if not head.startswith("ref: "):
        return None
    ref = head[5:].strip()
    if ".." in ref.split("/") or not ref.startswith("refs/"):
        return None
    loose = git / ref
    if inside(loose, root):
        try:
            value = read_text(loose, root).strip()
            if _SHA.match(value):
                return value
        except Unreadable:
            pass
    try:
        packed = read_text(git / "packed-refs", root)
    except Unreadable:
        return None
    for line in packed.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1] == ref and _SHA.match(parts[0]):
            return parts[0]
    return None

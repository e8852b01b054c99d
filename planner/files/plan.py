"""A file plan: every file a command wants to write, and what writing it would do.

Renderers only produce plans (path -> bytes). Comparing a plan with the disk
and with the baseline of what planner wrote last time tells, per file,
whether it is new, unchanged, safe to update, or edited by the team.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from planner.errors import UnsafePathError
from planner.files.writer import contained


class Action(enum.Enum):
    NEW = "new"
    UNCHANGED = "unchanged"
    UPDATE = "update"  # on disk is what planner wrote last time: safe to replace
    CONFLICT = "conflict"  # on disk differs from what planner wrote: someone edited it
    KEEP = "keep"  # the team edited it and planner's version did not change
    MERGE = "merge"  # both changed, merged cleanly
    DELETED = "deleted"  # the team deleted it; it stays deleted
    OBSOLETE = "obsolete"  # planner no longer generates it
    REMOVE = "remove"  # obsolete and untouched: removed (--prune)
    REPLACED = "replaced"  # edited by the team, replaced because of --force


@dataclass
class FilePlan:
    """Relative POSIX path -> content; ``tracked`` files are remembered in the baseline."""

    files: dict[str, bytes] = field(default_factory=dict)
    tracked: set[str] = field(default_factory=set)
    read_back: dict[str, bytes] = field(default_factory=dict)
    """Disk contents whose edits the planned content already carries (safe to replace)."""
    pristine: dict[str, bytes] = field(default_factory=dict)
    """What planner itself would write, when the planned content also carries the team's
    edits: the baseline remembers this, so the next three-way comparison still sees them."""

    def remembered(self, path: str) -> bytes:
        """The bytes the baseline keeps for ``path``."""
        return self.pristine.get(path, self.files[path])

    def add(self, path: str, text: str | bytes, *, tracked: bool = True) -> None:
        pure = PurePosixPath(path)
        if pure.is_absolute() or ".." in pure.parts or not pure.parts:
            raise UnsafePathError(path, "the output folder")
        data = text.encode("utf-8") if isinstance(text, str) else text
        self.files[str(pure)] = data
        if tracked:
            self.tracked.add(str(pure))
        else:
            self.tracked.discard(str(pure))

    def update(self, other: FilePlan) -> None:
        for path, data in other.files.items():
            self.add(path, data, tracked=path in other.tracked)
        self.read_back.update(other.read_back)
        self.pristine.update(other.pristine)


@dataclass(frozen=True)
class Step:
    path: str
    action: Action
    old: bytes | None
    new: bytes

    def diff(self) -> str:
        import difflib

        old = (self.old or b"").decode("utf-8", errors="replace").splitlines(keepends=True)
        new = self.new.decode("utf-8", errors="replace").splitlines(keepends=True)
        return "".join(
            difflib.unified_diff(old, new, fromfile=f"a/{self.path}", tofile=f"b/{self.path}")
        )


def classify(plan: FilePlan, root: Path, baseline: dict[str, bytes]) -> list[Step]:
    """What writing ``plan`` under ``root`` would do to each file, in path order."""
    steps = []
    for path in sorted(plan.files):
        target = contained(root, path)
        new = plan.files[path]
        if target.is_symlink() or (target.exists() and not target.is_file()):
            steps.append(Step(path, Action.CONFLICT, None, new))
            continue
        if not target.exists():
            steps.append(Step(path, Action.NEW, None, new))
            continue
        old = target.read_bytes()
        if old == new:
            action = Action.UNCHANGED
        elif baseline.get(path) == old or plan.read_back.get(path) == old:
            action = Action.UPDATE
        else:
            action = Action.CONFLICT
        steps.append(Step(path, action, old, new))
    return steps

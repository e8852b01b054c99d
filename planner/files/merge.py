"""Three-way merge of text files: what planner wrote, what is on disk, what planner writes now.

Changes on one side only are taken as they are; the same change on both sides
is taken once; different changes to the same lines become git-style conflict
markers in the file (never a separate .rej file), and are counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

OURS = "<<<<<<< yours (the file as it was on disk)"
MIDDLE = "======="
THEIRS = ">>>>>>> planner (generated from the new decisions)"

Hunk = tuple[int, int, list[str], str]  # base start, base end, replacement lines, side


@dataclass(frozen=True)
class Merged:
    text: str
    conflicts: int


def _hunks(base: list[str], other: list[str], side: str) -> list[Hunk]:
    matcher = SequenceMatcher(None, base, other, autojunk=False)
    return [
        (i1, i2, other[j1:j2], side)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def _apply(base: list[str], lo: int, hi: int, hunks: list[Hunk]) -> list[str]:
    out: list[str] = []
    cursor = lo
    for start, end, lines, _ in sorted(hunks, key=lambda h: (h[0], h[1])):
        out.extend(base[cursor:start])
        out.extend(lines)
        cursor = end
    out.extend(base[cursor:hi])
    return out


def _terminated(lines: list[str]) -> list[str]:
    if lines and not lines[-1].endswith("\n"):
        return [*lines[:-1], lines[-1] + "\n"]
    return lines


def merge3(base: str, ours: str, theirs: str) -> Merged:
    """Merge ``ours`` (the team's file) and ``theirs`` (the new render) against ``base``."""
    if ours == theirs or theirs == base:
        return Merged(ours, 0)
    if ours == base:
        return Merged(theirs, 0)
    b = base.splitlines(keepends=True)
    o = ours.splitlines(keepends=True)
    t = theirs.splitlines(keepends=True)
    hunks = sorted(_hunks(b, o, "ours") + _hunks(b, t, "theirs"), key=lambda h: (h[0], h[1]))
    out: list[str] = []
    conflicts = 0
    position = 0
    index = 0
    while index < len(hunks):
        lo, hi = hunks[index][0], hunks[index][1]
        group = [hunks[index]]
        index += 1
        while index < len(hunks) and hunks[index][0] <= hi:
            group.append(hunks[index])
            hi = max(hi, hunks[index][1])
            index += 1
        out.extend(b[position:lo])
        mine = [h for h in group if h[3] == "ours"]
        new = [h for h in group if h[3] == "theirs"]
        if not new:
            out.extend(_apply(b, lo, hi, mine))
        elif not mine:
            out.extend(_apply(b, lo, hi, new))
        else:
            ours_part = _apply(b, lo, hi, mine)
            theirs_part = _apply(b, lo, hi, new)
            if ours_part == theirs_part:
                out.extend(ours_part)
            else:
                conflicts += 1
                out.append(OURS + "\n")
                out.extend(_terminated(ours_part))
                out.append(MIDDLE + "\n")
                out.extend(_terminated(theirs_part))
                out.append(THEIRS + "\n")
        position = hi
    out.extend(b[position:])
    return Merged("".join(out), conflicts)

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


def _text(data: bytes) -> str | None:
    """``data`` as text, or None when it is binary or not UTF-8 (such files are never merged)."""
    if b"\0" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _crlf(text: str) -> bool:
    """True when every line of ``text`` ends with CRLF (a Windows-edited file)."""
    return "\r\n" in text and text.count("\r\n") == text.count("\n")


def merge2(ours: str, theirs: str) -> Merged:
    """Without a common ancestor: keep the lines both sides share, mark each difference."""
    if ours == theirs:
        return Merged(ours, 0)
    o = ours.splitlines(keepends=True)
    t = theirs.splitlines(keepends=True)
    out: list[str] = []
    conflicts = 0
    matcher = SequenceMatcher(None, o, t, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(o[i1:i2])
            continue
        conflicts += 1
        out.append(OURS + "\n")
        out.extend(_terminated(o[i1:i2]))
        out.append(MIDDLE + "\n")
        out.extend(_terminated(t[j1:j2]))
        out.append(THEIRS + "\n")
    return Merged("".join(out), conflicts)


def merge_bytes(base: bytes | None, ours: bytes, theirs: bytes) -> Merged | None:
    """Merge file contents; None when a side is binary or not UTF-8 (keep ``ours`` untouched).

    A file the team keeps with CRLF line endings is merged line by line against
    planner's LF text and written back with CRLF. Without a baseline (planner
    never wrote the file, or its baseline is lost) the merge is two-way:
    shared lines stay, differences are marked.
    """
    mine, new = _text(ours), _text(theirs)
    old = _text(base) if base is not None else ""
    if mine is None or new is None or old is None:
        return None
    windows = _crlf(mine)
    if windows:
        mine = mine.replace("\r\n", "\n")
        old, new = old.replace("\r\n", "\n"), new.replace("\r\n", "\n")
    merged = merge3(old, mine, new) if base is not None else merge2(mine, new)
    if windows:
        return Merged(merged.text.replace("\n", "\r\n"), merged.conflicts)
    return merged


def has_markers(data: bytes) -> bool:
    """True when ``data`` still holds conflict markers planner wrote."""
    return any(
        line.rstrip(b"\r\n") in (OURS.encode(), THEIRS.encode()) for line in data.splitlines()
    )

"""Read back the status an ADR states, in every place a tool may have put it.

adr-tools edits the ``## Status`` section (``adr new -s``, ``adr link``); pyadr
and log4brains edit the bullet header (``* Status: accepted``); MADR 4 keeps it
in the YAML front matter (``status: accepted``). planner writes all the places
its style uses and keeps them in step; a tool changes one of them, and reading
it back tells which one the team changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BULLET = re.compile(r"^([*-])\s+Status:\s*(?P<value>.*?)\s*$", re.IGNORECASE)
_FRONT = re.compile(r"^status:\s*(?P<value>.*?)\s*$")
_LINK = re.compile(r"\[(?P<title>[^\]]*)\]\((?P<target>[^)\s]+)\)")
_WORD = re.compile(r"[a-z]+(?: by)?")

SECTION = "## Status"


@dataclass(frozen=True)
class Headers:
    """The status as each header of one ADR states it (None: that header is absent)."""

    section: tuple[str, ...] | None
    bullet: str | None
    front: str | None

    @property
    def status(self) -> str:
        """The status that wins: the ``## Status`` section, as adr-tools users edit it."""
        if self.section:
            return self.section[0]
        if self.front:
            return self.front
        if self.bullet:
            return self.bullet
        return "unknown"

    @property
    def lines(self) -> tuple[str, ...]:
        """Every status line: the section's, else the single header value."""
        if self.section:
            return self.section
        return (self.status,) if self.status != "unknown" else ()

    def disagreement(self) -> str | None:
        """A sentence naming the headers that state different statuses, or None."""
        stated = [
            (name, value)
            for name, value in (
                ("the ## Status section", self.section[0] if self.section else None),
                ("the front matter", self.front),
                ("the * Status: line", self.bullet),
            )
            if value
        ]
        words = {status_word(value) for _, value in stated}
        if len(words) <= 1:
            return None
        said = "; ".join(f"{name} says {status_word(value)!r}" for name, value in stated)
        return f"{said}; the ## Status section wins" if self.section else said


def status_word(text: str) -> str:
    """``"Superseded by [9. X](0009-x.md)"`` -> ``"superseded"``; the kind of status only."""
    match = _WORD.match(unquote(text).strip().lower())
    word = match.group(0) if match else text.strip().lower()
    return word.removesuffix(" by")


def unquote(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text


def front_matter(lines: list[str]) -> tuple[int, int] | None:
    """The (start, end) line indexes of the ``---`` fences of YAML front matter, if any."""
    if not lines or lines[0].strip() != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            return 0, i
    return None


def _section_span(lines: list[str]) -> tuple[int, int] | None:
    """The lines after ``## Status`` up to the next heading: (first, end)."""
    for i, line in enumerate(lines):
        if line.strip() == SECTION:
            end = i + 1
            while end < len(lines) and not lines[end].startswith("#"):
                end += 1
            return i + 1, end
    return None


def read(text: str) -> Headers:
    lines = text.splitlines()
    front = None
    fence = front_matter(lines)
    if fence is not None:
        for line in lines[fence[0] + 1 : fence[1]]:
            match = _FRONT.match(line)
            if match:
                front = unquote(match.group("value")) or None
    body_start = fence[1] + 1 if fence else 0
    section = None
    span = _section_span(lines)
    if span is not None:
        found = tuple(line.strip() for line in lines[span[0] : span[1]] if line.strip())
        section = found or None
    bullet = None
    for line in lines[body_start:]:
        if line.startswith("## "):
            break  # the bullet header sits between the title and the first section
        match = _BULLET.match(line.strip())
        if match:
            bullet = match.group("value") or None
            break
    return Headers(section, bullet, front)


def without_status(text: str) -> str:
    """The text with every status header blanked: equal results mean only statuses differ."""
    lines = text.splitlines()
    fence = front_matter(lines)
    out = list(lines)
    if fence is not None:
        for i in range(fence[0] + 1, fence[1]):
            if _FRONT.match(out[i]):
                out[i] = "status:"
    span = _section_span(out)
    if span is not None:
        out[span[0] : span[1]] = [""]
    for i, line in enumerate(out):
        if _BULLET.match(line.strip()):
            out[i] = "* Status:"
            break
    return "\n".join(line.rstrip() for line in out).strip() + "\n"


def merge_lines(
    base: tuple[str, ...], disk: tuple[str, ...], new: tuple[str, ...]
) -> tuple[str, ...]:
    """planner's new status lines with the team's additions and removals since ``base``.

    A line the team removed (``Accepted`` after ``adr new -s``) stays removed; a
    line the team added (``Superseded by ...``, ``Amends ...``) is kept after
    planner's. Without edits this is ``new``.
    """
    removed = set(base) - set(disk)
    added = [line for line in disk if line not in base]
    merged = [line for line in new if line not in removed]
    merged += [line for line in added if line not in merged]
    return tuple(merged) or new


def supersede_link(status: str) -> tuple[str, str] | None:
    """``("Title", "0007-x.md")`` when a status says "Superseded by [...](...)"."""
    if status_word(status) != "superseded":
        return None
    match = _LINK.search(status)
    return (match.group("title"), match.group("target")) if match else None


def split_link(line: str) -> tuple[str, tuple[str, str] | None, str]:
    """``"Amends [3. X](0003-x.md)"`` -> ``("Amends ", ("3. X", "0003-x.md"), "")``."""
    match = _LINK.search(line)
    if match is None:
        return line, None, ""
    return (
        line[: match.start()],
        (match.group("title"), match.group("target")),
        line[match.end() :],
    )

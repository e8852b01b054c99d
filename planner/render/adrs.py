"""ADRs: find the ones already in the folder, number new ones, render them all.

Generated ADRs end with an HTML comment naming the decision and revision they
record, so a later render finds them again and keeps their numbers; files
without that marker are the team's own and are never touched. Numbering
continues after the highest ``NNNN-`` file, as adr-tools does.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from planner.errors import PlannerError
from planner.files.containment import within
from planner.render.context import AdrRef, DecisionView
from planner.text import slugify

logger = logging.getLogger(__name__)

DEFAULT_ADR_DIR = "docs/adr"
RECORD_ADR = "record-architecture-decisions"
_NUMBERED = re.compile(r"^(\d+)-(.+)\.md$")
_DATED = re.compile(r"^\d{8}-.*\.md$")
_MARKER = re.compile(
    r"<!-- planner: decision=(?P<decision>[a-z0-9_-]+) revision=(?P<revision>\d+) -->"
)
_LINK = re.compile(r"\[(?P<title>[^\]]*)\]\((?P<target>[^)]+)\)")


class AdrFolderError(PlannerError):
    """The ADR folder holds files that would break numbering."""


def marker(decision: str, revision: int) -> str:
    return f"<!-- planner: decision={decision} revision={revision} -->"


@dataclass(frozen=True)
class ExistingAdr:
    number: int
    filename: str
    title: str
    status: str
    decision: str | None
    revision: int | None

    @property
    def ref(self) -> AdrRef:
        return AdrRef(self.number, self.filename, self.title)


def _title(first_line: str, filename: str) -> str:
    heading = first_line.lstrip("#").strip()
    match = re.match(r"^\d+\.\s*(.*)$", heading)
    return (match.group(1) if match else heading) or filename


def _status(lines: list[str]) -> str:
    """The status as adr-tools reads it: the text under ``## Status``, else the bullet header."""
    for i, line in enumerate(lines):
        if line.strip() == "## Status":
            body = []
            for follow in lines[i + 1 :]:
                if follow.startswith("#"):
                    break
                if follow.strip():
                    body.append(follow.strip())
            if body:
                return "; ".join(body)
    for line in lines:
        match = re.match(r"^[*-]\s+Status:\s*(.+)$", line.strip())
        if match:
            return match.group(1).strip()
    return "unknown"


def scan(folder: Path) -> list[ExistingAdr]:
    """Every numbered ADR in ``folder``; refuses date-named files, which break numbering."""
    if not folder.is_dir():
        return []
    dated = sorted(p.name for p in folder.iterdir() if _DATED.match(p.name))
    if dated:
        raise AdrFolderError(
            f"{folder} holds date-named ADRs ({', '.join(dated)}); planner numbers ADRs "
            "as NNNN-title.md like adr-tools, so rename these first (for example with "
            "adr-tools' numbering) or render into another folder"
        )
    found = []
    for path in sorted(folder.iterdir()):
        match = _NUMBERED.match(path.name)
        if not match or not path.is_file() or not within(folder, path):
            continue  # a symlink that leads out of the ADR folder is not read
        text = path.read_text(encoding="utf-8", errors="replace")
        lines = text.splitlines()
        mark = _MARKER.search(text)
        found.append(
            ExistingAdr(
                number=int(match.group(1)),
                filename=path.name,
                title=_title(lines[0] if lines else "", path.name),
                status=_status(lines),
                decision=mark.group("decision") if mark else None,
                revision=int(mark.group("revision")) if mark else None,
            )
        )
    return found


def filename(number: int, title: str) -> str:
    return f"{number:04d}-{slugify(title)}.md"


@dataclass
class Numbering:
    """Which file each generated ADR goes to."""

    record_adr: AdrRef | None
    generated_record_adr: bool
    decisions: dict[tuple[str, int], AdrRef]


def assign(views: Iterable[DecisionView], existing: list[ExistingAdr]) -> Numbering:
    """Reuse the numbers of ADRs planner wrote before; give new decisions the next ones."""
    by_marker = {(a.decision, a.revision): a for a in existing if a.decision}
    highest = max((a.number for a in existing), default=0)

    def next_number() -> int:
        nonlocal highest
        highest += 1
        return highest

    record_adr: AdrRef | None = None
    generated = True
    for adr in existing:
        if adr.filename.split("-", 1)[1] == f"{RECORD_ADR}.md":
            record_adr = adr.ref
            generated = adr.decision == RECORD_ADR
            break
    if record_adr is None:
        number = next_number()
        record_adr = AdrRef(
            number,
            filename(number, "Record architecture decisions"),
            "Record architecture decisions",
        )
    refs: dict[tuple[str, int], AdrRef] = {}
    for view in views:
        key = (view.id, view.revision)
        old = by_marker.get(key)
        if old is not None:
            refs[key] = AdrRef(old.number, old.filename, view.title)
        else:
            number = next_number()
            refs[key] = AdrRef(number, filename(number, view.title), view.title)
        view.adr = refs[key]
    return Numbering(record_adr, generated, refs)


def supersede_link(status: str) -> tuple[str, str] | None:
    """``("Title", "0007-x.md")`` when a status says "Superseded by [...](...)"."""
    if not status.lower().startswith("superseded"):
        return None
    match = _LINK.search(status)
    return (match.group("title"), match.group("target")) if match else None

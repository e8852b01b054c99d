"""The ADR folder: find the ADRs already there and number the new ones.

Generated ADRs end with an HTML comment naming the decision and revision they
record, so a later render finds them again and keeps their numbers; files
without that marker are the team's own and are never touched. Numbering
continues after the highest ``NNNN-`` file, as adr-tools and pyadr do. ADRs
named by date (log4brains) or not numbered yet (pyadr's ``XXXX-`` proposals)
are listed but take no number.
"""

from __future__ import annotations

import functools
import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from planner.files.containment import within
from planner.render.adrs.headers import Headers, front_matter, read
from planner.render.context import AdrRef, DecisionView
from planner.text import slugify

logger = logging.getLogger(__name__)

DEFAULT_ADR_DIR = "docs/adr"
RECORD_ADR = "record-architecture-decisions"
_DATED = re.compile(r"^(?P<label>(?:19|20)\d{6})-.+\.md$")
_NUMBERED = re.compile(r"^(?P<label>\d{1,6})-.+\.md$")
_UNNUMBERED = re.compile(r"^(?P<label>X{4})-.+\.md$")
_MARKER = re.compile(
    r"<!-- planner: decision=(?P<decision>[a-z0-9_-]+) revision=(?P<revision>\d+) -->"
)


def marker(decision: str, revision: int) -> str:
    return f"<!-- planner: decision={decision} revision={revision} -->"


@dataclass(frozen=True)
class ExistingAdr:
    number: int | None  # None: named by date or not numbered yet
    label: str
    filename: str
    title: str
    headers: Headers
    decision: str | None
    revision: int | None
    text: str

    @property
    def status(self) -> str:
        return self.headers.status

    @property
    def ref(self) -> AdrRef:
        return AdrRef(self.number or 0, self.filename, self.title)


def _title(lines: list[str], filename: str) -> str:
    fence = front_matter(lines)
    for line in lines[fence[1] + 1 if fence else 0 :]:
        if line.startswith("# "):
            heading = line[2:].strip()
            match = re.match(r"^\d+\.\s*(.*)$", heading)
            return (match.group(1) if match else heading) or filename
    return filename


def _kind(name: str) -> tuple[int | None, str] | None:
    """(number, label) for a file name that is an ADR, else None."""
    for pattern, numbered in ((_DATED, False), (_NUMBERED, True), (_UNNUMBERED, False)):
        match = pattern.match(name)
        if match:
            label = match.group("label")
            return (int(label) if numbered else None), label
    return None


@functools.cache
def _skip_warning(folder: str, shown: str) -> None:
    """Once per file and run: a command scans the ADR folder several times."""
    logger.warning("skipping %s/%s: the file name is not UTF-8", folder, shown)


def scan(folder: Path) -> list[ExistingAdr]:
    """Every ADR in ``folder``: numbered, date-named (log4brains) or pyadr's ``XXXX-``."""
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.iterdir()):
        try:
            path.name.encode("utf-8")
        except UnicodeEncodeError:  # a name in another encoding (caf\xe9): not ours to read
            _skip_warning(str(folder), os.fsencode(path.name).decode("utf-8", "backslashreplace"))
            continue
        kind = _kind(path.name)
        if kind is None or not path.is_file() or not within(folder, path):
            continue  # a symlink that leads out of the ADR folder is not read
        text = path.read_text(encoding="utf-8", errors="replace")
        lines = text.splitlines()
        mark = _MARKER.search(text)
        found.append(
            ExistingAdr(
                number=kind[0],
                label=kind[1],
                filename=path.name,
                title=_title(lines, path.name),
                headers=read(text),
                decision=mark.group("decision") if mark else None,
                revision=int(mark.group("revision")) if mark else None,
                text=text,
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
    """Reuse the numbers of ADRs planner wrote before; give new decisions the next ones.

    Two ADRs never share a title: a later one that would repeat an earlier
    title (a decision changed back, or changed in a detail) names its revision.
    """
    by_marker = {(a.decision, a.revision): a for a in existing if a.decision}
    highest = max((a.number for a in existing if a.number is not None), default=0)

    def next_number() -> int:
        nonlocal highest
        highest += 1
        return highest

    record_adr: AdrRef | None = None
    generated = True
    for adr in existing:
        if adr.number is not None and adr.filename.split("-", 1)[1] == f"{RECORD_ADR}.md":
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
    titles: set[str] = {record_adr.title.lower()}
    for view in views:
        key = (view.id, view.revision)
        title = view.title
        if str(title).lower() in titles:
            title = title + Markup(f" (revision {view.revision})")
        titles.add(str(title).lower())
        old = by_marker.get(key)
        if old is not None and old.number is not None:
            refs[key] = AdrRef(old.number, old.filename, title)
        else:
            number = next_number()
            refs[key] = AdrRef(number, filename(number, title), title)
        view.adr = refs[key]
    return Numbering(record_adr, generated, refs)

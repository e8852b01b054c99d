"""Carry what ADR tools changed in generated ADRs into planner's next version of them.

A tool (``adr new -s``, ``adr link``, log4brains, pyadr, a hand edit) changes one
status header of an ADR planner wrote. ``AdrWriter`` merges the team's lines into
planner's, writes every header of the style from the result, and, when nothing
but the status changed, marks the file as read back so it is replaced without a
conflict. The baseline keeps planner's own version so the next comparison still
sees the team's lines.
"""

from __future__ import annotations

from pathlib import Path

from planner.errors import PlannerError
from planner.files.plan import FilePlan
from planner.render.adrs import headers
from planner.render.adrs.folder import ExistingAdr, marker
from planner.render.adrs.style import Style


def baseline_of(root: Path) -> dict[str, bytes]:
    """What planner wrote last time; an unreadable baseline reads as none (nothing absorbed)."""
    from planner.files import baseline

    try:
        return baseline.load(root)
    except PlannerError:
        return {}


def yaml_str(text: str) -> str:
    """A YAML scalar that is always a string, whatever the text holds."""
    import json

    return json.dumps(text, ensure_ascii=False)


class AdrWriter:
    """Adds generated ADRs to a plan, carrying over status edits made by ADR tools.

    A tool (``adr new -s``, ``adr link``, log4brains, pyadr) changes one status
    header of an ADR planner wrote. The team's lines are merged into planner's
    (see ``headers.merge_lines``), every header of the style is written from the
    result, and when the team changed nothing but that status, the file is
    marked as read back so it is replaced without a conflict.
    """

    def __init__(
        self,
        root: Path,
        adr_dir: str,
        style: Style,
        existing: list[ExistingAdr],
        baseline: dict[str, bytes],
        numbers: dict[str, int],
    ) -> None:
        self.root = root
        self.adr_dir = adr_dir
        self.style = style
        self.by_key = {(a.decision, a.revision): a for a in existing if a.decision}
        self.baseline = baseline
        self.numbers = numbers
        self.final: dict[str, tuple[str, ...]] = {}

    def canonical(self, section_lines: list[str]) -> tuple[str, ...]:
        """planner's status in the form the style's own status header holds it."""
        if self.style.status_section:
            return tuple(section_lines)
        if self.style.front_matter:
            return (self.style.front_status(section_lines[0], self.numbers),)
        return (bullet_status(section_lines[0]),)

    def _stated(self, head: headers.Headers) -> tuple[str, ...]:
        if self.style.status_section:
            return head.section or ()
        value = head.front if self.style.front_matter else head.bullet
        return (value,) if value else ()

    def status_lines(
        self, filename: str, key: tuple[str, int], new: tuple[str, ...]
    ) -> tuple[str, ...]:
        """planner's status lines with the team's edits since planner's last render."""
        old = self.by_key.get(key)
        if old is not None:
            base_text = self.baseline.get(f"{self.adr_dir}/{old.filename}")
            base = (
                self._stated(headers.read(base_text.decode("utf-8", "replace")))
                if base_text
                else new
            )
            new = headers.merge_lines(base, self._stated(old.headers), new)
        self.final[filename] = new
        return new

    def add(
        self, plan: FilePlan, filename: str, key: tuple[str, int], text: str, pristine: str
    ) -> None:
        """Plan one ADR; the baseline remembers planner's own version (``pristine``)."""
        mark = marker(*key)
        if mark not in text:  # a team template without the marker must not renumber ADRs
            text = text.rstrip("\n") + "\n\n" + mark + "\n"
            pristine = pristine.rstrip("\n") + "\n\n" + mark + "\n"
        path = f"{self.adr_dir}/{filename}"
        plan.add(path, text)
        if pristine != text:
            plan.pristine[path] = pristine.encode("utf-8")
        old = self.by_key.get(key)
        base_text = self.baseline.get(path)
        if old is None or base_text is None or old.filename != filename:
            return
        disk, base = old.headers, headers.read(base_text.decode("utf-8", "replace"))
        ours = headers.read(text)
        synced = {  # what planner derives from the status the team edits
            "bullet": bullet_status(disk.status),
            "front": self.style.front_status(disk.status, self.numbers),
            "section": None,
        }
        others_kept = all(
            getattr(disk, name) in (getattr(base, name), getattr(ours, name), synced[name])
            for name, canonical in (
                ("section", self.style.status_section),
                ("bullet", not self.style.status_section and not self.style.front_matter),
                ("front", self.style.front_matter),
            )
            if not canonical
        )
        only_status = headers.without_status(old.text) == headers.without_status(
            base_text.decode("utf-8", "replace")
        )
        if others_kept and only_status:
            plan.read_back[path] = old.text.encode("utf-8")


def bullet_status(line: str) -> str:
    """``Superseded by [9. X](0009-x.md)`` -> ``superseded by [0009-x](0009-x.md)``.

    log4brains takes the text after "superseded by" as the slug of the successor,
    so the link text is the file name without ``.md``.
    """
    before, link, after = headers.split_link(line)
    if link is None:
        return line[:1].lower() + line[1:]
    stem = link[1].removesuffix(".md")
    return f"{before.strip().lower()} [{stem}]({link[1]}){after}".strip()

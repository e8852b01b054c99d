"""Plan the documents for a record: the architecture document, the ADRs and their index."""

from __future__ import annotations

import logging
import posixpath
from dataclasses import dataclass
from pathlib import Path

from planner.files.plan import FilePlan
from planner.files.writer import contained
from planner.questions.model import Bank
from planner.record.model import Record
from planner.render import adrs
from planner.render.context import AdrRef, DecisionView, decision_views, superseded_views
from planner.render.diagram import flowchart
from planner.render.environment import Templates

logger = logging.getLogger(__name__)

ARCHITECTURE_DOC = "docs/architecture.md"


@dataclass(frozen=True)
class IndexEntry:
    number: int
    filename: str
    title: str
    status: str
    superseded_by: tuple[str, str] | None

    @property
    def label(self) -> str:
        return f"{self.number:04d}"


def adr_folder(root: Path) -> str:
    """The ADR folder named by an existing ``.adr-dir`` (adr-tools' convention), or docs/adr."""
    marker = contained(root, ".adr-dir")
    if marker.is_file():
        named = marker.read_text(encoding="utf-8").strip()
        if named:
            contained(root, named)
            return posixpath.normpath(named)
    return adrs.DEFAULT_ADR_DIR


def _deciders(record: Record, revision: int) -> list[str]:
    for entry in record.history:
        if entry.number == revision and entry.participants:
            return list(entry.participants)
    return list(record.meeting.participants)


def plan_documents(
    record: Record,
    bank: Bank,
    root: Path,
    templates: Templates,
    *,
    record_path: str,
) -> FilePlan:
    """Every documentation file for ``record``, as it should be under ``root``."""
    adr_dir = adr_folder(root)
    existing = adrs.scan(contained(root, adr_dir))
    views = decision_views(record, bank)
    earlier = superseded_views(record, bank)
    numbering = adrs.assign([*earlier, *views], existing)
    _link_chains(earlier, views, numbering)
    plan = FilePlan()
    doc_dir = posixpath.dirname(ARCHITECTURE_DOC)
    revision = max((r.number for r in record.history), default=1)

    def adr_href(ref: AdrRef) -> str:
        return posixpath.relpath(posixpath.join(adr_dir, ref.filename), doc_dir)

    plan.add(
        ARCHITECTURE_DOC,
        templates.render(
            "docs/architecture.md.j2",
            collapse_blank_lines=True,
            project=record.project,
            meeting=record.meeting,
            views=views,
            open_items=[(v, a) for v in views for a in v.open],
            diagram=_markup(flowchart(record.flat_answers())),
            record_path=record_path,
            revision=revision,
            adr_href=adr_href,
        ),
    )
    if numbering.generated_record_adr and numbering.record_adr is not None:
        ref = numbering.record_adr
        plan.add(
            f"{adr_dir}/{ref.filename}",
            templates.render(
                "adr/record-architecture-decisions.md.j2",
                collapse_blank_lines=True,
                adr=ref,
                date=record.history[0].date if record.history else record.meeting.date,
                deciders=_deciders(record, 1),
                record_path=record_path,
                marker=_markup(adrs.marker(adrs.RECORD_ADR, 1)),
            ),
        )
    for view in [*earlier, *views]:
        ref = numbering.decisions[(view.id, view.revision)]
        plan.add(f"{adr_dir}/{ref.filename}", _render_adr(templates, record, view, record_path))
    plan.add(
        f"{adr_dir}/index.md",
        _render_index(templates, record, existing, numbering, [*earlier, *views]),
    )
    plan.add(f"{adr_dir}/templates/template.md", templates.render("adr/template.md.j2"))
    marker = root / ".adr-dir"
    if not marker.exists() or marker.read_text(encoding="utf-8") == adr_dir + "\n":
        plan.add(".adr-dir", adr_dir + "\n")
    logger.info("planned %d documents (%d ADRs)", len(plan.files), len(views))
    return plan


def _link_chains(
    earlier: list[DecisionView], current: list[DecisionView], numbering: adrs.Numbering
) -> None:
    """Point each superseded ADR at its successor, and each successor back at it."""
    by_key = {(v.id, v.revision): v for v in [*earlier, *current]}
    for view in earlier:
        successor = by_key.get((view.id, view.replaced_in or 0))
        if successor is not None:
            view.superseded_by = numbering.decisions[(successor.id, successor.revision)]
            successor.supersedes = [numbering.decisions[(view.id, view.revision)]]


def _status_lines(view: DecisionView) -> tuple[str, list[str]]:
    """The bullet status (lower case) and the ``## Status`` section lines (capitalised)."""
    if view.superseded_by is not None:
        ref = view.superseded_by
        name = ref.filename[: -len(".md")]
        earlier = [f"Supersedes [{r.number}. {r.title}]({r.filename})" for r in view.supersedes]
        return (
            f"superseded by [{name}]({ref.filename})",
            [f"Superseded by [{ref.number}. {ref.title}]({ref.filename})", *earlier],
        )
    status = view.adr_status
    lines = [status.capitalize()]
    for ref in view.supersedes:
        lines.append(f"Supersedes [{ref.number}. {ref.title}]({ref.filename})")
    return status, lines


def _render_adr(templates: Templates, record: Record, view: DecisionView, record_path: str) -> str:
    status, section = _status_lines(view)
    return templates.render(
        "adr/decision.md.j2",
        collapse_blank_lines=True,
        view=view,
        status_line=_markup(status),
        status_section=[_markup(line) for line in section],
        deciders=_deciders(record, view.revision),
        record_path=record_path,
        marker=_markup(adrs.marker(view.id, view.revision)),
    )


def _render_index(
    templates: Templates,
    record: Record,
    existing: list[adrs.ExistingAdr],
    numbering: adrs.Numbering,
    views: list[DecisionView],
) -> str:
    entries: dict[str, IndexEntry] = {}
    for adr in existing:
        entries[adr.filename] = IndexEntry(
            adr.number, adr.filename, adr.title, adr.status, adrs.supersede_link(adr.status)
        )
    if numbering.record_adr is not None and numbering.generated_record_adr:
        ref = numbering.record_adr
        entries[ref.filename] = IndexEntry(ref.number, ref.filename, ref.title, "Accepted", None)
    for view in views:
        ref = numbering.decisions[(view.id, view.revision)]
        successor = view.superseded_by
        entries[ref.filename] = IndexEntry(
            ref.number,
            ref.filename,
            ref.title,
            view.adr_status.capitalize(),
            (f"{successor.number}. {successor.title}", successor.filename) if successor else None,
        )
    ordered = sorted(entries.values(), key=lambda e: (e.number, e.filename))
    return templates.render(
        "adr/index.md.j2", collapse_blank_lines=True, project=record.project, entries=ordered
    )


def _markup(text: str) -> str:
    from markupsafe import Markup

    return Markup(text)

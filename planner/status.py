"""``planner status`` as a library: what in a project needs a person now.

For the weekly meeting, and for CI: decisions left open whose revisit date has
passed (with the owner the meeting named), generated files someone edited or
that lag behind the record (the drift a render would show, computed without
writing anything), and ADRs whose status headers disagree or that an ADR tool
superseded while the record still holds the decision. Nothing is written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from planner.record.io import load_record
from planner.record.model import Record
from planner.render import default_root, plan_all

EDITED = "edited by hand"
STALE = "behind the record"
EDITED_AND_STALE = "edited by hand and behind the record"
DELETED = "deleted"


@dataclass(frozen=True)
class OpenDecision:
    """A question the meeting left for later."""

    question: str  # heuristic.question
    owner: str
    revisit: str  # as the meeting wrote it: a date or words ("after the pilot")
    due: dt.date | None  # the revisit date, when it is one
    overdue: bool


@dataclass(frozen=True)
class FileDrift:
    path: str
    state: str


@dataclass(frozen=True)
class AdrNote:
    path: str
    message: str


@dataclass
class ProjectStatus:
    record: Path
    today: dt.date
    open: list[OpenDecision] = field(default_factory=list)
    files: list[FileDrift] = field(default_factory=list)
    adrs: list[AdrNote] = field(default_factory=list)
    check: dict[str, int] | None = None
    """``planner check`` findings per rule, for a project planner generated or adopted
    (None otherwise: check was not run)."""

    @property
    def overdue(self) -> list[OpenDecision]:
        return [o for o in self.open if o.overdue]

    @property
    def exit_code(self) -> int:
        """1 when a decision is overdue, so a scheduled CI job fails visibly."""
        return 1 if self.overdue else 0

    def to_json(self) -> dict[str, Any]:
        def item(obj: Any) -> dict[str, Any]:
            data = asdict(obj)
            return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in data.items()}

        return {
            "record": str(self.record),
            "today": self.today.isoformat(),
            "overdue": len(self.overdue),
            "open": [item(o) for o in self.open],
            "files": [item(f) for f in self.files],
            "adrs": [item(a) for a in self.adrs],
            "check": self.check,
        }


def _due(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


def project_status(record_file: Path, *, today: dt.date) -> ProjectStatus:
    """Everything in the project at ``record_file`` that needs a person, as of ``today``."""
    loaded = load_record(record_file)
    record = loaded.record
    status = ProjectStatus(record_file, today)
    for hid, decision in record.decisions.items():
        for key, item in decision.open.items():
            due = _due(item.revisit)
            status.open.append(
                OpenDecision(
                    f"{hid}.{key}", item.owner, item.revisit, due, bool(due and due < today)
                )
            )
    root = default_root(record_file)
    plan = plan_all(loaded.record, loaded.bank, root, record_file=record_file)
    status.files = _drift(plan.files, plan.tracked, plan.read_back, root)
    status.adrs = adr_notes(root, record)
    status.check = _check_counts(root, record)
    return status


def _check_counts(root: Path, record: Record) -> dict[str, int] | None:
    """Findings per rule when planner generated this project (it has a baseline) or the
    record was adopted from its code; None for a record kept apart from any code."""
    from planner.check.config import from_pyproject, merge
    from planner.check.runner import CheckError, run_check
    from planner.files import baseline

    if not (root / baseline.BASELINE).is_file() and not record.adopted:
        return None
    try:
        config, _ = from_pyproject(root)
        config = merge(config, record.check, "the decision record", "check.", record.check_lines)
        report = run_check(
            root, record.project.package, record.flat_answers(), config=config, use_cache=False
        )  # status writes nothing, not even the facts cache
    except CheckError:
        return None  # the package moved or was renamed: `planner check` says so itself
    counts: dict[str, int] = {}
    for finding in report.findings:
        counts[finding.rule] = counts.get(finding.rule, 0) + 1
    return dict(sorted(counts.items()))


def _drift(
    planned: dict[str, bytes], tracked: set[str], read_back: dict[str, bytes], root: Path
) -> list[FileDrift]:
    from planner.files import baseline
    from planner.files.writer import contained

    known = baseline.load(root)
    out = []
    for path in sorted(tracked):
        target = contained(root, path)
        new, base = planned[path], known.get(path)
        if not target.is_file():
            if base is not None:
                out.append(FileDrift(path, DELETED))
            continue
        disk = target.read_bytes()
        if disk == new or read_back.get(path) == disk:
            continue  # current, or only a status an ADR tool changed (render syncs it)
        if base is None or disk != base:
            out.append(FileDrift(path, EDITED if base in (None, new) else EDITED_AND_STALE))
        else:
            out.append(FileDrift(path, STALE))
    return out


def adr_notes(root: Path, record: Record) -> list[AdrNote]:
    """ADRs whose headers disagree, or that a tool superseded while the record holds them."""
    from planner.render import adrs
    from planner.render.adrs.headers import status_word
    from planner.render.context import decision_revision
    from planner.render.documents import adr_folder

    folder = adr_folder(root)
    notes = []
    for adr in adrs.scan(root / folder):
        path = f"{folder}/{adr.filename}"
        disagreement = adr.headers.disagreement()
        if disagreement:
            notes.append(AdrNote(path, f"status headers disagree: {disagreement}"))
        if (
            adr.decision is not None
            and adr.decision in record.decisions
            and adr.revision == decision_revision(record, adr.decision)
            and status_word(adr.status) == "superseded"
        ):
            notes.append(
                AdrNote(
                    path,
                    f"superseded outside planner ({adr.status}), but the record still holds "
                    f"decision {adr.decision!r} as {record.decisions[adr.decision].status}: "
                    f"run `planner revisit --only {adr.decision}` to record what replaced it",
                )
            )
    return notes

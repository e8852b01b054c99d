"""``planner revisit`` as a library: change decisions, keep the history, update the files.

Earlier answers become the defaults; ``only`` re-asks some heuristics and keeps
the rest fixed. A changed decision moves into a new history revision, so its
ADR is superseded rather than rewritten; a decision that was left open and is
now made is accepted in place. A revisit that changes nothing writes nothing.
"""

from __future__ import annotations

import copy
import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from planner.errors import AnswerError, PlannerError
from planner.files.apply import UpdateOutcome, snapshot, update
from planner.kickoff import parse_set, record_bytes
from planner.questions.engine import Interview, unanswered
from planner.questions.model import DEFERRED, Bank, Question, Value
from planner.questions.values import display
from planner.reader import did_you_mean
from planner.record.build import build_record
from planner.record.io import LoadedRecord, dump_revised, load_answers, load_record
from planner.record.model import OpenItem, Record, Revision
from planner.record.parse import Parsed
from planner.render import default_root, plan_all, record_location
from planner.render.context import decision_revision

logger = logging.getLogger(__name__)


@dataclass
class RevisitRequest:
    record: Path
    only: Sequence[str] = ()
    answers_file: Path | None = None
    sets: Sequence[str] = ()
    defaults: bool = False
    no_input: bool = False
    date: dt.date | None = None
    participants: Sequence[str] = ()
    summary: str = ""
    # A person answers at a terminal: only then is a changed decision's old rationale left
    # out of the defaults (they are asked for the new reason). Answered without one, it is
    # carried over, marked, as with --no-input.
    at_terminal: bool = False


@dataclass(frozen=True)
class Change:
    heuristic: str
    question: str
    title: str
    old: Value
    new: Value

    def __str__(self) -> str:
        return f"{self.heuristic}.{self.question}: {display(self.old)} -> {display(self.new)}"


@dataclass
class Revisit:
    request: RevisitRequest
    loaded: LoadedRecord
    interview: Interview
    date: dt.date
    old_answers: dict[str, Value] = field(default_factory=dict)
    source: bytes | None = None  # the record's bytes as read: a change meanwhile is refused
    open_items: dict[str, OpenItem] = field(default_factory=dict)
    """Who and when for questions left for later in this revisit (from the wizard)."""

    @property
    def bank(self) -> Bank:
        return self.loaded.bank

    def unanswered(self) -> list[Question]:
        return unanswered(
            self.interview, use_defaults=self.request.defaults or self.request.no_input
        )


def start(request: RevisitRequest, *, today: dt.date | None = None) -> Revisit:
    """Load the record and prepare an interview whose defaults are the earlier answers."""
    source = snapshot(request.record)
    loaded = load_record(request.record)
    bank = loaded.bank
    old = loaded.record.flat_answers()
    sections = [s.id for s in bank.sections]
    for name in request.only:
        if name not in sections:
            raise AnswerError(f"--only {name!r}: no such heuristic{did_you_mean(name, sections)}")
    fixed: dict[str, Value] = {}
    if request.only:
        fixed = {
            qid: value for qid, value in old.items() if qid.split(".", 1)[0] not in request.only
        }
    if request.answers_file:
        loaded_answers = load_answers(request.answers_file, bank)
        fixed.update(
            loaded_answers.answers() if isinstance(loaded_answers, Parsed) else loaded_answers
        )
    for item in request.sets:
        qid, value = parse_set(bank, item)
        fixed[qid] = value
    interactive = request.at_terminal and not (request.defaults or request.no_input)
    kind = _AskRationaleAgain if interactive else Interview
    asked = _with_evidence(bank, request, loaded.record) if loaded.record.adopted else bank
    interview = kind(
        asked, fixed=fixed, defaults=old, target_name=default_root(request.record).resolve().name
    )
    open_items = {
        f"{heuristic}.{key}": copy.copy(item)
        for heuristic, decision in loaded.record.decisions.items()
        for key, item in decision.open.items()
    }
    date = request.date or today or dt.date.today()
    return Revisit(request, loaded, interview, date, old, source, open_items)


class _AskRationaleAgain(Interview):
    """A revisit interview that offers no old rationale for a decision that changed.

    The old rationale argued for the old answer; when a person is at the
    terminal, they are asked for the new reason rather than nudged to keep it.
    """

    def default_for(self, question: Question) -> Value:
        if question.key == "rationale" and question.id not in self.answers:
            section = question.section
            for qid, value in self.answers.items():
                if qid.split(".", 1)[0] == section and self.defaults.get(qid, value) != value:
                    return ""
        return super().default_for(question)


def changes(bank: Bank, old: dict[str, Value], new: dict[str, Value]) -> list[Change]:
    """Answer-level differences, in bank order (rationales included)."""
    out = []
    for question in bank.questions():
        before, after = old.get(question.id), new.get(question.id)
        if before != after and not (before is None and after in ("", [])):
            out.append(Change(question.section, question.key, question.title, before, after))
    return out


def _with_evidence(bank: Bank, request: RevisitRequest, record: Record) -> Bank:
    """For a record ``planner adopt`` wrote: read the code again (nothing is written) and show
    each question's evidence in its help. Code that cannot be read leaves the help as it is."""
    from planner.adopt.help import with_evidence
    from planner.adopt.run import adopt

    try:
        adoption = adopt(
            default_root(request.record), bank, package=record.project.package, save_cache=False
        )
    except PlannerError as exc:
        logger.info("no evidence for the revisit: %s", exc.message)
        return bank
    return with_evidence(bank, adoption)


def build(revisit: Revisit) -> tuple[Record, list[Change]]:
    """The revised record and what changed; the record is unchanged when nothing did."""
    bank = revisit.bank
    old_record = revisit.loaded.record
    pending = revisit.interview.pending()
    if pending is not None:
        raise AnswerError(f"{pending.id} is not answered yet")
    new_answers = revisit.interview.resolved()
    found = changes(bank, revisit.old_answers, new_answers)
    if not found:
        return old_record, []
    # Questions still open keep who brings them back and when.
    still_open = {
        f"{hid}.{key}": item
        for hid, decision in old_record.decisions.items()
        for key, item in decision.open.items()
    }
    still_open.update(revisit.open_items)
    fresh = build_record(
        bank, new_answers, date=revisit.date, packs=old_record.packs, open_items=still_open
    )
    record = copy.deepcopy(old_record)
    record.project = fresh.project
    number = max((r.number for r in record.history), default=1) + 1
    previous = {}
    changed_heuristics = []
    for heuristic in dict.fromkeys(c.heuristic for c in found):
        if heuristic not in record.decisions:
            continue
        old_decision = record.decisions[heuristic]
        new_decision = fresh.decisions[heuristic]
        made_now = [c for c in found if c.heuristic == heuristic and c.question != "rationale"]
        if not made_now:  # only the rationale changed: a correction, not a new decision
            old_decision.rationale = new_decision.rationale
            continue
        was_open_only = all(c.old is DEFERRED for c in made_now)
        restated = any(c.heuristic == heuristic and c.question == "rationale" for c in found)
        amended = old_decision.status == "proposed"  # never accepted: nothing argued for
        if old_decision.rationale and not restated and not was_open_only and not amended:
            new_decision.rationale = carried_over(
                old_decision.rationale, decision_revision(old_record, heuristic), heuristic
            )
        # Kept even when open answers were only filled in, so the record can be shown as
        # it stood (diff --rev); such a revision completes the decision's ADR rather than
        # superseding it (Record.replacements).
        previous[heuristic] = old_decision
        record.decisions[heuristic] = new_decision
        changed_heuristics.append(heuristic)
    summary = revisit.request.summary or (
        "Revisited " + ", ".join(changed_heuristics) if changed_heuristics else "Corrections"
    )
    record.history.append(
        Revision(
            number=number,
            date=revisit.date,
            participants=list(revisit.request.participants or record.meeting.participants),
            summary=summary,
            previous=previous,
        )
    )
    return record, found


CARRIED_OVER = "Carried over from the earlier decision"


def carried_over(rationale: str, revision: int, heuristic: str) -> str:
    """The old rationale, visibly marked: it argued for the answer that just changed."""
    if rationale.startswith(CARRIED_OVER):
        return rationale
    return (
        f"{CARRIED_OVER} (revision {revision}) and not restated for the new answer; "
        f"it may argue for the old one. Restate it with `planner revisit --only {heuristic}`.\n\n"
        f"{rationale}"
    )


def apply_revisit(
    revisit: Revisit,
    record: Record,
    *,
    dry_run: bool = False,
    restore: bool = False,
    prune: bool = False,
) -> UpdateOutcome:
    """Write the revised record, documents and skeleton; edits are kept or merged."""
    path = revisit.request.record
    root = default_root(path)
    plan = plan_all(record, revisit.bank, root, record_file=path)
    text = dump_revised(revisit.loaded, record)
    plan.add(record_location(path, root), record_bytes(record, revisit.bank, text), tracked=False)
    return update(
        plan,
        root,
        dry_run=dry_run,
        restore=restore,
        prune=prune,
        expect={path: revisit.source},
    )


def record_at(record: Record, revision: int) -> Record:
    """The record as it stood after ``revision`` (decisions replaced later are put back)."""
    known = [r.number for r in record.history]
    if revision not in known:
        raise AnswerError(f"no revision {revision}; this record has {', '.join(map(str, known))}")
    past = copy.deepcopy(record)
    for entry in sorted(past.history, key=lambda r: r.number, reverse=True):
        if entry.number <= revision:
            break
        past.decisions.update(copy.deepcopy(entry.previous))
    past.history = [r for r in past.history if r.number <= revision]
    return past

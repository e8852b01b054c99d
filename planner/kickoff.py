"""``planner new`` as a library: gather answers from every source, then write the record.

The CLI decides whether to prompt; this module never prints or prompts. It
collects fixed answers (example, answers file, ``--set``), restores a draft,
fills defaults when asked to, and finally writes the record and its schema.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from planner import resources
from planner.errors import AnswerError, PlannerError, TargetExistsError
from planner.files.apply import Outcome, apply, snapshot, update
from planner.files.writer import check_writable, contained
from planner.questions.engine import Interview, unanswered
from planner.questions.loader import load_bank
from planner.questions.model import Bank, Question, Value
from planner.questions.values import parse_set as parse_set  # its home; kept importable here
from planner.reader import did_you_mean
from planner.record import draft
from planner.record.build import build_record
from planner.record.io import SCHEMA_FILENAME, dump_record, load_answers
from planner.record.model import OpenItem, Record
from planner.record.parse import Parsed
from planner.record.schema import schema_text
from planner.render import check_record_path, plan_all, record_location

logger = logging.getLogger(__name__)

DEFAULT_RECORD = Path("architecture") / "decisions.yaml"
NON_INTERACTIVE_FLAGS = "--answers FILE, --set ID=VALUE, --defaults or --no-input"


@dataclass
class NewRequest:
    target: Path
    record: Path = DEFAULT_RECORD
    answers_file: Path | None = None
    sets: Sequence[str] = ()
    packs: Sequence[Path] = ()
    example: str | None = None
    defaults: bool = False
    no_input: bool = False
    resume: bool = False
    force: bool = False
    date: dt.date | None = None

    @property
    def record_path(self) -> Path:
        return self.record if self.record.is_absolute() else self.target / self.record


@dataclass
class Kickoff:
    """A prepared meeting: the bank, the interview and where things will be written."""

    request: NewRequest
    bank: Bank
    interview: Interview
    date: dt.date
    open_items: dict[str, OpenItem] = field(default_factory=dict)
    record_before: bytes | None = None  # the record's bytes at the start: a change is refused
    resumed: bool = False

    @property
    def record_path(self) -> Path:
        return self.request.record_path

    @property
    def draft_path(self) -> Path:
        return draft.draft_path(self.record_path)

    def unanswered(self) -> list[Question]:
        """Questions still needing a person: after defaults if ``--defaults``/``--no-input``."""
        return unanswered(
            self.interview, use_defaults=self.request.defaults or self.request.no_input
        )


def _example_record(name: str) -> Path:
    found = resources.examples()
    if name not in found:
        known = ", ".join(found) or "none installed"
        raise AnswerError(f"unknown example {name!r}{did_you_mean(name, found)}; examples: {known}")
    return found[name]


def start(request: NewRequest, *, today: dt.date | None = None) -> Kickoff:
    """Check the target, load the bank and every answer source; ask nothing yet."""
    record_path = request.record_path
    if request.record.is_absolute() or ".." in request.record.parts:
        raise AnswerError(f"--record {request.record}: give a path inside the project folder")
    if request.record.parts and request.record.parts[0] == ".planner":
        raise AnswerError(f"--record {request.record}: .planner/ holds planner's own files")
    if request.record.name == SCHEMA_FILENAME:
        raise AnswerError(
            f"--record {request.record}: planner writes the record's JSON Schema there; "
            "choose another name (the default is architecture/decisions.yaml)"
        )
    if record_path.exists() and not request.force and not request.resume:
        raise TargetExistsError(
            f"{record_path} already exists; use `planner revisit` to change decisions, "
            "or --force to start over"
        )
    check_writable(record_path.parent)
    bank = load_bank(list(request.packs))
    fixed: dict[str, Value] = {}
    open_items: dict[str, OpenItem] = {}
    date = request.date
    sources: list[Path] = []
    if request.example:
        sources.append(_example_record(request.example))
    if request.answers_file:
        sources.append(request.answers_file)
    for source in sources:
        loaded = load_answers(source, bank)
        if isinstance(loaded, Parsed):
            fixed.update(loaded.answers())
            open_items.update(loaded.open_items)
            if date is None and "meeting.date" in loaded.present:
                date = loaded.record.meeting.date
        else:
            fixed.update(loaded)
    for item in request.sets:
        qid, value = parse_set(bank, item)
        fixed[qid] = value
    interview = Interview(bank, fixed=fixed, target_name=request.target.resolve().name)
    if request.resume:
        path = draft.draft_path(record_path)
        if not path.exists():
            raise AnswerError(f"no draft to resume at {path}")
        kept = draft.load_draft(path, bank)
        interview.preload(kept.answers)
        interview.defaults.update(kept.later)
        open_items.update(kept.open)
        logger.info("resumed %d answers from %s", len(interview.answers), path)
    before = snapshot(record_path)
    return Kickoff(
        request,
        bank,
        interview,
        date or today or dt.date.today(),
        open_items,
        record_before=before,
        resumed=request.resume,
    )


def build(kickoff: Kickoff) -> Record:
    """The record for the answers collected so far (every question must be settled)."""
    pending = kickoff.interview.pending()
    if pending is not None:
        raise AnswerError(f"{pending.id} is not answered yet")
    return build_record(
        kickoff.bank,
        kickoff.interview.resolved(),
        date=kickoff.date,
        packs=[str(p) for p in _relative_packs(kickoff)],
        open_items=kickoff.open_items,
    )


def _relative_packs(kickoff: Kickoff) -> list[Path]:
    base = kickoff.record_path.parent.resolve()
    out = []
    for pack in kickoff.request.packs:
        resolved = pack.resolve()
        try:
            out.append(resolved.relative_to(base))
        except ValueError:
            out.append(Path(os.path.relpath(resolved, base)))
    return out


def finish(kickoff: Kickoff, *, template_dirs: Sequence[Path] = ()) -> Outcome:
    """Write the record, its JSON Schema and the documents in one step; drop the draft."""
    record = build(kickoff)
    root = kickoff.request.target
    path = kickoff.record_path
    plan = plan_all(record, kickoff.bank, root, record_file=path, template_dirs=template_dirs)
    record_rel = record_location(path, root)
    schema_rel = str(PurePosixPath(record_rel).parent / SCHEMA_FILENAME)
    if schema_rel == record_rel:
        raise AnswerError(f"--record {record_rel}: planner writes the record's JSON Schema there")
    check_record_path(plan, record_rel, schema_rel)
    plan.add(record_rel, record_bytes(record, kickoff.bank), tracked=False)
    plan.add(schema_rel, schema_text(kickoff.bank), tracked=False)
    expect = {path: kickoff.record_before}
    outcome: Outcome
    if kickoff.request.force:
        # --force replaces the record only; files go through keep/merge/conflict as in revisit.
        outcome = update(plan, root, expect=expect)
    else:
        outcome = apply(plan, root, expect=expect)
    draft.discard(contained(root, draft.draft_path(kickoff.request.record)))
    return outcome


def record_bytes(record: Record, bank: Bank, text: str | None = None) -> bytes:
    """The record as written (``text`` when given, else the canonical dump); refused when
    planner could not read it back (over its size limit)."""
    from planner.marked_yaml import MAX_BYTES

    data = (dump_record(record, bank) if text is None else text).encode("utf-8")
    if len(data) > MAX_BYTES:
        raise AnswerError(
            f"the decision record would be {len(data) // 1024} KiB, over the "
            f"{MAX_BYTES // 1024} KiB planner reads back; nothing was written "
            "(shorten the longest answers, rationales or summaries)"
        )
    return data


def save_draft(kickoff: Kickoff) -> Path | None:
    """Keep everything typed so far; returns None when there was nothing worth keeping.

    Answers a person went back over are kept too (as ``later``), and so are who
    and when for questions left open.
    """
    interview = kickoff.interview
    later = {k: v for k, v in interview.defaults.items() if k not in interview.answers}
    if not interview.answers and not later:
        return None
    try:
        # The draft goes beside the record, which must itself be inside the project.
        contained(kickoff.request.target, draft.draft_path(kickoff.request.record))
        return draft.save_draft(
            kickoff.draft_path, interview.answers, later=later, open_items=kickoff.open_items
        )
    except PlannerError:
        logger.warning("could not save the draft to %s", kickoff.draft_path)
        return None

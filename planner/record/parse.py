"""Check a loaded YAML document against the record schema and the question bank.

Returns typed objects or raises ``RecordError`` listing every problem with its
file, line, column and dotted field. ``partial`` reads an answers file: any
subset of a record, with no completeness checks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from planner.errors import RecordError
from planner.marked_yaml import Document, Path_, dotted
from planner.questions.engine import Applies, Interview
from planner.questions.model import DEFERRED, Bank, Question, Value
from planner.questions.values import coerce
from planner.reader import Reader, did_you_mean
from planner.record.model import (
    ADR_STYLES,
    DEFAULT_ADR_STYLE,
    RECORD_VERSION,
    SCHEMA_ID,
    STATUSES,
    Decision,
    Meeting,
    OpenItem,
    Project,
    Record,
    Revision,
)

TOP_KEYS = (
    "schema",
    "version",
    "project",
    "meeting",
    "decisions",
    "packs",
    "history",
    "check",
    "adr",
    "adopted",
)
DECISION_KEYS = ("status", "date", "rationale", "answers", "open", "considered")
REVISION_KEYS = ("revision", "date", "participants", "summary", "planner", "previous")


@dataclass
class Parsed:
    record: Record
    present: set[str] = field(default_factory=set)
    open_items: dict[str, OpenItem] = field(default_factory=dict)

    def answers(self) -> dict[str, Value]:
        """Only the answers the file actually gave, as ``section.question -> value``."""
        flat = self.record.flat_answers()
        return {k: v for k, v in flat.items() if k in self.present}


def read_packs(doc: Document) -> list[str]:
    """The ``packs`` list, read before the rest so the right bank can be loaded."""
    data = doc.data
    if not isinstance(data, dict) or "packs" not in data:
        return []
    reader = Reader(doc)
    packs = reader.strings(data["packs"], ("packs",))
    if reader.problems:
        raise RecordError(reader.problems)
    return list(packs or ())


class _RecordReader(Reader):
    def __init__(self, doc: Document, bank: Bank, partial: bool) -> None:
        super().__init__(doc)
        self.bank = bank
        self.partial = partial
        self.present: set[str] = set()
        self.open_items: dict[str, OpenItem] = {}

    def date(self, value: Any, path: Path_) -> dt.date | None:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.fail(path, f"expected a date like 2026-01-31, found {value!r}")
        return None

    def lines_under(self, top: Path_) -> dict[str, int]:
        """The line of every field below ``top`` (``core``, ``core[1]``, ``rules.LOG002``),
        at its key where it has one, for messages of the code that reads those fields."""
        lines: dict[str, int] = {}
        for path, mark in self.doc.marks.items():
            if len(path) > len(top) and path[: len(top)] == top:
                key = self.doc.key_marks.get(path, mark)
                lines[dotted(path[len(top) :])] = key.line
        return lines

    def value(self, question: Question, raw: Any, path: Path_) -> Value | None:
        try:
            value = coerce(question, raw)
        except ValueError as exc:
            self.fail(path, str(exc))
            return None
        self.present.add(question.id)
        return value

    def meta(self, raw: Any, path: Path_, section_id: str) -> dict[str, Value]:
        section = self.bank.section(section_id)
        assert section is not None
        known = [q.key for q in section.questions]
        if section_id == "meeting":
            known = ["date", *known]
        data = self.mapping(raw, path, known=known)
        out: dict[str, Value] = {}
        if data is None:
            return out
        for q in section.questions:
            if q.key in data:
                value = self.value(q, data[q.key], (*path, q.key))
                if value is not None:
                    out[q.key] = value
            elif not self.partial and q.validate.required:
                self.fail(path, f"missing required key {q.key!r}")
        return out

    def decision(self, hid: str, raw: Any, path: Path_) -> Decision | None:
        section = self.bank.section(hid)
        assert section is not None
        data = self.mapping(raw, path, known=DECISION_KEYS)
        if data is None:
            return None
        questions = {q.key: q for q in section.answer_questions}
        decision = Decision(heuristic=hid, status="accepted", date=None)
        if "status" in data:
            status = self.one_of(data["status"], (*path, "status"), STATUSES)
            decision.status = status or "accepted"  # type: ignore[assignment]
        if data.get("date") is not None:
            decision.date = self.date(data["date"], (*path, "date"))
        if data.get("rationale") is not None:
            decision.rationale = self.string(data["rationale"], (*path, "rationale")) or ""
        self.present.add(f"{hid}.rationale")
        answers = self.mapping(data.get("answers", {}), (*path, "answers"), known=questions)
        for key, raw_value in (answers or {}).items():
            if key in questions:
                value = self.value(questions[key], raw_value, (*path, "answers", key))
                if value is not None:
                    decision.answers[key] = value
        opened = self.mapping(data.get("open", {}) or {}, (*path, "open"), known=questions)
        for key, item in (opened or {}).items():
            if key not in questions:
                continue
            ipath = (*path, "open", key)
            if key in decision.answers:
                self.fail(ipath, "is both answered and open; keep one")
                continue
            if not questions[key].deferrable:
                self.fail(ipath, "this question cannot be left open")
                continue
            spec = self.mapping(item or {}, ipath, known=("owner", "revisit")) or {}
            entry = OpenItem(
                owner=self.string(spec.get("owner") or "", (*ipath, "owner")) or "",
                revisit=self.string(spec.get("revisit") or "", (*ipath, "revisit")) or "",
            )
            decision.open[key] = entry
            self.present.add(f"{hid}.{key}")
            self.open_items[f"{hid}.{key}"] = entry
        considered = self.mapping(
            data.get("considered", {}) or {}, (*path, "considered"), known=questions
        )
        for key, values in (considered or {}).items():
            listed = self.strings(values, (*path, "considered", key))
            if listed is not None:
                decision.considered[key] = list(listed)
        return decision

    def decisions(self, raw: Any, path: Path_) -> dict[str, Decision]:
        heuristics = [s.id for s in self.bank.heuristics]
        data = self.mapping(raw, path, known=heuristics)
        out: dict[str, Decision] = {}
        if data is None:
            return out
        for hid in heuristics:
            if hid in data:
                decision = self.decision(hid, data[hid], (*path, hid))
                if decision is not None:
                    out[hid] = decision
            elif not self.partial:
                self.fail(path, f"missing heuristic {hid!r}")
        return out

    def revision_number(self, value: Any, path: Path_, earlier: list[Revision]) -> int | None:
        """A revision number: 1 or more, unique, and larger than the one before it.

        ADR numbers and ``revisit --at`` are derived from these, so a repeated,
        negative or shuffled number would renumber documents on every render.
        """
        number = self.integer(value, path)
        if number is None:
            return None
        if number < 1:
            self.fail(path, f"revision numbers start at 1, found {number}")
            return None
        if not earlier and len(path) >= 2 and path[-2] == 0 and number != 1:
            # ADRs are numbered from the history: a first revision of 2 or 1000 would
            # give the first decisions ADR numbers already taken, duplicating them.
            self.fail(path, f"the first revision must be 1, found {number}")
            return None
        if any(r.number == number for r in earlier):
            self.fail(path, f"revision {number} appears more than once in the history")
            return None
        if earlier and number < earlier[-1].number:
            self.fail(
                path,
                f"revision {number} comes after revision {earlier[-1].number};"
                " list the history oldest first",
            )
            return None
        return number

    def history(self, raw: Any, path: Path_) -> list[Revision]:
        if not isinstance(raw, list):
            self.fail(path, "expected a list of revisions")
            return []
        out: list[Revision] = []
        for i, item in enumerate(raw):
            ipath = (*path, i)
            data = self.mapping(item, ipath, known=REVISION_KEYS, required=("revision", "date"))
            if data is None or not {"revision", "date"} <= data.keys():
                continue
            number = self.revision_number(data["revision"], (*ipath, "revision"), out)
            date = self.date(data["date"], (*ipath, "date"))
            previous: dict[str, Decision] = {}
            prev = self.mapping(data.get("previous", {}) or {}, (*ipath, "previous"))
            for hid, old in (prev or {}).items():
                if self.bank.section(hid) is None:
                    self.fail((*ipath, "previous", hid), f"unknown heuristic {hid!r}")
                    continue
                decision = self.decision(hid, old, (*ipath, "previous", hid))
                if decision is not None:
                    previous[hid] = decision
            if number is not None and date is not None:
                out.append(
                    Revision(
                        number=number,
                        date=date,
                        participants=list(
                            self.strings(data.get("participants", []), (*ipath, "participants"))
                            or []
                        ),
                        summary=self.string(data.get("summary", ""), (*ipath, "summary")) or "",
                        previous=previous,
                        planner=self.string(data.get("planner", ""), (*ipath, "planner")) or "",
                    )
                )
        return out

    def completeness(self, record: Record, flat: dict[str, Value]) -> None:
        """Every question that applies is answered or open; nothing else is."""
        interview = Interview(self.bank, fixed=flat)
        for question in self.bank.questions():
            if question.role != "answer" or question.section in ("project", "meeting"):
                continue
            state = interview.applies(question)
            decision = record.decisions.get(question.section)
            if decision is None:
                continue
            path: Path_ = ("decisions", question.section, "answers", question.key)
            given = question.id in flat
            if state is Applies.SKIP and given:
                why = ", ".join(f"{c.question}" for c in question.when)
                self.fail(path, f"does not apply given the answer to {why}; remove it")
            elif state is Applies.ASK and not given:
                self.fail(
                    ("decisions", question.section, "answers"),
                    f"missing answer for {question.key!r} (answer it, or list it under open)",
                )

    def read(self) -> Parsed:
        data = self.mapping(self.doc.data, (), known=TOP_KEYS)
        if data is None:
            raise RecordError(self.problems)
        if not self.partial:
            for key in ("version", "project", "meeting", "decisions"):
                if key not in data:
                    self.fail((), f"missing required key {key!r}")
        if "schema" in data and data["schema"] != SCHEMA_ID:
            self.fail(
                ("schema",),
                f"expected {SCHEMA_ID!r}{did_you_mean(str(data['schema']), [SCHEMA_ID])}",
            )
        if "version" in data:
            version = self.integer(data["version"], ("version",))
            if version is not None and version != RECORD_VERSION:
                self.fail(
                    ("version",),
                    f"unsupported record version {version}; this planner reads {RECORD_VERSION}",
                )
        project = self.meta(data.get("project", {}), ("project",), "project")
        meeting_raw = data.get("meeting", {})
        meeting = self.meta(meeting_raw, ("meeting",), "meeting")
        meeting_date = None
        if isinstance(meeting_raw, dict) and "date" in meeting_raw:
            meeting_date = self.date(meeting_raw["date"], ("meeting", "date"))
            self.present.add("meeting.date")
        elif not self.partial:
            self.fail(("meeting",), "missing required key 'date'")
        decisions = self.decisions(data.get("decisions", {}), ("decisions",))
        history = self.history(data["history"], ("history",)) if "history" in data else []
        check: dict[str, Any] = {}
        check_lines: dict[str, int] = {}
        if "check" in data:
            # ``planner check`` validates its own settings (planner/check/config.py);
            # the record keeps them as written, with the line of each key for its messages.
            spec = self.mapping(data["check"], ("check",)) or {}
            check = {str(key): value for key, value in spec.items()}
            check_lines = self.lines_under(("check",))
            opened = self.doc.key_marks.get(("check",))
            if opened is not None:
                check_lines[""] = opened.line  # where a problem of the whole section points
        adr_style = DEFAULT_ADR_STYLE
        if "adr" in data:
            spec = self.mapping(data["adr"], ("adr",), known=("style",)) or {}
            if "style" in spec:
                adr_style = self.one_of(spec["style"], ("adr", "style"), ADR_STYLES) or adr_style
        record = Record(
            project=Project(
                name=str(project.pop("name", "")),
                package=str(project.pop("package", "")),
                description=str(project.pop("description", "")),
                extra=project,
            ),
            meeting=Meeting(
                date=meeting_date or dt.date(1970, 1, 1),
                participants=list(meeting.pop("participants", [])),
                extra=meeting,
            ),
            decisions=decisions,
            packs=list(self.strings(data.get("packs", []), ("packs",)) or []),
            history=history,
            check=check,
            check_lines=check_lines,
            adr_style=adr_style,
            adopted=(
                self.string(data["adopted"], ("adopted",), allow_empty=False)
                if "adopted" in data
                else None
            ),
        )
        if not self.partial and not self.problems:
            self.completeness(
                record, {k: v for k, v in record.flat_answers().items() if k in self.present}
            )
        if self.problems:
            raise RecordError(self.problems)
        return Parsed(record, self.present, self.open_items)


def parse_record(doc: Document, bank: Bank, *, partial: bool = False) -> Parsed:
    """Validate ``doc`` as a decision record (or, with ``partial``, an answers file)."""
    return _RecordReader(doc, bank, partial).read()


def parse_flat_answers(doc: Document, bank: Bank) -> dict[str, Value]:
    """An answers file in the flat form ``{"logging.format": "json", ...}``."""
    reader = Reader(doc)
    data = reader.mapping(doc.data, ())
    out: dict[str, Value] = {}
    for key, raw in (data or {}).items():
        question = bank.question(key)
        if question is None:
            reader.fail((key,), f"unknown question {key!r}{did_you_mean(key, bank.question_ids)}")
            continue
        if raw == "?":
            raw = DEFERRED
        try:
            out[key] = coerce(question, raw)
        except ValueError as exc:
            reader.fail((key,), str(exc))
    if reader.problems:
        raise RecordError(reader.problems)
    return out

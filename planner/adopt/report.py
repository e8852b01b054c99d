"""The evidence report: what planner read from the code, where, and how sure it is."""

from __future__ import annotations

import json
from typing import Any

from planner.adopt.model import Adoption, Answer, left_open
from planner.questions.model import Bank, Value
from planner.record.model import Record

_NO_ANSWER = "the code gives no answer; the meeting decides"


def _shown(value: Value) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _ordered(adoption: Adoption, bank: Bank, record: Record | None = None) -> list[Answer]:
    """The answers for the questions the record holds (every open one among them).

    Without a record, every answer adopt found. With one, an answer to a question the
    engine would not ask (a database session when there is no database) is left out, and a
    question the record leaves open that adopt had no answer for is shown open.
    """
    answers = dict(adoption.answers)
    if record is not None:
        asked = _asked(record)
        answers = {qid: a for qid, a in answers.items() if qid in asked}
        for qid in _opened(record):
            answers.setdefault(qid, left_open(qid, _NO_ANSWER))
    order = {qid: n for n, qid in enumerate(bank.question_ids)}
    return sorted(answers.values(), key=lambda a: order.get(a.qid, len(order)))


def _asked(record: Record) -> set[str]:
    return {
        f"{heuristic}.{key}"
        for heuristic, decision in record.decisions.items()
        for key in (*decision.answers, *decision.open)
    }


def _opened(record: Record) -> list[str]:
    return [
        f"{heuristic}.{key}"
        for heuristic, decision in record.decisions.items()
        for key in decision.open
    ]


def not_asked(adoption: Adoption, record: Record) -> list[str]:
    """Questions adopt answered that the record leaves out: the other answers rule them out."""
    asked = _asked(record)
    return sorted(qid for qid in adoption.answers if qid not in asked)


def text(adoption: Adoption, bank: Bank, record: Record | None = None) -> str:
    """The report for people; given the record, its counts are the record's."""
    lines = [
        f"planner adopt: {adoption.root} (package {adoption.package}, {adoption.files} Python files"
        f"{f', {adoption.cached} from the cache' if adoption.cached else ''})",
        f"commit: {adoption.commit or 'unknown (not a git repository)'}",
    ]
    lines += [f"note: {n}" for n in adoption.notes]
    section = ""
    shown = _ordered(adoption, bank, record)
    for answer in shown:
        heuristic = answer.qid.split(".", 1)[0]
        if heuristic != section:
            found = bank.section(heuristic)
            lines += ["", found.title if found else heuristic]
            section = heuristic
        value = "? (open)" if answer.open else _shown(answer.value)
        mark = "  contradiction" if answer.contradiction else ""
        lines.append(f"  {answer.qid} = {value}  [{answer.sure}]{mark}")
        if answer.finding:
            lines.append(f"      {answer.finding}")
        for item in answer.evidence:
            lines.append(f"      - {item}")
    opened = [a.qid for a in shown if a.open]
    skipped = not_asked(adoption, record) if record is not None else []
    if skipped:
        lines += ["", "not asked, given the answers above: " + ", ".join(skipped)]
    if adoption.check:
        lines += ["", "check settings (the codebase's own names):"]
        lines += [f"  {k}: {_shown(v)}" for k, v in adoption.check.items()]
    lines += [
        "",
        f"{len(shown) - len(opened)} answers read from the code, "
        f"{len(opened)} left open "
        "for the meeting",
    ]
    return "\n".join(lines) + "\n"


def data(adoption: Adoption, bank: Bank, record: Record | None = None) -> dict[str, Any]:
    """The report as plain data; an evidence ``line`` is null when a whole file is the evidence."""
    return {
        "root": adoption.root,
        "package": adoption.package,
        "commit": adoption.commit,
        "files": adoption.files,
        "cached": adoption.cached,
        "notes": adoption.notes,
        "answers": {
            a.qid: {
                "value": None if a.open else a.value,
                "open": a.open,
                "sure": a.sure,
                "contradiction": a.contradiction,
                "finding": a.finding,
                "evidence": [
                    {"path": e.path, "line": e.line or None, "text": e.text} for e in a.evidence
                ],
            }
            for a in _ordered(adoption, bank, record)
        },
        "not_asked": not_asked(adoption, record) if record is not None else [],
        "check": adoption.check,
    }


def as_json(adoption: Adoption, bank: Bank, record: Record | None = None) -> str:
    return json.dumps(data(adoption, bank, record), indent=2) + "\n"

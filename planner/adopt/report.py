"""The evidence report: what planner read from the code, where, and how sure it is."""

from __future__ import annotations

import json
from typing import Any

from planner.adopt.model import Adoption, Answer
from planner.questions.model import Bank, Value


def _shown(value: Value) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _ordered(adoption: Adoption, bank: Bank) -> list[Answer]:
    order = {qid: n for n, qid in enumerate(bank.question_ids)}
    return sorted(adoption.answers.values(), key=lambda a: order.get(a.qid, len(order)))


def text(adoption: Adoption, bank: Bank) -> str:
    lines = [
        f"planner adopt: {adoption.root} (package {adoption.package}, {adoption.files} Python files"
        f"{f', {adoption.cached} from the cache' if adoption.cached else ''})",
        f"commit: {adoption.commit or 'unknown (not a git repository)'}",
    ]
    lines += [f"note: {n}" for n in adoption.notes]
    section = ""
    for answer in _ordered(adoption, bank):
        heuristic = answer.qid.split(".", 1)[0]
        if heuristic != section:
            found = bank.section(heuristic)
            lines += ["", found.title if found else heuristic]
            section = heuristic
        shown = "? (open)" if answer.open else _shown(answer.value)
        mark = "  contradiction" if answer.contradiction else ""
        lines.append(f"  {answer.qid} = {shown}  [{answer.sure}]{mark}")
        if answer.finding:
            lines.append(f"      {answer.finding}")
        for item in answer.evidence:
            lines.append(f"      - {item}")
    opened = [a.qid for a in adoption.answers.values() if a.open]
    if adoption.check:
        lines += ["", "check settings (the codebase's own names):"]
        lines += [f"  {k}: {_shown(v)}" for k, v in adoption.check.items()]
    lines += [
        "",
        f"{len(adoption.answers) - len(opened)} answers read from the code, "
        f"{len(opened)} left open "
        "for the meeting",
    ]
    return "\n".join(lines) + "\n"


def data(adoption: Adoption, bank: Bank) -> dict[str, Any]:
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
                "evidence": [{"path": e.path, "line": e.line, "text": e.text} for e in a.evidence],
            }
            for a in _ordered(adoption, bank)
        },
        "check": adoption.check,
    }


def as_json(adoption: Adoption, bank: Bank) -> str:
    return json.dumps(data(adoption, bank), indent=2) + "\n"

"""Turn an adoption into a decision record: status proposed, open questions for the meeting."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

from planner.adopt.model import Adoption
from planner.questions.engine import Interview
from planner.questions.model import DEFERRED, Bank, Value
from planner.record.build import build_record
from planner.record.model import OpenItem, Record, Revision


def _project(root: Path, package: str) -> tuple[str, str]:
    from planner.check.files import Unreadable, read_text

    try:
        data = tomllib.loads(read_text(root / "pyproject.toml", root))
    except (Unreadable, tomllib.TOMLDecodeError, RecursionError):
        data = {}
    project = data.get("project")
    if not isinstance(project, dict):
        project = {}
    name = project.get("name") if isinstance(project.get("name"), str) else None
    description = project.get("description")
    return (
        (name or package.replace("_", " ").title())[:80],
        description[:300] if isinstance(description, str) else "",
    )


def summary(adoption: Adoption) -> str:
    where = (
        f"commit {adoption.commit}" if adoption.commit else "a folder that is not a git repository"
    )
    return f"Adopted from code at {where} by planner adopt"


def build(adoption: Adoption, bank: Bank, *, date: dt.date) -> Record:
    """The proposed record: every answer the code gives, every other question open."""
    root = Path(adoption.root)
    name, description = _project(root, adoption.package)
    fixed: dict[str, Value] = {
        "project.name": name,
        "project.package": adoption.package,
        "project.description": description,
        "meeting.participants": [],
    }
    for qid, answer in adoption.answers.items():
        fixed[qid] = answer.value
    interview = Interview(bank, fixed=fixed)
    resolved = interview.resolved()
    for question in interview.iter_applicable():
        if question.id not in resolved and question.section not in ("project", "meeting"):
            resolved[question.id] = "" if question.role == "rationale" else DEFERRED
    for section in bank.heuristics:
        findings = [
            f"{a.qid.split('.', 1)[1]}: {a.finding}"
            for a in adoption.answers.values()
            if a.qid.startswith(section.id + ".") and a.contradiction and a.qid in resolved
        ]
        rationale = next((q.id for q in section.questions if q.role == "rationale"), None)
        if rationale is not None:
            text = "Adopted from the code; the meeting confirms or changes it."
            if findings:
                text += " The code contradicts itself on " + "; ".join(findings)
            resolved[rationale] = text[:2000]
    open_items = {qid: OpenItem() for qid, v in resolved.items() if v is DEFERRED}
    record = build_record(bank, resolved, date=date, open_items=open_items)
    for decision in record.decisions.values():
        decision.status = "proposed"
    record.history = [Revision(number=1, date=date, participants=[], summary=summary(adoption))]
    record.check = dict(adoption.check)
    record.adopted = adoption.commit or "unknown"
    return record

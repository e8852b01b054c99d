"""Build a ``Record`` from the answers an interview resolved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from planner.questions.model import DEFERRED, Bank, Value
from planner.record.model import Decision, Meeting, OpenItem, Project, Record, Revision


def build_record(
    bank: Bank,
    answers: Mapping[str, Value],
    *,
    date: dt.date,
    packs: Sequence[str] = (),
    open_items: Mapping[str, OpenItem] | None = None,
) -> Record:
    """Group flat answers into project, meeting and one decision per heuristic."""
    open_items = open_items or {}
    project: dict[str, Value] = {}
    meeting: dict[str, Value] = {}
    decisions: dict[str, Decision] = {}
    for section in bank.sections:
        if section.kind == "meta":
            target = project if section.id == "project" else meeting
            for q in section.questions:
                if q.id in answers:
                    target[q.key] = answers[q.id]
            continue
        decision = Decision(heuristic=section.id, status="accepted", date=date)
        for q in section.questions:
            if q.id not in answers:
                continue
            value = answers[q.id]
            if q.role == "rationale":
                decision.rationale = str(value or "")
            elif value is DEFERRED:
                decision.open[q.key] = open_items.get(q.id, OpenItem())
            else:
                decision.answers[q.key] = value
            if q.role == "answer" and q.choices:
                decision.considered[q.key] = list(q.choice_values)
        if decision.open:
            decision.status = "deferred"
            if not decision.answers:
                decision.date = None
        decisions[section.id] = decision
    participants = list(meeting.pop("participants", []) or [])
    record = Record(
        project=Project(
            name=str(project.pop("name", "")),
            package=str(project.pop("package", "")),
            description=str(project.pop("description", "") or ""),
            extra=project,
        ),
        meeting=Meeting(date=date, participants=participants, extra=meeting),
        decisions=decisions,
        packs=list(packs),
        history=[
            Revision(number=1, date=date, participants=participants, summary="Kickoff meeting")
        ],
    )
    return record

"""The decision record as plain typed objects.

Everything after loading works on these; YAML never leaks past ``record.io``.
Answers are keyed by the question's local id within its heuristic.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from planner import __version__
from planner.questions.model import DEFERRED, Value

Status = Literal["proposed", "accepted", "deferred", "superseded"]
STATUSES: tuple[str, ...] = ("proposed", "accepted", "deferred", "superseded")
SCHEMA_ID = "planner-decision-record"
RECORD_VERSION = 2
ADR_STYLES: tuple[str, ...] = ("adr-tools", "madr4", "log4brains")
DEFAULT_ADR_STYLE = "adr-tools"


@dataclass
class OpenItem:
    """A question left for later, with who will bring it back and when."""

    owner: str = ""
    revisit: str = ""


@dataclass
class Decision:
    heuristic: str
    status: Status
    date: dt.date | None
    rationale: str = ""
    answers: dict[str, Value] = field(default_factory=dict)
    open: dict[str, OpenItem] = field(default_factory=dict)
    considered: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Project:
    name: str
    package: str
    description: str = ""
    extra: dict[str, Value] = field(default_factory=dict)


@dataclass
class Meeting:
    date: dt.date
    participants: list[str] = field(default_factory=list)
    extra: dict[str, Value] = field(default_factory=dict)


@dataclass
class Revision:
    """One sitting of the team: the kickoff, or a later revisit."""

    number: int
    date: dt.date
    participants: list[str] = field(default_factory=list)
    summary: str = ""
    previous: dict[str, Decision] = field(default_factory=dict)
    planner: str = __version__
    """The planner version that wrote this revision ("" when the record does not say)."""


@dataclass
class Record:
    project: Project
    meeting: Meeting
    decisions: dict[str, Decision]
    packs: list[str] = field(default_factory=list)
    history: list[Revision] = field(default_factory=list)
    version: int = RECORD_VERSION
    check: dict[str, Any] = field(default_factory=dict)
    """``planner check`` settings kept with the decisions, as written (check validates them)."""
    check_lines: dict[str, int] = field(default_factory=dict)
    """The line of each ``check`` key in the record file, for messages."""
    adr_style: str = DEFAULT_ADR_STYLE
    """How ADRs are written (``adr.style``): for adr-tools, MADR 4 or log4brains."""
    adopted: str | None = None
    """Set by ``planner adopt`` (the commit read, or ``unknown``): the record describes code
    that already exists, so planner writes documents for it but never a project skeleton."""

    def flat_answers(self) -> dict[str, Value]:
        """``section.question -> value`` for every answer, with open questions as DEFERRED."""
        flat: dict[str, Value] = {
            "project.name": self.project.name,
            "project.package": self.project.package,
            "project.description": self.project.description,
        }
        flat.update({f"project.{k}": v for k, v in self.project.extra.items()})
        flat["meeting.participants"] = list(self.meeting.participants)
        flat.update({f"meeting.{k}": v for k, v in self.meeting.extra.items()})
        for hid, decision in self.decisions.items():
            for key, value in decision.answers.items():
                flat[f"{hid}.{key}"] = value
            for key in decision.open:
                flat[f"{hid}.{key}"] = DEFERRED
            flat[f"{hid}.rationale"] = decision.rationale
        return flat

    def replacements(self, heuristic: str) -> list[Revision]:
        """The revisions that replaced ``heuristic``'s decision, oldest first.

        Every revision that changed a decision keeps its earlier form in ``previous`` (so
        the record can be shown as it stood). One that only gave answers left open before,
        or changed a proposal nobody had accepted yet, completed the decision rather than
        replacing it: its ADR is rewritten, not superseded, and it is not listed here.
        """
        changed = sorted(
            (r for r in self.history if heuristic in r.previous), key=lambda r: r.number
        )
        out = []
        for i, revision in enumerate(changed):
            before = revision.previous[heuristic]
            after = (
                changed[i + 1].previous[heuristic]
                if i + 1 < len(changed)
                else self.decisions.get(heuristic)
            )
            if after is None or _replaced(before, after):
                out.append(revision)
        return out


def _replaced(before: Decision, after: Decision) -> bool:
    """Whether an answer given in ``before`` differs in ``after`` (changed or reopened).

    A proposal (``planner adopt`` writes them) was never accepted: the meeting that
    changes it amends it, and its ADR is rewritten rather than superseded."""
    if before.status == "proposed":
        return False
    for key in {*before.answers, *after.answers, *after.open}:
        if key in before.open:
            continue  # open before: answering it completes the decision
        if key in after.open or before.answers.get(key) != after.answers.get(key):
            return True
    return False

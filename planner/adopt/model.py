"""What adopting a codebase produces: answers, each with its evidence and how sure it is."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from planner.errors import PlannerError
from planner.questions.model import DEFERRED, Value

Sure = Literal["certain", "likely", "guess", "open"]
"""certain: the code says so directly; likely: strong signs; guess: weak signs; open: unknown."""


class AdoptError(PlannerError):
    """The folder cannot be adopted (no Python package, a bad option)."""


@dataclass(frozen=True)
class Evidence:
    """One place in the codebase that led to an answer."""

    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text}" if self.line else f"{self.path}: {self.text}"


@dataclass
class Answer:
    """The answer to one question of the bank, as the code gives it."""

    qid: str
    value: Value
    sure: Sure
    evidence: list[Evidence] = field(default_factory=list)
    finding: str = ""  # why it is open, a contradiction, or a value the bank lacks
    contradiction: bool = False

    @property
    def open(self) -> bool:
        return self.value is DEFERRED


def answered(
    qid: str, value: Value, sure: Sure, evidence: list[Evidence], finding: str = ""
) -> Answer:
    return Answer(qid, value, sure, evidence, finding)


def left_open(qid: str, finding: str, evidence: list[Evidence] | None = None) -> Answer:
    """A question the code cannot answer: the meeting decides it."""
    return Answer(qid, DEFERRED, "open", evidence or [], finding)


def contradicted(qid: str, finding: str, evidence: list[Evidence]) -> Answer:
    """The code answers both ways: recorded as open with the finding, never rounded."""
    return Answer(qid, DEFERRED, "open", evidence, finding, contradiction=True)


@dataclass
class Adoption:
    """Everything ``planner adopt`` learned about one codebase."""

    root: str
    package: str
    answers: dict[str, Answer]
    check: dict[str, Any]
    commit: str | None
    files: int
    cached: int
    notes: list[str] = field(default_factory=list)

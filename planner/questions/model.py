"""Typed question bank: sections, questions, choices, conditions, validation rules."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

QuestionType = Literal["select", "checkbox", "text", "list", "confirm", "number"]
QUESTION_TYPES: tuple[str, ...] = ("select", "checkbox", "text", "list", "confirm", "number")
SectionKind = Literal["meta", "heuristic"]
ConditionOp = Literal["in", "not_in", "contains"]

#: Per-heuristic fields that are not questions; pack questions may not use these ids.
RESERVED_KEYS = ("rationale", "status")


class _Deferred:
    """The answer "decide later": a singleton that is never equal to a real value."""

    _instance: _Deferred | None = None

    def __new__(cls) -> _Deferred:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "DEFERRED"

    def __reduce__(self) -> str:
        return "DEFERRED"


DEFERRED: Any = _Deferred()
"""Marks a question the team chose to decide later."""

Value = Any
"""An answer: str, bool, int, list[str], or ``DEFERRED``."""


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    description: str = ""
    pros: tuple[str, ...] = ()
    cons: tuple[str, ...] = ()
    consequences: tuple[str, ...] = ()
    legacy: str = ""
    """A short flag for a practice the heuristics argue against ("legacy: keep for now").

    Empty for practices the heuristics support. The value stays an honest
    option; the flag lets the wizard and the documents point it out.
    """

    @property
    def is_legacy(self) -> bool:
        return bool(self.legacy)


@dataclass(frozen=True)
class Validation:
    """Rules an answer must meet; for ``list`` questions they apply to each item."""

    required: bool = False
    identifier: bool = False
    pattern: str | None = None
    message: str | None = None
    min: int | None = None
    max: int | None = None
    min_items: int | None = None
    max_items: int | None = None
    max_length: int | None = None
    unique: bool = False
    not_in: tuple[str, ...] = ()
    not_in_reasons: tuple[tuple[str, str], ...] = ()
    """``(name, why)`` for reserved names whose refusal should say what they clash with."""
    not_module: bool = False
    """Refuse names of standard-library modules and of libraries the skeleton installs."""


@dataclass(frozen=True)
class Condition:
    """``question`` must hold a value ``op`` ``values`` for the question to be asked."""

    question: str
    op: ConditionOp
    values: tuple[Any, ...]


@dataclass(frozen=True)
class DefaultFrom:
    """Derive a default from another answer (or from ``target``, the output folder)."""

    question: str
    transform: str | None = None


@dataclass(frozen=True)
class Question:
    id: str
    key: str
    section: str
    type: QuestionType
    prompt: str
    title: str
    help: str = ""
    choices: tuple[Choice, ...] = ()
    default: Value = None
    default_from: DefaultFrom | None = None
    when: tuple[Condition, ...] = ()
    validate: Validation = field(default_factory=Validation)
    deferrable: bool = True
    role: Literal["answer", "rationale"] = "answer"

    def choice(self, value: str) -> Choice | None:
        for choice in self.choices:
            if choice.value == value:
                return choice
        return None

    @property
    def choice_values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)


@dataclass(frozen=True)
class Section:
    id: str
    kind: SectionKind
    title: str
    intro: str = ""
    number: int | None = None
    questions: tuple[Question, ...] = ()
    confirmation: str = ""

    @property
    def answer_questions(self) -> tuple[Question, ...]:
        """The questions whose answers are decisions (not the rationale prompt)."""
        return tuple(q for q in self.questions if q.role == "answer")


@dataclass(frozen=True)
class Bank:
    """The full set of sections, built from the shipped bank plus any team packs."""

    sections: tuple[Section, ...]
    sources: tuple[str, ...] = ()
    _index: dict[str, Question] = field(default_factory=dict, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        for question in self.questions():
            self._index[question.id] = question

    def questions(self) -> Iterator[Question]:
        for section in self.sections:
            yield from section.questions

    def question(self, qid: str) -> Question | None:
        return self._index.get(qid)

    def section(self, sid: str) -> Section | None:
        for section in self.sections:
            if section.id == sid:
                return section
        return None

    @property
    def heuristics(self) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.kind == "heuristic")

    @property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(self._index)

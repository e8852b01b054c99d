"""What templates see: the record and the bank joined into ready-to-print views.

Templates stay simple (no lookups into the bank, no status logic); every
derived fact — labels of chosen options, the options that lost and why, ADR
status words — is computed once here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from markupsafe import Markup

from planner.questions.model import DEFERRED, Bank, Choice, Question, Section, Value
from planner.questions.values import display
from planner.record.model import Decision, OpenItem, Record
from planner.render.escape import md_inline, prose

ADR_STATUS = {
    "accepted": "accepted",
    "deferred": "proposed",
    "proposed": "proposed",
    "superseded": "superseded",
}


@dataclass(frozen=True)
class Option:
    """One option of a question, as considered at the meeting."""

    value: str
    label: str
    description: str
    pros: tuple[str, ...]
    cons: tuple[str, ...]
    consequences: tuple[str, ...]
    chosen: bool


@dataclass(frozen=True)
class AnswerView:
    question: Question
    value: Value
    shown: Markup  # Markdown-safe: bank labels as prose, team answers escaped
    is_open: bool
    open_item: OpenItem | None
    options: tuple[Option, ...]

    @property
    def chosen(self) -> tuple[Option, ...]:
        return tuple(o for o in self.options if o.chosen)

    @property
    def rejected(self) -> tuple[Option, ...]:
        return tuple(o for o in self.options if not o.chosen)


@dataclass(frozen=True)
class AdrRef:
    number: int
    filename: str
    title: str

    @property
    def label(self) -> str:
        return f"{self.number:04d}"


@dataclass
class DecisionView:
    section: Section
    decision: Decision
    answers: list[AnswerView]
    revision: int
    date: dt.date
    adr: AdrRef | None = None
    supersedes: list[AdrRef] = field(default_factory=list)
    superseded_by: AdrRef | None = None
    replaced_in: int | None = None  # the revision that replaced this decision

    @property
    def id(self) -> str:
        return self.section.id

    @property
    def anchor(self) -> str:
        """The heading's anchor as GitHub and most Markdown viewers compute it."""
        heading = f"{self.section.number}. {self.section.title}".lower()
        kept = "".join(c for c in heading if c.isalnum() or c in " -_")
        return kept.replace(" ", "-")

    @property
    def adr_status(self) -> str:
        if self.replaced_in is not None:
            return "superseded"
        return ADR_STATUS[self.decision.status]

    @property
    def open(self) -> list[AnswerView]:
        return [a for a in self.answers if a.is_open]

    @property
    def decided(self) -> list[AnswerView]:
        return [a for a in self.answers if not a.is_open]

    @property
    def summary(self) -> Markup:
        """One Markdown line for tables: every decided answer, shortest form."""
        parts = [Markup(f"{prose(a.question.title)}: {a.shown}") for a in self.decided]
        if self.open:
            names = ", ".join(prose(a.question.title.lower()) for a in self.open)
            parts.append(Markup(f"open: {names}"))
        return Markup("; ").join(parts) if parts else Markup("to be decided")

    @property
    def leading(self) -> AnswerView | None:
        """The first single-choice question: its answer names the decision and its ADR."""
        for answer in self.answers:
            if answer.question.type == "select" and answer.options:
                return answer
        return None

    @property
    def title(self) -> Markup:
        """The ADR title: the heuristic and its leading choice (or that it is still open)."""
        section = prose(self.section.title)
        leading = self.leading
        if leading is not None:
            if leading.is_open or not leading.chosen:
                return Markup(f"{section}: {prose(leading.question.title)} to be decided")
            return Markup(f"{section}: {prose(leading.chosen[0].label)}")
        if self.decided:
            first = self.decided[0]
            return Markup(f"{section}: {prose(first.question.title)} {first.shown}")
        return Markup(f"{section}: to be decided")

    @property
    def pros(self) -> list[str]:
        return [p for a in self.decided for o in a.chosen for p in o.pros]

    @property
    def cons(self) -> list[str]:
        return [c for a in self.decided for o in a.chosen for c in o.cons]

    @property
    def consequences(self) -> list[str]:
        return [c for a in self.decided for o in a.chosen for c in o.consequences]

    @property
    def with_options(self) -> list[AnswerView]:
        """Answers that had options to weigh (select and checkbox questions)."""
        return [a for a in self.answers if a.options]


def _label(question: Question, value: str) -> Markup:
    choice = question.choice(value)
    if choice is None:
        return md_inline(value)
    if choice.legacy:
        # The bank's flag for a practice the heuristics argue against, shown as given.
        return Markup(f"{prose(choice.label)} ({prose(choice.legacy)})")
    return prose(choice.label)


def _shown(question: Question, value: Value) -> Markup:
    if value is DEFERRED:
        return Markup("to be decided")
    if question.type == "select":
        return _label(question, value)
    if question.type == "checkbox":
        return Markup(", ").join(_label(question, v) for v in value) if value else Markup("none")
    return md_inline(display(value))


def _options(question: Question, value: Value, considered: list[str] | None) -> tuple[Option, ...]:
    if not question.choices:
        return ()
    values = considered if considered else list(question.choice_values)
    chosen = set(value) if isinstance(value, list) else {value}
    out = []
    for item in values:
        choice = question.choice(item) or Choice(value=item, label=item)
        out.append(
            Option(
                value=item,
                label=choice.label,
                description=choice.description,
                pros=choice.pros,
                cons=choice.cons,
                consequences=choice.consequences,
                chosen=item in chosen,
            )
        )
    return tuple(out)


def decision_revision(record: Record, heuristic: str) -> int:
    """The revision in which the current form of a decision was made."""
    changed = [r.number for r in record.replacements(heuristic)]
    return max(changed, default=record.history[0].number if record.history else 1)


def superseded_views(record: Record, bank: Bank) -> list[DecisionView]:
    """Every earlier form of every decision, oldest first: the ADRs a revisit superseded."""
    first = record.history[0].number if record.history else 1
    views = []
    for section in bank.heuristics:
        made = first
        for revision in record.replacements(section.id):
            old = revision.previous[section.id]
            view = decision_view(record, bank, section, old)
            view.revision = made
            view.replaced_in = revision.number
            views.append(view)
            made = revision.number
    return sorted(views, key=lambda v: (v.revision, v.section.number or 0))


def decision_view(record: Record, bank: Bank, section: Section, decision: Decision) -> DecisionView:
    answers = []
    for question in section.answer_questions:
        if question.key in decision.open:
            value: Value = DEFERRED
        elif question.key in decision.answers:
            value = decision.answers[question.key]
        else:
            continue
        answers.append(
            AnswerView(
                question=question,
                value=value,
                shown=_shown(question, value),
                is_open=value is DEFERRED,
                open_item=decision.open.get(question.key),
                options=_options(question, value, decision.considered.get(question.key)),
            )
        )
    return DecisionView(
        section=section,
        decision=decision,
        answers=answers,
        revision=decision_revision(record, section.id),
        date=decision.date or record.meeting.date,
    )


def decision_views(record: Record, bank: Bank) -> list[DecisionView]:
    """One view per heuristic in the record, in bank order."""
    views = []
    for section in bank.heuristics:
        decision = record.decisions.get(section.id)
        if decision is not None:
            views.append(decision_view(record, bank, section, decision))
    return views

"""The meeting loop: ask what the engine says is next, then review before writing.

It talks to people only through a ``Prompter``; ``planner.prompts`` provides
the questionary one, and tests pass a scripted one. Ctrl-C is not handled
here: it propagates so the caller can keep a draft.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from planner.errors import Aborted
from planner.questions.engine import Interview
from planner.questions.model import DEFERRED, Question, Section, Value
from planner.questions.values import display, parse_text
from planner.record.model import OpenItem

logger = logging.getLogger(__name__)


class _Back:
    def __repr__(self) -> str:
        return "BACK"


BACK = _Back()
"""A prompter returns this when the person asks to go to the previous question."""

Checker = Callable[[str], str | None]


@dataclass(frozen=True)
class ReviewRow:
    question: Question
    section: Section
    value: Value

    @property
    def shown(self) -> str:
        return display(self.value)


@dataclass(frozen=True)
class ReviewChoice:
    """``action`` is "write", "change" (with ``question``) or "cancel"."""

    action: str
    question: str | None = None


class Prompter(Protocol):
    def section(self, section: Section, index: int, total: int) -> None: ...

    def ask(
        self, question: Question, default: Value, *, can_back: bool, check: Checker
    ) -> Value: ...

    def review(self, rows: list[ReviewRow]) -> ReviewChoice: ...

    def notice(self, text: str) -> None: ...

    def confirm(self, message: str) -> bool: ...


def checker(question: Question) -> Checker:
    """Validation at the prompt: an error message, or None when the text is acceptable."""

    def check(text: str) -> str | None:
        try:
            parse_text(question, text)
        except ValueError as exc:
            return str(exc)
        return None

    return check


def review_rows(interview: Interview) -> list[ReviewRow]:
    rows = []
    for qid, value in interview.resolved().items():
        question = interview.bank.question(qid)
        if question is None:
            continue
        section = interview.bank.section(question.section)
        assert section is not None
        rows.append(ReviewRow(question, section, value))
    return rows


OPEN_OWNER = Question(
    id="_open.owner",
    key="owner",
    section="_open",
    type="text",
    prompt="Who will bring this question back? (optional)",
    title="Owner",
    default="",
    deferrable=False,
)
OPEN_REVISIT = Question(
    id="_open.revisit",
    key="revisit",
    section="_open",
    type="text",
    prompt="When should it be decided? (optional, e.g. after the pilot)",
    title="Revisit",
    default="",
    deferrable=False,
)


def _open_item(prompter: Prompter) -> OpenItem:
    """Who and when, for a question left for later; both may stay empty."""
    owner = prompter.ask(OPEN_OWNER, "", can_back=False, check=checker(OPEN_OWNER))
    revisit = prompter.ask(OPEN_REVISIT, "", can_back=False, check=checker(OPEN_REVISIT))
    return OpenItem(owner=str(owner or "").strip(), revisit=str(revisit or "").strip())


def run(interview: Interview, prompter: Prompter) -> dict[str, OpenItem]:
    """Ask until every question is settled and the review is confirmed.

    Returns who and when for each question left for later in this meeting.
    """
    open_items: dict[str, OpenItem] = {}
    heuristics = [s.id for s in interview.bank.sections]
    shown_section: str | None = None
    while True:
        question = interview.pending()
        if question is None:
            choice = prompter.review(review_rows(interview))
            if choice.action == "write":
                return {
                    qid: item
                    for qid, item in open_items.items()
                    if interview.answers.get(qid) is DEFERRED
                }
            if choice.action == "cancel":
                raise Aborted("cancelled at the review; nothing was written")
            if choice.question:
                interview.reopen(choice.question)
                shown_section = None
            continue
        if question.section != shown_section:
            section = interview.bank.section(question.section)
            assert section is not None
            prompter.section(section, heuristics.index(section.id) + 1, len(heuristics))
            shown_section = section.id
        reply = prompter.ask(
            question,
            interview.default_for(question),
            can_back=interview.can_go_back(),
            check=checker(question),
        )
        if reply is BACK:
            previous = interview.back()
            logger.debug("back to %s", previous.id if previous else None)
            shown_section = (
                None if previous and previous.section != question.section else shown_section
            )
            continue
        try:
            interview.answer(question.id, reply)
        except ValueError as exc:
            prompter.notice(f"{question.title}: {exc}")
            continue
        if reply is DEFERRED:
            open_items[question.id] = _open_item(prompter)

"""The meeting loop: ask what the engine says is next, then review before writing.

It talks to people only through a ``Prompter``; ``planner.prompts`` provides
the questionary one, and tests pass a scripted one. Ctrl-C is not handled
here: it propagates so the caller can keep a draft. Everything a person
types that is not an answer yet (who and when for an open question) lives in
a dict the caller owns, so a draft can keep it too.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from planner.errors import Aborted
from planner.questions.engine import Applies, Interview
from planner.questions.model import DEFERRED, Question, Section, Value
from planner.questions.values import parse_text
from planner.record.model import OpenItem

logger = logging.getLogger(__name__)


class _Back:
    def __repr__(self) -> str:
        return "BACK"


BACK = _Back()
"""A prompter returns this when the person asks to go to the previous question."""

Checker = Callable[[str], str | None]
IntroChoice = Literal["ask", "accept"]


def label(question: Question, value: Value) -> str:
    """An answer as the question showed it: choice labels, yes/no, "decide later"."""
    if value is DEFERRED:
        return "decide later"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        if not value:
            return "none"
        return ", ".join(_choice_label(question, v) for v in value)
    if value is None or value == "":
        return "left empty" if question.role == "rationale" else "none"
    return _choice_label(question, value)


def _choice_label(question: Question, value: Value) -> str:
    choice = question.choice(value) if isinstance(value, str) else None
    return choice.label if choice else str(value)


@dataclass(frozen=True)
class Progress:
    """Where the meeting stands: "Deployment · 1 of 7 · question 2 of 4"."""

    section: Section
    heuristic: int | None
    heuristics: int
    index: int
    count: int

    def __str__(self) -> str:
        parts = [self.section.title]
        if self.heuristic is not None:
            parts.append(f"{self.heuristic} of {self.heuristics}")
        if self.index:
            parts.append(f"question {self.index} of {self.count}")
        return " · ".join(parts)


@dataclass(frozen=True)
class ReviewRow:
    question: Question
    section: Section
    value: Value
    open: OpenItem | None = None
    old: Value = None
    changed: bool = False

    @property
    def shown(self) -> str:
        """The answer with the words the question used, plus who/when if left open."""
        text = label(self.question, self.value)
        if self.value is DEFERRED and self.open and (self.open.owner or self.open.revisit):
            who = ", ".join(p for p in (self.open.owner, self.open.revisit) if p)
            text += f" ({who})"
        return text

    @property
    def was(self) -> str:
        return label(self.question, self.old)


@dataclass(frozen=True)
class ReviewChoice:
    """``action`` is "write", "change" (with ``question``) or "cancel"."""

    action: str
    question: str | None = None


class Prompter(Protocol):
    def start(self, sections: Sequence[Section], *, resumed: bool, keeps_draft: bool) -> None: ...

    def section(
        self, progress: Progress, suggested: list[ReviewRow], *, can_back: bool
    ) -> IntroChoice | _Back: ...

    def ask(
        self,
        question: Question,
        default: Value,
        *,
        can_back: bool,
        check: Checker,
        progress: Progress | None = None,
    ) -> Value: ...

    def review(self, rows: list[ReviewRow], *, cancel: str) -> ReviewChoice: ...

    def notice(self, text: str) -> None: ...

    def confirm(self, message: str) -> bool: ...


def _surrogates(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def checker(question: Question) -> Checker:
    """Validation at the prompt: an error message, or None when the text is acceptable."""

    def check(text: str) -> str | None:
        if _surrogates(text):
            return (
                "the terminal sent bytes that are not UTF-8; "
                "type the text again or set a UTF-8 locale (LANG=C.UTF-8)"
            )
        try:
            parse_text(question, text)
        except ValueError as exc:
            return str(exc)
        return None

    return check


def review_rows(
    interview: Interview,
    open_items: Mapping[str, OpenItem] | None = None,
    old: Mapping[str, Value] | None = None,
) -> list[ReviewRow]:
    """Every answer that applies, with who/when for open ones and what changed since ``old``."""
    rows = []
    for qid, value in interview.resolved().items():
        question = interview.bank.question(qid)
        if question is None:
            continue
        section = interview.bank.section(question.section)
        assert section is not None
        before = old.get(qid) if old is not None else None
        changed = old is not None and before != value and not (before is None and value in ("", []))
        item = (open_items or {}).get(qid)
        rows.append(ReviewRow(question, section, value, item, before, changed))
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


def _open_item(prompter: Prompter, earlier: OpenItem | None) -> OpenItem:
    """Who and when, for a question left for later; earlier values are offered again."""
    earlier = earlier or OpenItem()
    owner = prompter.ask(OPEN_OWNER, earlier.owner, can_back=False, check=checker(OPEN_OWNER))
    revisit = prompter.ask(
        OPEN_REVISIT, earlier.revisit, can_back=False, check=checker(OPEN_REVISIT)
    )
    return OpenItem(owner=str(owner or "").strip(), revisit=str(revisit or "").strip())


def progress(interview: Interview, section: Section, question: Question | None) -> Progress:
    """The counter shown above a question (or a heuristic's introduction when ``None``)."""
    heuristics = list(interview.bank.heuristics)
    number = heuristics.index(section) + 1 if section in heuristics else None
    applicable = [
        q.id
        for q in section.questions
        if interview.applies(q) is not Applies.SKIP or q.id in interview.answers
    ]
    index = applicable.index(question.id) + 1 if question and question.id in applicable else 0
    return Progress(section, number, len(heuristics), index, len(applicable))


def suggestions(interview: Interview, section: Section) -> list[ReviewRow]:
    """What accepting the suggested answers of ``section`` would record, in order."""
    trial = copy.copy(interview)
    trial.answers = dict(interview.answers)
    trial.defaults = dict(interview.defaults)
    trial._asked = list(interview._asked)
    rows = []
    while (question := trial.pending()) is not None and question.section == section.id:
        if not trial.has_default(question):
            break
        rows.append(ReviewRow(question, section, trial.accept_default(question)))
    return rows


def accept_suggestions(interview: Interview, section: Section) -> None:
    """Answer the pending questions of ``section`` with their defaults, stopping at one without."""
    while (question := interview.pending()) is not None and question.section == section.id:
        if not interview.has_default(question):
            return
        interview.accept_default(question)


def run(
    interview: Interview,
    prompter: Prompter,
    *,
    open_items: MutableMapping[str, OpenItem] | None = None,
    old: Mapping[str, Value] | None = None,
    keeps_draft: bool = True,
    resumed: bool = False,
) -> dict[str, OpenItem]:
    """Ask until every question is settled and the review is confirmed.

    ``open_items`` is updated as the person answers (so a draft taken after
    Ctrl-C keeps it); earlier entries prefill who/when. ``old`` marks the
    answers a revisit changed. ``keeps_draft`` says whether the caller keeps a
    draft on Ctrl-C or cancel (the screens promise one only then). Returns who
    and when for every question left for later.
    """
    items: MutableMapping[str, OpenItem] = open_items if open_items is not None else {}
    cancel = "Cancel (keeps a draft to resume)" if keeps_draft else "Cancel (nothing is written)"
    asked = [
        s
        for s in interview.bank.sections
        if any(
            q.id not in interview.answers and interview.applies(q) is not Applies.SKIP
            for q in s.questions
        )
    ]
    prompter.start(asked, resumed=resumed, keeps_draft=keeps_draft)
    shown_section: str | None = None
    from_review: str | None = None  # the answer being changed from the review
    while True:
        question = interview.pending()
        if question is None:
            choice = prompter.review(review_rows(interview, items, old), cancel=cancel)
            if choice.action == "write":
                return {
                    qid: item
                    for qid, item in items.items()
                    if interview.answers.get(qid) is DEFERRED
                }
            if choice.action == "cancel":
                raise Aborted("cancelled at the review; nothing was written")
            if choice.question:
                shown_section = interview.reopen(choice.question).section
                from_review = choice.question
            continue
        section = interview.bank.section(question.section)
        assert section is not None
        if question.section != shown_section:
            shown_section = section.id
            offered = suggestions(interview, section)
            if offered:
                step = prompter.section(
                    progress(interview, section, None),
                    offered,
                    can_back=interview.can_go_back(),
                )
                if step is BACK:
                    _go_back(interview)
                    shown_section = _section_of(interview)
                    continue
                if step == "accept":
                    accept_suggestions(interview, section)
                    continue
            else:
                prompter.section(progress(interview, section, None), [], can_back=False)
        reply = prompter.ask(
            question,
            interview.default_for(question),
            can_back=interview.can_go_back(),
            check=checker(question),
            progress=progress(interview, section, question),
        )
        if reply is BACK and from_review == question.id:
            interview.answer(question.id, interview.default_for(question))  # as it was
            from_review = None
            continue
        if reply is BACK:
            _go_back(interview)
            shown_section = _section_of(interview)
            continue
        try:
            interview.answer(question.id, reply)
        except ValueError as exc:
            prompter.notice(f"{question.title}: {exc}")
            continue
        from_review = None
        if reply is DEFERRED:
            items[question.id] = _open_item(prompter, items.get(question.id))


def _go_back(interview: Interview) -> None:
    previous = interview.back()
    logger.debug("back to %s", previous.id if previous else None)


def _section_of(interview: Interview) -> str | None:
    """Going back lands inside a section: its introduction is not offered again."""
    pending = interview.pending()
    return pending.section if pending else None

"""The interview engine: which question comes next, and what counts as an answer.

Pure and terminal-free. The wizard asks whatever ``pending()`` returns and
feeds replies back through ``answer()``; the non-interactive path fills the
same engine from flags and defaults. Both therefore follow the same ``when``
conditions, validation and derived defaults.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Iterator, Mapping
from typing import Any

from planner.questions.model import DEFERRED, Bank, Condition, Question, Value
from planner.questions.values import coerce
from planner.text import TRANSFORMS

logger = logging.getLogger(__name__)


class Applies(enum.Enum):
    ASK = "ask"
    SKIP = "skip"  # a condition is false: the question does not apply
    DEFER = "defer"  # a condition depends on an answer left for later


def _holds(condition: Condition, value: Value) -> bool:
    if condition.op == "contains":
        return isinstance(value, list) and any(v in value for v in condition.values)
    inside = value in condition.values
    return inside if condition.op == "in" else not inside


class Interview:
    """Answers collected so far, plus the rules for what to ask next.

    ``fixed`` answers (from flags or an answers file) are never asked;
    ``defaults`` override the bank's defaults (a revisit uses earlier answers).
    """

    def __init__(
        self,
        bank: Bank,
        *,
        fixed: Mapping[str, Value] | None = None,
        defaults: Mapping[str, Value] | None = None,
        target_name: str = "service",
    ) -> None:
        self.bank = bank
        self.fixed = dict(fixed or {})
        self.defaults = dict(defaults or {})
        self.target_name = target_name
        self.answers: dict[str, Value] = dict(self.fixed)
        self._asked: list[str] = []

    # -- what applies ------------------------------------------------------

    def applies(self, question: Question) -> Applies:
        """Whether ``question`` should be asked given the answers so far."""
        deferred = False
        for condition in question.when:
            source = self.bank.question(condition.question)
            if source is None or self.applies(source) is Applies.SKIP:
                return Applies.SKIP
            value = self.answers.get(condition.question)
            if value is DEFERRED or self.applies(source) is Applies.DEFER:
                deferred = True
                continue
            if condition.question not in self.answers:
                return Applies.SKIP
            if not _holds(condition, value):
                return Applies.SKIP
        return Applies.DEFER if deferred else Applies.ASK

    def pending(self) -> Question | None:
        """The next question that applies and has no answer yet."""
        for question in self.bank.questions():
            if question.id in self.answers:
                continue
            state = self.applies(question)
            if state is Applies.ASK:
                return question
        return None

    def default_for(self, question: Question) -> Value:
        """The value offered as default: an earlier answer, a derived one, or the bank's."""
        if question.id in self.answers:
            return self.answers[question.id]
        if question.id in self.defaults:
            return self.defaults[question.id]
        source = question.default_from
        if source is not None:
            base = (
                self.target_name
                if source.question == "target"
                else self.answers.get(source.question)
            )
            if isinstance(base, str) and base:
                derived = TRANSFORMS[source.transform](base) if source.transform else base
                try:
                    return coerce(question, derived)
                except ValueError:
                    logger.debug("derived default %r for %s is not valid", derived, question.id)
        return question.default

    def has_default(self, question: Question) -> bool:
        value = self.default_for(question)
        if value is None:
            return False
        try:
            coerce(question, value)
        except ValueError:
            return False
        return True

    # -- changing answers ---------------------------------------------------

    def answer(self, qid: str, raw: Any) -> Value:
        """Record an answer after checking it; raises ``ValueError`` if invalid."""
        question = self._question(qid)
        value = coerce(question, raw)
        self.answers[qid] = value
        if qid in self._asked:
            self._asked.remove(qid)
        self._asked.append(qid)
        return value

    def back(self) -> Question | None:
        """Forget the most recent answer given in this interview; return its question."""
        while self._asked:
            qid = self._asked.pop()
            if qid in self.answers and qid not in self.fixed:
                self.defaults[qid] = self.answers.pop(qid)
                return self._question(qid)
        return None

    def can_go_back(self) -> bool:
        return any(q not in self.fixed for q in self._asked)

    def reopen(self, qid: str) -> Question:
        """Make ``qid`` pending again, keeping its answer as the default (review screen)."""
        question = self._question(qid)
        if qid in self.answers:
            self.defaults[qid] = self.answers.pop(qid)
        self.fixed.pop(qid, None)
        return question

    def preload(self, answers: Mapping[str, Value]) -> None:
        """Restore answers given earlier (a draft): kept, but changeable and undoable."""
        for qid, value in answers.items():
            if qid in self.fixed or self.bank.question(qid) is None:
                continue
            self.answers[qid] = value
            self._asked.append(qid)

    def accept_default(self, question: Question) -> Value:
        return self.answer(question.id, self.default_for(question))

    # -- results --------------------------------------------------------------

    def resolved(self) -> dict[str, Value]:
        """Every answer that applies, in bank order; conditions on deferred answers defer."""
        out: dict[str, Value] = {}
        for question in self.bank.questions():
            state = self.applies(question)
            if state is Applies.SKIP:
                continue
            if state is Applies.DEFER and question.id not in self.answers:
                out[question.id] = DEFERRED
            elif question.id in self.answers:
                out[question.id] = self.answers[question.id]
        return out

    def iter_applicable(self) -> Iterator[Question]:
        for question in self.bank.questions():
            if self.applies(question) is not Applies.SKIP:
                yield question

    def _question(self, qid: str) -> Question:
        question = self.bank.question(qid)
        if question is None:
            raise KeyError(qid)
        return question


def fill_defaults(interview: Interview) -> list[Question]:
    """Answer every pending question with its default; return those that have none.

    Sequential on purpose: a default may derive from an answer filled just before.
    """
    missing: list[Question] = []
    skipped: set[str] = set()
    while True:
        question = next(
            (q for q in _pending_all(interview) if q.id not in skipped),
            None,
        )
        if question is None:
            return missing
        if interview.has_default(question):
            interview.accept_default(question)
        else:
            skipped.add(question.id)
            missing.append(question)


def unanswered(interview: Interview, *, use_defaults: bool) -> list[Question]:
    """What still needs a person: every question without a default, or the next question."""
    if use_defaults:
        return fill_defaults(interview)
    pending = interview.pending()
    return [pending] if pending else []


def _pending_all(interview: Interview) -> Iterator[Question]:
    for question in interview.bank.questions():
        if question.id not in interview.answers and interview.applies(question) is Applies.ASK:
            yield question

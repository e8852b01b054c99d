"""The evidence as help text, so the meeting over an adopted record sees why each default."""

from __future__ import annotations

import dataclasses

from planner.adopt.model import Adoption, Answer
from planner.questions.model import Bank, Question


def _text(answer: Answer) -> str:
    if answer.open:
        said = "the code leaves this open"
    else:
        shown = answer.value
        if isinstance(shown, list):
            shown = ", ".join(map(str, shown)) or "none"
        said = f"the code says {shown} ({answer.sure})"
    parts = [f"From the code: {said}."]
    if answer.finding:
        parts.append(answer.finding.rstrip(".") + ".")
    if answer.evidence:
        parts.append("Evidence: " + "; ".join(str(e) for e in answer.evidence[:4]) + ".")
    return " ".join(parts)


def with_evidence(bank: Bank, adoption: Adoption) -> Bank:
    """``bank`` with each adopted answer's evidence after its question's help."""

    def question(q: Question) -> Question:
        answer = adoption.answers.get(q.id)
        if answer is None:
            return q
        return dataclasses.replace(q, help=f"{q.help}\n{_text(answer)}".strip())

    sections = tuple(
        dataclasses.replace(s, questions=tuple(question(q) for q in s.questions))
        for s in bank.sections
    )
    return dataclasses.replace(bank, sections=sections)

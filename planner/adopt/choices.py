"""Answers checked against the loaded question bank, so adopt works with older and newer banks.

A value the code shows but the bank lacks falls back to the nearest value the
bank has, and the answer says so; a question the bank lacks is not answered.
"""

from __future__ import annotations

from planner.adopt.model import Answer, Evidence, Sure, left_open
from planner.questions.model import Bank, Value

_WEAKER: dict[Sure, Sure] = {
    "certain": "likely",
    "likely": "guess",
    "guess": "guess",
    "open": "open",
}


def has(bank: Bank, qid: str, value: str | None = None) -> bool:
    """The bank asks ``qid`` (and, given ``value``, offers it)."""
    question = bank.question(qid)
    if question is None:
        return False
    return value is None or not question.choices or value in question.choice_values


def pick(
    bank: Bank,
    qid: str,
    wanted: str,
    sure: Sure,
    evidence: list[Evidence],
    *,
    nearest: str | None = None,
    finding: str = "",
) -> Answer | None:
    """``wanted`` when the bank offers it, else ``nearest`` with a finding, else open."""
    if not has(bank, qid):
        return None
    if has(bank, qid, wanted):
        return Answer(qid, wanted, sure, evidence, finding)
    lacking = f"the code shows {wanted!r}, a value this question bank does not offer"
    if nearest is not None and has(bank, qid, nearest):
        note = f"{lacking}; recorded as the nearest, {nearest!r}"
        return Answer(qid, nearest, _WEAKER[sure], evidence, f"{note}. {finding}".strip(" ."))
    return left_open(qid, lacking, evidence)


def value(
    bank: Bank, qid: str, raw: Value, sure: Sure, evidence: list[Evidence], finding: str = ""
) -> Answer | None:
    """A non-choice answer (a number, a list, a flag) for a question the bank asks."""
    if not has(bank, qid):
        return None
    return Answer(qid, raw, sure, evidence, finding)

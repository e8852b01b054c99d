"""A small set of answer combinations in which every pair of options appears together.

Used to test the skeleton: generating every combination is impossible, but
most defects come from two decisions interacting, and covering every pair
takes a few dozen projects. Deterministic for a given seed.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Mapping, Sequence

from planner.questions.engine import Applies, Interview, fill_defaults
from planner.questions.model import Bank, Value

Combination = dict[str, Value]


def _options(bank: Bank, extra: Mapping[str, Sequence[Value]]) -> dict[str, list[Value]]:
    options: dict[str, list[Value]] = {}
    for question in bank.questions():
        if question.section in ("project", "meeting") or question.role != "answer":
            continue
        if question.id in extra:
            options[question.id] = list(extra[question.id])
        elif question.type == "select":
            options[question.id] = list(question.choice_values)
        elif question.type == "confirm":
            options[question.id] = [True, False]
        elif question.type == "checkbox":
            options[question.id] = [[], list(question.choice_values)]
    return options


def _complete(bank: Bank, partial: Mapping[str, Value]) -> Combination | None:
    """Fill the rest with defaults; None when ``partial`` answers a question not asked."""
    interview = Interview(bank, target_name="matrix")
    for qid, value in partial.items():
        question = bank.question(qid)
        if question is None:
            return None
        interview.answers[qid] = value
    fill_defaults(interview)
    resolved = interview.resolved()
    if any(qid not in resolved for qid in partial):
        return None
    return resolved


def pairwise(
    bank: Bank,
    *,
    extra: Mapping[str, Sequence[Value]] | None = None,
    exclude: Mapping[str, Sequence[Value]] | None = None,
    seed: int = 7,
    tries: int = 60,
) -> list[Combination]:
    """Combinations covering every applicable pair of (question, option) values."""
    rng = random.Random(seed)
    options = _options(bank, extra or {})
    for qid, values in (exclude or {}).items():
        options[qid] = [v for v in options.get(qid, []) if v not in values]
    keys = sorted(options)

    def key(value: Value) -> str:
        return repr(value)

    uncovered: set[tuple[str, str, str, str]] = set()
    for a, b in itertools.combinations(keys, 2):
        for va in options[a]:
            for vb in options[b]:
                if _complete(bank, {a: va, b: vb}) is not None:
                    uncovered.add((a, key(va), b, key(vb)))
    chosen: list[Combination] = []

    def candidate(forced: Mapping[str, Value]) -> Combination | None:
        interview = Interview(bank, target_name="matrix")
        for question in bank.questions():
            if question.id not in options or interview.applies(question) is not Applies.ASK:
                continue
            value = forced.get(question.id, rng.choice(options[question.id]))
            interview.answers[question.id] = value
        fill_defaults(interview)
        combo = interview.resolved()
        return combo if all(combo.get(q) == v for q, v in forced.items()) else None

    def pairs(combo: Combination) -> set[tuple[str, str, str, str]]:
        present = [k for k in keys if k in combo]
        return {(x, key(combo[x]), y, key(combo[y])) for x, y in itertools.combinations(present, 2)}

    while uncovered:
        a, va, b, vb = target = min(uncovered)
        forced = {
            a: next(v for v in options[a] if key(v) == va),
            b: next(v for v in options[b] if key(v) == vb),
        }
        best: Combination | None = None
        best_gain = 0
        for _ in range(tries):
            combo = candidate(forced)
            if combo is None:
                continue
            gain = len(pairs(combo) & uncovered)
            if gain > best_gain:
                best, best_gain = combo, gain
        if best is None:
            uncovered.discard(target)
            continue
        chosen.append(best)
        uncovered -= pairs(best)
    return chosen

"""Turn raw answers (YAML values, ``--set`` text, prompt input) into checked values.

Pure functions: every path that accepts an answer — prompts, flags, answers
files and records — goes through ``coerce`` so the same rules hold everywhere.
"""

from __future__ import annotations

import keyword
from typing import Any

from planner.errors import AnswerError
from planner.questions.model import DEFERRED, Bank, Question, Value
from planner.questions.patterns import fullmatch
from planner.reader import did_you_mean
from planner.text import module_clash

DEFER_TOKEN = "?"
_TRUE = {"true", "yes", "y", "on", "1"}
_FALSE = {"false", "no", "n", "off", "0"}


def parse_text(question: Question, text: str) -> Value:
    """Interpret text typed at a prompt or given as ``--set id=TEXT``."""
    stripped = text.strip()
    if stripped == DEFER_TOKEN:
        return coerce(question, DEFERRED)
    if question.type in ("list", "checkbox"):
        items = [item.strip() for item in stripped.split(",")] if stripped else []
        return coerce(question, [item for item in items if item])
    if question.type == "confirm":
        low = stripped.lower()
        if low in _TRUE:
            return True
        if low in _FALSE:
            return False
        raise ValueError(f"expected yes or no, got {text!r}")
    if question.type == "number":
        try:
            number = int(stripped)
        except ValueError:
            raise ValueError(f"expected a whole number, got {text!r}") from None
        return coerce(question, number)
    if question.type == "select":
        return coerce(question, stripped)
    return coerce(question, text)


def coerce(question: Question, raw: Any) -> Value:
    """Check ``raw`` against the question's type, choices and rules; return the value."""
    if raw is DEFERRED:
        if not question.deferrable:
            raise ValueError("this question cannot be left for later")
        return DEFERRED
    kind = question.type
    if kind == "select":
        if not isinstance(raw, str):
            raise ValueError(f"expected one of {_choices(question)}")
        _check_choice(question, raw)
        return raw
    if kind == "checkbox":
        items = _as_list(raw)
        for item in items:
            _check_choice(question, item)
        if len(set(items)) != len(items):
            raise ValueError("a choice is listed twice")
        order = question.choice_values
        return sorted(items, key=order.index)
    if kind == "confirm":
        if not isinstance(raw, bool):
            raise ValueError("expected true or false")
        return raw
    if kind == "number":
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ValueError("expected a whole number")
        rules = question.validate
        if rules.min is not None and raw < rules.min:
            raise ValueError(f"must be at least {rules.min}")
        if rules.max is not None and raw > rules.max:
            raise ValueError(f"must be at most {rules.max}")
        return raw
    if kind == "list":
        items = [_check_text(question, item) for item in _as_list(raw)]
        rules = question.validate
        if rules.unique and len({i.lower() for i in items}) != len(items):
            raise ValueError("each entry may appear only once")
        if rules.min_items is not None and len(items) < rules.min_items:
            raise ValueError(f"give at least {rules.min_items}")
        if rules.max_items is not None and len(items) > rules.max_items:
            raise ValueError(f"give at most {rules.max_items}")
        return items
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        raw = str(raw)
    if not isinstance(raw, str):
        raise ValueError("expected text")
    return _check_text(question, raw)


def _as_list(raw: Any) -> list[str]:
    if not isinstance(raw, list):
        raise ValueError("expected a list")
    out = []
    for item in raw:
        if isinstance(item, (int, float)) and not isinstance(item, bool):
            item = str(item)
        if not isinstance(item, str):
            raise ValueError("expected a list of text")
        out.append(item)
    return out


def _choices(question: Question) -> str:
    return ", ".join(question.choice_values)


def _check_choice(question: Question, value: str) -> None:
    if value not in question.choice_values:
        hint = did_you_mean(value, question.choice_values)
        raise ValueError(f"{value!r} is not a choice{hint}; choose from {_choices(question)}")


def _check_text(question: Question, text: str) -> str:
    rules = question.validate
    if "\x00" in text:
        raise ValueError("contains a NUL character")
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # bytes a file name or argument had that are not UTF-8
            raise ValueError("contains bytes that are not valid UTF-8") from None
    if rules.required and not text.strip():
        raise ValueError("an answer is required")
    if rules.max_length is not None and len(text) > rules.max_length:
        raise ValueError(f"at most {rules.max_length} characters")
    if not text and not rules.required:
        return text
    if rules.pattern and not fullmatch(rules.pattern, text):
        raise ValueError(f"{text!r}: {rules.message or 'does not match ' + rules.pattern}")
    if rules.identifier and (not text.isidentifier() or keyword.iskeyword(text)):
        raise ValueError(f"{text!r} is not a valid Python identifier")
    if text in rules.not_in:
        why = dict(rules.not_in_reasons).get(text)
        raise ValueError(
            f"{text!r} {f'clashes with {why}' if why else 'is reserved'}; pick another name"
        )
    if rules.not_module and (clash := module_clash(text)):
        raise ValueError(
            f"{text!r} {clash}: the generated project could not import its own package; "
            "pick another name"
        )
    return text


def display(value: Value) -> str:
    """A short human rendering of an answer, for tables and diffs."""
    if value is DEFERRED:
        return "(decide later)"
    if value is None:  # a question the earlier answers did not ask
        return "(not asked)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(value) if value else "(none)"
    if value == "":
        return "(empty)"
    return str(value)


def parse_set(bank: Bank, item: str) -> tuple[str, Value]:
    """``deployment.artifact=docker`` -> (question id, checked value)."""
    if "=" not in item:
        raise AnswerError(f"--set {item!r}: expected ID=VALUE, e.g. --set logging.format=json")
    qid, _, text = item.partition("=")
    qid = qid.strip()
    question = bank.question(qid)
    if question is None:
        raise AnswerError(
            f"--set {item!r}: unknown question {qid!r}{did_you_mean(qid, bank.question_ids)}"
        )
    try:
        return qid, parse_text(question, text)
    except ValueError as exc:
        raise AnswerError(f"--set {item!r}: {exc}") from None

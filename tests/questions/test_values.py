from __future__ import annotations

import pytest

from planner.questions.model import DEFERRED, Bank
from planner.questions.values import coerce, display, parse_text


def q(bank: Bank, qid: str):  # type: ignore[no-untyped-def]
    question = bank.question(qid)
    assert question is not None
    return question


@pytest.mark.parametrize(
    ("qid", "text", "expected"),
    [
        ("deployment.artifact", "wheel", "wheel"),
        ("deployment.artifact", " docker ", "docker"),
        ("deployment.artifact", "?", DEFERRED),
        ("lifetimes.other_resources", "cache, http_client", ["http_client", "cache"]),
        ("lifetimes.other_resources", "", []),
        ("layout.src_layout", "no", False),
        ("layout.src_layout", "Yes", True),
        ("testing.coverage", "90", 90),
        ("layout.features", "users, billing", ["users", "billing"]),
        ("project.description", "  spaced  ", "  spaced  "),
    ],
)
def test_parse_text(bank: Bank, qid: str, text: str, expected: object) -> None:
    assert parse_text(q(bank, qid), text) == expected


@pytest.mark.parametrize(
    ("qid", "text", "message"),
    [
        ("deployment.artifact", "whel", "did you mean 'wheel'"),
        ("testing.coverage", "101", "at most 100"),
        ("testing.coverage", "lots", "whole number"),
        ("layout.src_layout", "maybe", "yes or no"),
        ("project.package", "My-App", "lower-case"),
        ("project.package", "class", "not a valid Python identifier"),
        ("project.package", "flask", "import name of Flask"),
        ("project.name", "   ", "required"),
        ("project.name", "?", "cannot be left for later"),
        ("layout.features", "users, users", "only once"),
        ("layout.features", "../x", "lower-case"),
        ("layout.features", "", "at least 1"),
        ("lifetimes.other_resources", "cache, cache", "twice"),
    ],
)
def test_parse_text_rejects(bank: Bank, qid: str, text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_text(q(bank, qid), text)


def test_coerce_checks_types(bank: Bank) -> None:
    with pytest.raises(ValueError, match="expected one of"):
        coerce(q(bank, "deployment.artifact"), 3)
    with pytest.raises(ValueError, match="true or false"):
        coerce(q(bank, "logging.request_id"), "yes")
    with pytest.raises(ValueError, match="whole number"):
        coerce(q(bank, "testing.coverage"), True)
    with pytest.raises(ValueError, match="NUL"):
        coerce(q(bank, "project.description"), "a\x00b")


def test_display() -> None:
    assert display(DEFERRED) == "(decide later)"
    assert display(True) == "yes"
    assert display([]) == "(none)"
    assert display(["a", "b"]) == "a, b"
    assert display("") == "(empty)"

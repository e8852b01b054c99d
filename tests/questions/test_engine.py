from __future__ import annotations

import pytest

from planner.questions.engine import Applies, Interview, fill_defaults
from planner.questions.model import DEFERRED, Bank


def test_defaults_derive_from_target_and_name(bank: Bank) -> None:
    interview = Interview(bank, target_name="billing-api")
    assert fill_defaults(interview) == []
    assert interview.answers["project.name"] == "Billing Api"
    assert interview.answers["project.package"] == "billing_api"


def test_next_question_follows_bank_order(bank: Bank) -> None:
    interview = Interview(bank)
    first = interview.pending()
    assert first is not None and first.id == "project.name"
    interview.answer("project.name", "Shop")
    second = interview.pending()
    assert second is not None and second.id == "project.package"
    assert interview.default_for(second) == "shop"


def test_when_skips_dependent_questions(bank: Bank) -> None:
    interview = Interview(bank, fixed={"initialization.database": "none"})
    fill_defaults(interview)
    resolved = interview.resolved()
    assert "initialization.db_init" not in resolved
    assert "lifetimes.db_session" not in resolved
    assert resolved["infrastructure.framework"] == "flask"  # asked whatever the layout


def test_when_asks_dependent_questions(bank: Bank) -> None:
    interview = Interview(bank, fixed={"infrastructure.isolation": "ports_and_adapters"})
    fill_defaults(interview)
    assert interview.resolved()["infrastructure.framework"] == "flask"


def test_deferring_defers_dependents(bank: Bank) -> None:
    interview = Interview(bank, fixed={"initialization.database": DEFERRED})
    db_init = bank.question("initialization.db_init")
    assert db_init is not None
    assert interview.applies(db_init) is Applies.DEFER
    fill_defaults(interview)
    resolved = interview.resolved()
    assert resolved["initialization.db_init"] is DEFERRED
    assert resolved["lifetimes.db_session"] is DEFERRED


def test_back_returns_to_previous_and_keeps_it_as_default(bank: Bank) -> None:
    interview = Interview(bank)
    interview.answer("project.name", "Shop")
    interview.answer("project.package", "shop_core")
    previous = interview.back()
    assert previous is not None and previous.id == "project.package"
    assert "project.package" not in interview.answers
    assert interview.default_for(previous) == "shop_core"
    assert interview.pending() is previous


def test_back_never_undoes_fixed_answers(bank: Bank) -> None:
    interview = Interview(bank, fixed={"project.name": "Fixed"})
    assert not interview.can_go_back()
    assert interview.back() is None
    assert interview.answers["project.name"] == "Fixed"


def test_reopen_for_review_changes(bank: Bank) -> None:
    interview = Interview(bank, fixed={"initialization.database": "none"})
    fill_defaults(interview)
    interview.reopen("initialization.database")
    pending = interview.pending()
    assert pending is not None and pending.id == "initialization.database"
    interview.answer("initialization.database", "postgresql")
    after = interview.pending()
    assert after is not None and after.id == "initialization.db_init"


def test_invalid_answer_is_not_recorded(bank: Bank) -> None:
    interview = Interview(bank)
    with pytest.raises(ValueError, match="lower-case"):
        interview.answer("project.package", "Not Valid")
    assert "project.package" not in interview.answers


def test_preload_restores_draft_answers(bank: Bank) -> None:
    interview = Interview(bank, fixed={"project.name": "X"})
    interview.preload({"project.name": "ignored", "project.package": "x_pkg", "unknown.q": 1})
    assert interview.answers["project.name"] == "X"
    assert interview.answers["project.package"] == "x_pkg"
    assert interview.can_go_back()


def test_questions_without_a_usable_default_are_reported(bank: Bank) -> None:
    interview = Interview(bank, defaults={"project.name": ""})
    missing = fill_defaults(interview)
    assert [q.id for q in missing] == ["project.name", "project.package"]
    assert "deployment.artifact" in interview.answers

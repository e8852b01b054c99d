from __future__ import annotations

import pytest

from planner.errors import Aborted
from planner.questions.engine import Interview
from planner.questions.model import DEFERRED, Bank
from planner.wizard import BACK, ReviewChoice, checker, review_rows, run
from tests.conftest import ScriptedPrompter


def test_defaults_all_the_way(bank: Bank) -> None:
    interview = Interview(bank, target_name="shop")
    prompter = ScriptedPrompter()
    run(interview, prompter)
    assert interview.pending() is None
    assert prompter.asked[0] == "project.name"
    assert prompter.sections[:3] == ["project", "meeting", "deployment"]
    assert interview.answers["project.package"] == "shop"


def test_fixed_answers_are_not_asked(bank: Bank) -> None:
    interview = Interview(bank, fixed={"deployment.artifact": "rpm"})
    prompter = ScriptedPrompter()
    run(interview, prompter)
    assert "deployment.artifact" not in prompter.asked


def test_back_reasks_previous_question_with_its_answer(bank: Bank) -> None:
    interview = Interview(bank, target_name="shop")
    prompter = ScriptedPrompter(
        {"project.package": ("shop_a", "shop_b"), "project.description": (BACK, "desc")}
    )
    run(interview, prompter)
    assert prompter.asked[:4] == [
        "project.name",
        "project.package",
        "project.description",
        "project.package",
    ]
    assert prompter.defaults["project.package"] == "shop_a"
    assert interview.answers["project.package"] == "shop_b"


def test_invalid_reply_is_reasked(bank: Bank) -> None:
    interview = Interview(bank)
    prompter = ScriptedPrompter({"project.package": ("Bad Name", "good")})
    run(interview, prompter)
    assert prompter.asked.count("project.package") == 2
    assert prompter.notices and "Python package" in prompter.notices[0]


def test_decide_later_defers_dependents(bank: Bank) -> None:
    interview = Interview(bank)
    prompter = ScriptedPrompter({"initialization.database": DEFERRED})
    run(interview, prompter)
    assert "initialization.db_init" not in prompter.asked
    assert interview.resolved()["initialization.db_init"] is DEFERRED


def test_review_can_change_an_answer_and_follows_conditions(bank: Bank) -> None:
    interview = Interview(bank)
    prompter = ScriptedPrompter(
        {
            "infrastructure.isolation": ("repository", "ports_and_adapters"),
            "infrastructure.framework": "falcon",
        },
        reviews=[ReviewChoice("change", "infrastructure.isolation"), ReviewChoice("write")],
    )
    run(interview, prompter)
    assert prompter.asked.count("infrastructure.isolation") == 2
    assert interview.answers["infrastructure.framework"] == "falcon"
    rows = prompter.review_rows[-1]
    framework = bank.question("infrastructure.framework")
    assert framework is not None
    falcon = framework.choice("falcon")
    assert falcon is not None
    # the review speaks in the labels the question used, not the stored values
    assert any(
        r.question.id == "infrastructure.framework" and r.shown == falcon.label for r in rows
    )


def test_cancel_at_review(bank: Bank) -> None:
    with pytest.raises(Aborted, match="cancelled"):
        run(Interview(bank), ScriptedPrompter(reviews=[ReviewChoice("cancel")]))


def test_ctrl_c_propagates_with_answers_kept(bank: Bank) -> None:
    interview = Interview(bank)
    prompter = ScriptedPrompter({"deployment.ci": KeyboardInterrupt()})
    with pytest.raises(KeyboardInterrupt):
        run(interview, prompter)
    assert interview.answers["deployment.artifact"] == "docker"


def test_checker_messages(bank: Bank) -> None:
    package = bank.question("project.package")
    assert package is not None
    check = checker(package)
    assert check("fine_name") is None
    assert "lower-case" in (check("Not OK") or "")


def test_review_rows_show_every_applicable_answer(bank: Bank) -> None:
    interview = Interview(bank, fixed={"initialization.database": "none"})
    run(interview, ScriptedPrompter())
    ids = [r.question.id for r in review_rows(interview)]
    assert "initialization.db_init" not in ids
    assert "logging.rationale" in ids


def test_who_and_when_are_asked_for_each_question_left_open(bank: Bank) -> None:
    interview = Interview(bank)
    prompter = ScriptedPrompter(
        {"deployment.ci": DEFERRED, "_open.owner": "Ana", "_open.revisit": "Q1"}
    )
    items = run(interview, prompter)
    assert prompter.asked[
        prompter.asked.index("deployment.ci") + 1 : prompter.asked.index("deployment.ci") + 3
    ] == ["_open.owner", "_open.revisit"]
    assert {qid: (i.owner, i.revisit) for qid, i in items.items()} == {
        "deployment.ci": ("Ana", "Q1")
    }

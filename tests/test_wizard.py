from __future__ import annotations

from pathlib import Path

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


def test_accepting_a_section_answers_it_with_the_suggestions(bank: Bank) -> None:
    interview = Interview(bank, target_name="shop")
    sections = {s.id: "accept" for s in bank.sections}
    prompter = ScriptedPrompter(intros=sections)
    run(interview, prompter)
    assert prompter.asked == []  # every question had a suggestion
    reference = Interview(bank, target_name="shop")
    from planner.questions.engine import fill_defaults

    fill_defaults(reference)
    assert interview.resolved() == reference.resolved()
    # what the introduction showed is what was recorded
    shown = {r.question.id: r.value for rows in prompter.suggested.values() for r in rows}
    assert shown == {k: v for k, v in interview.answers.items() if k in shown}
    assert prompter.progress[prompter.sections.index("deployment")] == "Deployment · 1 of 7"


def test_progress_counts_questions_within_a_heuristic(bank: Bank) -> None:
    prompter = ScriptedPrompter()
    run(Interview(bank, target_name="shop"), prompter)
    assert "Deployment · 1 of 7 · question 2 of 5" in prompter.progress
    assert "Project · question 1 of 3" in prompter.progress


def test_back_while_changing_from_the_review_keeps_the_answer(bank: Bank) -> None:
    interview = Interview(bank, target_name="shop")
    prompter = ScriptedPrompter(
        {"testing.layout": ("mirror", BACK)},
        reviews=[ReviewChoice("change", "testing.layout"), ReviewChoice("write")],
    )
    run(interview, prompter)
    assert interview.answers["testing.layout"] == "mirror"
    # straight back to the review, not to the question before it
    assert prompter.asked[-1] == "testing.layout" and len(prompter.review_rows) == 2


def test_owner_and_date_are_offered_again_after_back(bank: Bank) -> None:
    from planner.record.model import OpenItem

    interview = Interview(bank, target_name="shop")
    items: dict[str, OpenItem] = {}
    prompter = ScriptedPrompter(
        {
            "deployment.config_management": DEFERRED,
            "_open.owner": ("Lena", "Lena"),
            "_open.revisit": ("after the pilot", "after the pilot"),
            "deployment.rationale": (BACK, ""),
        }
    )
    run(interview, prompter, open_items=items)
    owners = [i for i, q in enumerate(prompter.asked) if q == "_open.owner"]
    assert len(owners) == 2
    assert prompter.defaults["_open.owner"] == "Lena"  # the second time, prefilled
    assert items["deployment.config_management"] == OpenItem("Lena", "after the pilot")


def test_ctrl_c_keeps_open_items_and_answers_after_back_in_the_draft(
    bank: Bank, tmp_path: Path
) -> None:
    from planner import kickoff
    from planner.record import draft

    meeting = kickoff.start(kickoff.NewRequest(target=tmp_path / "shop"))
    # answer four questions, go back three (over the deferred one), then Ctrl-C
    prompter = ScriptedPrompter(
        {
            "deployment.artifact": "rpm",
            "deployment.ci": ("gitlab", KeyboardInterrupt()),
            "deployment.wsgi_server": ("waitress", BACK),
            "deployment.config_management": (DEFERRED, BACK),
            "_open.owner": "Lena",
            "deployment.rationale": BACK,
        }
    )
    with pytest.raises(KeyboardInterrupt):
        run(meeting.interview, prompter, open_items=meeting.open_items)
    kickoff.save_draft(meeting)
    kept = draft.load_draft(meeting.draft_path, bank)
    assert kept.answers["deployment.artifact"] == "rpm"
    assert kept.later["deployment.ci"] == "gitlab"
    assert kept.later["deployment.wsgi_server"] == "waitress"
    assert kept.later["deployment.config_management"] is DEFERRED
    assert kept.open["deployment.config_management"].owner == "Lena"
    again = kickoff.start(kickoff.NewRequest(target=tmp_path / "shop", resume=True))
    wsgi = bank.question("deployment.wsgi_server")
    assert wsgi is not None
    assert again.interview.default_for(wsgi) == "waitress"
    assert again.open_items["deployment.config_management"].revisit == ""
    assert again.open_items["deployment.config_management"].owner == "Lena"


def test_the_resume_command_repeats_what_the_draft_does_not_hold(tmp_path: Path) -> None:
    import datetime as dt
    import shlex

    from planner.cli.new import _resume_command

    folder = tmp_path / "it's a svc"
    command = _resume_command(
        folder,
        Path("decisions/record.yaml"),
        [Path("team pack.yaml")],
        [Path("tpl")],
        dt.datetime(2026, 11, 24),
    )
    assert shlex.split(command) == [
        "planner",
        "new",
        str(folder),
        "--resume",
        "--record",
        "decisions/record.yaml",
        "--questions",
        "team pack.yaml",
        "--templates",
        "tpl",
        "--date",
        "2026-11-24",
    ]

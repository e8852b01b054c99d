"""The questionary prompter, driven by keystrokes through a prompt_toolkit pipe."""

from __future__ import annotations

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from planner.prompts import QuestionaryPrompter
from planner.questions.model import DEFERRED, Bank, Question
from planner.wizard import BACK, ReviewRow, checker

DOWN = "\x1b[B"
UP = "\x1b[A"
LEFT = "\x1b[D"
ESC = "\x1b"
ENTER = "\r"


def ask(
    bank: Bank, qid: str, keystrokes: str, default: object = None, can_back: bool = True
) -> object:
    question = bank.question(qid)
    assert question is not None
    with create_pipe_input() as pipe:
        pipe.send_text(keystrokes)
        prompter = QuestionaryPrompter(input=pipe, output=DummyOutput())
        return prompter.ask(question, default, can_back=can_back, check=checker(question))


def test_select_default_with_enter(bank: Bank) -> None:
    assert ask(bank, "deployment.artifact", ENTER, default="docker") == "docker"


def test_select_with_arrow_keys(bank: Bank) -> None:
    assert ask(bank, "deployment.artifact", DOWN + ENTER, default="wheel") == "docker"
    assert ask(bank, "deployment.artifact", UP + ENTER, default="docker") == "wheel"


def test_select_decide_later_is_the_last_choice_and_back_is_a_key(bank: Bank) -> None:
    # wheel, docker, rpm, source_paas, source_venv, not_deployed, (separator), decide later:
    # no "Back" item to wrap onto
    assert ask(bank, "deployment.artifact", DOWN * 6 + ENTER, default="wheel") is DEFERRED
    assert ask(bank, "deployment.artifact", DOWN * 7 + ENTER, default="wheel") == "wheel"
    for key in (ESC, "<", LEFT):
        assert ask(bank, "deployment.artifact", key, default="wheel") is BACK


def test_back_key_works_in_every_prompt_type(bank: Bank) -> None:
    # select, checkbox (with ticks already set), pre-filled text, confirm, number
    assert ask(bank, "deployment.artifact", ESC, default="docker") is BACK
    assert ask(bank, "lifetimes.other_resources", " " + ESC, default=["cache"]) is BACK
    assert ask(bank, "layout.features", ESC, default=["accounts"]) is BACK
    assert ask(bank, "project.name", ESC, default="Order Desk") is BACK
    assert ask(bank, "layout.src_layout", ESC, default=True) is BACK
    assert ask(bank, "testing.coverage", ESC, default=80) is BACK


def test_no_back_key_on_the_first_question(bank: Bank) -> None:
    assert ask(bank, "deployment.artifact", "<" + ENTER, default="docker", can_back=False) == (
        "docker"
    )


def test_confirm_takes_y_and_n(bank: Bank) -> None:
    assert ask(bank, "layout.src_layout", "n", default=True) is False
    assert ask(bank, "layout.src_layout", "y", default=False) is True


def test_checkbox_decide_later_wins_over_ticks(bank: Bank) -> None:
    # http_client, cache, message_queue, smtp, job_queue, metrics, rate_limit_storage,
    # (separator), decide later: tick one, then decide later
    keys = " " + DOWN * 7 + " " + ENTER
    assert ask(bank, "lifetimes.other_resources", keys, default=[]) is DEFERRED


def test_confirm_is_a_yes_no_select(bank: Bank) -> None:
    assert ask(bank, "layout.src_layout", ENTER, default=True) is True
    assert ask(bank, "layout.src_layout", DOWN + ENTER, default=True) is False


def test_checkbox_toggles(bank: Bank) -> None:
    assert ask(bank, "lifetimes.other_resources", " " + DOWN + " " + ENTER, default=[]) == [
        "http_client",
        "cache",
    ]
    assert ask(bank, "lifetimes.other_resources", ENTER, default=["cache"]) == ["cache"]


def test_text_with_default_and_typing(bank: Bank) -> None:
    assert ask(bank, "project.description", ENTER, default="A shop") == "A shop"
    assert ask(bank, "project.description", "Sells things" + ENTER, default="") == "Sells things"


def test_text_validation_reasks_inside_the_prompt(bank: Bank) -> None:
    # "Bad Name" is refused at the prompt; erase it and type a valid one.
    erase = "\x7f" * len("Bad Name")
    assert (
        ask(bank, "project.package", "Bad Name" + ENTER + erase + "good" + ENTER, default="")
        == "good"
    )


def test_text_back_key_and_defer_token(bank: Bank) -> None:
    assert ask(bank, "layout.features", ESC, default=None) is BACK
    assert ask(bank, "layout.features", "?" + ENTER, default=None) is DEFERRED
    assert ask(bank, "layout.features", "users, billing" + ENTER, default=None) == [
        "users",
        "billing",
    ]


def test_number(bank: Bank) -> None:
    assert ask(bank, "testing.coverage", "\x7f\x7f" + "90" + ENTER, default=80) == 90


def test_ctrl_c_raises(bank: Bank) -> None:
    with pytest.raises(KeyboardInterrupt):
        ask(bank, "deployment.artifact", "\x03", default="docker")


def test_review_write_and_change(bank: Bank) -> None:
    question = bank.question("deployment.artifact")
    section = bank.section("deployment")
    assert isinstance(question, Question) and section is not None
    rows = [ReviewRow(question, section, "docker")]
    with create_pipe_input() as pipe:
        pipe.send_text(ENTER)
        assert (
            QuestionaryPrompter(input=pipe, output=DummyOutput())
            .review(rows, cancel="Cancel")
            .action
            == "write"
        )
    with create_pipe_input() as pipe:
        # "Change which part?" and "Which answer?" both start on their "Back" item
        pipe.send_text(DOWN + ENTER + DOWN + ENTER + DOWN + ENTER)
        choice = QuestionaryPrompter(input=pipe, output=DummyOutput()).review(rows, cancel="Cancel")
        assert (choice.action, choice.question) == ("change", "deployment.artifact")


def test_which_answer_leads_back_to_the_review(bank: Bank) -> None:
    question = bank.question("deployment.artifact")
    section = bank.section("deployment")
    assert question is not None and section is not None
    rows = [ReviewRow(question, section, "docker")]
    # the Back key, the "Back to the review" item, or back from an answer to the parts
    for leave in (ESC, ENTER, DOWN + ENTER + ESC + ESC):
        with create_pipe_input() as pipe:
            pipe.send_text(DOWN + ENTER + leave)
            pipe.send_text(ENTER)  # the review again: write
            choice = QuestionaryPrompter(input=pipe, output=DummyOutput()).review(
                rows, cancel="Cancel"
            )
            assert choice.action == "write"


def test_surrogate_escapes_never_leave_the_prompt(bank: Bank) -> None:
    from planner.prompts import repair

    # "é" typed under LC_ALL=C arrives as two surrogate escapes: repaired to UTF-8
    assert repair("D\udcc3\udca9sk") == "Désk"
    # bytes that are not UTF-8 stay escaped, and the prompt refuses them
    question = bank.question("project.name")
    assert question is not None
    assert checker(question)("D\udce9sk") is not None

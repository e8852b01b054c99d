"""The real ``planner new`` and ``revisit`` in a pseudo-terminal, as a person drives them.

Every scenario types real keys into a real pseudo-terminal (pexpect) and
reads the files planner wrote, or the screen a person sees (pyte).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pexpect
import pytest
import yaml

from planner.questions.engine import Interview, fill_defaults
from planner.questions.model import Bank
from planner.record.io import load_record
from tests.screen import (
    CTRL_C,
    CTRL_U,
    DOWN,
    ENTER,
    ESC,
    LEFT,
    UP,
    Terminal,
    meeting_with_defaults,
)

pytestmark = pytest.mark.terminal

DATE = ("--date", "2026-11-24")


def answers_except(bank: Bank, tmp_path: Path, asked: set[str]) -> Path:
    """A flat answers file with defaults for every question but the sections in ``asked``."""
    interview = Interview(bank, target_name="svc")
    fill_defaults(interview)
    data = {
        qid: value for qid, value in interview.resolved().items() if qid.split(".")[0] not in asked
    }
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(data))
    return path


def begin(term: Terminal) -> None:
    """The start screen: one key to begin."""
    term.expect("Press any key to begin")
    term.press(ENTER)


def go_through(term: Terminal) -> None:
    """At a heuristic's introduction: question by question."""
    term.expect("How do you want to answer this part")
    term.press(ENTER)


def record_of(target: Path):  # type: ignore[no-untyped-def]
    return load_record(target / "architecture" / "decisions.yaml").record


def test_full_meeting_with_arrows_typing_and_review(bank: Bank, tmp_path: Path) -> None:
    answers = answers_except(bank, tmp_path, {"project", "meeting", "deployment"})
    target = tmp_path / "svc"
    term = Terminal("new", str(target), "--answers", str(answers), *DATE)
    begin(term)
    go_through(term)
    term.expect("What is the service called")
    term.press(CTRL_U)
    term.type("Order Desk" + ENTER)
    term.expect("Python package name")
    term.press(ENTER)
    term.expect("One sentence")
    term.type("Takes orders." + ENTER)
    go_through(term)
    term.expect("Who is taking part")
    term.type("Ana, Bo" + ENTER)
    go_through(term)
    term.expect("What do you ship")
    term.press(DOWN, ENTER)  # docker -> rpm
    term.expect("continuous integration")
    term.press(DOWN, ENTER)  # github -> gitlab
    term.expect("WSGI server")
    term.press(ENTER)
    term.expect("configuration management")
    term.press(DOWN, DOWN, DOWN, DOWN, ENTER)  # none, ansible, salt, puppet, decide later
    term.expect("Who will bring this question back")
    term.type("Lena" + ENTER)
    term.expect("When should it be decided")
    term.type("after the pilot" + ENTER)
    term.expect("Why did you decide")
    term.type("We ship RPMs to a managed fleet." + ENTER)
    term.expect("Write the record")
    # the review speaks in labels, and says who brings the open question back and when
    review = term.screen_text()
    assert "RPM package" in review and "GitLab CI" in review
    assert "decide later (Lena, after the pilot)" in review
    term.press(ENTER)
    assert term.finish() == 0, term.text
    record = record_of(target)
    assert record.project.name == "Order Desk"
    assert record.project.package == "order_desk"
    assert record.meeting.participants == ["Ana", "Bo"]
    deployment = record.decisions["deployment"]
    assert deployment.answers == {"artifact": "rpm", "ci": "gitlab", "wsgi_server": "gunicorn"}
    assert list(deployment.open) == ["config_management"]
    assert (
        deployment.open["config_management"].owner,
        deployment.open["config_management"].revisit,
    ) == ("Lena", "after the pilot")
    assert deployment.rationale == "We ship RPMs to a managed fleet."


def test_ctrl_c_then_resume(bank: Bank, tmp_path: Path) -> None:
    answers = answers_except(bank, tmp_path, {"project", "deployment"})
    target = tmp_path / "my svc"
    term = Terminal("new", str(target), "--answers", str(answers))
    begin(term)
    go_through(term)
    term.expect("What is the service called")
    term.press(ENTER)
    term.expect("Python package name")
    term.press(ENTER)
    term.expect("One sentence")
    term.type("First try" + ENTER)
    go_through(term)
    term.expect("What do you ship")
    term.press(DOWN, ENTER)
    term.expect("continuous integration")
    term.press(CTRL_C)
    assert term.finish() == 130
    # the exact command to continue, with the folder (quoted: it has a space)
    assert f"planner new '{target}' --resume" in term.text
    assert "error" not in term.text.lower()
    draft = target / "architecture" / ".decisions.draft.yaml"
    assert draft.exists()
    assert not (target / "architecture" / "decisions.yaml").exists()

    term = Terminal("new", str(target), "--answers", str(answers), "--resume")
    begin(term)
    go_through(term)
    term.expect("continuous integration")
    term.press(ENTER)
    term.expect("WSGI server")
    term.press(ENTER)
    term.expect("configuration management")
    term.press(ENTER)
    term.expect("Why did you decide")
    term.press(ENTER)
    term.expect("Write the record")
    term.press(ENTER)
    assert term.finish() == 0, term.text
    record = record_of(target)
    assert record.project.description == "First try"
    assert record.decisions["deployment"].answers["artifact"] == "rpm"
    assert not draft.exists()


def test_resume_after_cancel_at_the_review_brings_the_review_back(
    bank: Bank, tmp_path: Path
) -> None:
    answers = answers_except(bank, tmp_path, {"deployment"})
    target = tmp_path / "svc"
    for stop in ("cancel", "ctrl-c"):
        term = Terminal("new", str(target), "--answers", str(answers), *DATE)
        begin(term)
        go_through(term)
        term.expect("What do you ship")
        term.press(DOWN, ENTER)  # rpm
        for prompt in ("continuous integration", "WSGI server", "configuration management"):
            term.expect(prompt)
            term.press(ENTER)
        term.expect("Why did you decide")
        term.press(ENTER)
        term.expect("Write the record")
        if stop == "cancel":
            term.choose("Cancel")
        else:
            term.press(CTRL_C)
        assert term.finish() == 130
        assert not (target / "architecture" / "decisions.yaml").exists()

        term = Terminal("new", str(target), "--answers", str(answers), "--resume", *DATE)
        begin(term)
        term.expect("Write the record")  # no question left: straight to the review
        assert "RPM package" in term.screen_text()
        assert not (target / "architecture" / "decisions.yaml").exists()
        if stop == "cancel":
            term.choose("Cancel")
            assert term.finish() == 130
            continue
        term.press(ENTER)
        assert term.finish() == 0, term.text
        assert record_of(target).decisions["deployment"].answers["artifact"] == "rpm"


def test_owner_and_date_of_decide_later_survive_back_and_ctrl_c(bank: Bank, tmp_path: Path) -> None:
    answers = answers_except(bank, tmp_path, {"deployment"})
    target = tmp_path / "svc"
    term = Terminal("new", str(target), "--answers", str(answers), *DATE)
    begin(term)
    go_through(term)
    for prompt in ("What do you ship", "continuous integration", "WSGI server"):
        term.expect(prompt)
        term.press(ENTER)
    term.expect("configuration management")
    term.press(DOWN, DOWN, DOWN, DOWN, ENTER)  # decide later
    term.expect("Who will bring this question back")
    term.type("Lena" + ENTER)
    term.expect("When should it be decided")
    term.type("after the pilot" + ENTER)
    term.expect("Why did you decide")
    term.press(ESC)  # back over the deferred question
    term.expect("configuration management")
    term.press(ENTER)  # still on "Decide later"
    term.expect("Who will bring this question back")
    term.settle()
    shown = [line for line in term.lines() if line.strip()]
    assert shown[-1].strip() == "Lena", term.show()  # offered again, not blank
    term.press(ENTER)
    term.expect("When should it be decided")
    term.press(ENTER)
    term.expect("Why did you decide")
    term.press(CTRL_C)
    assert term.finish() == 130
    draft = yaml.safe_load((target / "architecture" / ".decisions.draft.yaml").read_text())
    assert draft["open"]["deployment.config_management"] == {
        "owner": "Lena",
        "revisit": "after the pilot",
    }

    term = Terminal("new", str(target), "--answers", str(answers), "--resume", *DATE)
    begin(term)
    go_through(term)
    term.expect("Why did you decide")
    term.press(ENTER)
    term.expect("Write the record")
    term.press(ENTER)
    assert term.finish() == 0, term.text
    item = record_of(target).decisions["deployment"].open["config_management"]
    assert (item.owner, item.revisit) == ("Lena", "after the pilot")


def test_back_back_ctrl_c_keeps_the_later_answers(bank: Bank, tmp_path: Path) -> None:
    answers = answers_except(bank, tmp_path, {"deployment"})
    target = tmp_path / "svc"
    term = Terminal("new", str(target), "--answers", str(answers), *DATE)
    begin(term)
    go_through(term)
    term.expect("What do you ship")
    term.press(DOWN, ENTER)  # docker -> rpm
    term.expect("continuous integration")
    term.press(DOWN, ENTER)  # github -> gitlab
    term.expect("WSGI server")
    term.press(DOWN, ENTER)  # gunicorn -> the next server
    term.expect("configuration management")
    term.press(DOWN, ENTER)  # none -> ansible
    term.expect("Why did you decide")
    term.press(ESC)
    term.expect("configuration management")
    term.press(ESC)
    term.expect("WSGI server")
    term.press(CTRL_C)
    assert term.finish() == 130

    term = Terminal("new", str(target), "--answers", str(answers), "--resume", *DATE)
    begin(term)
    go_through(term)
    for prompt in ("WSGI server", "configuration management"):
        term.expect(prompt)
        term.press(ENTER)  # the answer given before going back is offered
    term.expect("Why did you decide")
    term.press(ENTER)
    term.expect("Write the record")
    term.press(ENTER)
    assert term.finish() == 0, term.text
    deployment = record_of(target).decisions["deployment"]
    artifact = bank.question("deployment.wsgi_server")
    assert artifact is not None
    assert deployment.answers["artifact"] == "rpm"
    assert deployment.answers["ci"] == "gitlab"
    assert deployment.answers["wsgi_server"] == artifact.choices[1].value
    assert deployment.answers["config_management"] == "ansible"


STRICT_ASCII = {"LC_ALL": "C", "LANG": "", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}


def test_strict_ascii_locale_never_loses_the_meeting(bank: Bank, tmp_path: Path) -> None:
    answers = answers_except(bank, tmp_path, {"project"})
    target = tmp_path / "svc"
    term = Terminal(
        "new",
        str(target),
        "--answers",
        str(answers),
        "--set",
        "deployment.config_management=?",  # the summary then lists an open question
        *DATE,
        env=STRICT_ASCII,
    )
    begin(term)
    go_through(term)
    term.expect("What is the service called")
    term.press(CTRL_U)
    term.child.send(b"D\xe9sk\r")  # Latin-1, not UTF-8: refused beside the prompt
    term.expect("not UTF-8")
    term.press(CTRL_U)
    term.child.send("Désk\r".encode())  # UTF-8 bytes under the C locale
    term.expect("Python package name")
    term.press(CTRL_U)
    term.type("desk" + ENTER)
    term.expect("One sentence")
    term.type("Café orders" + ENTER)
    term.expect("Write the record")
    term.press(ENTER)
    status = term.finish()
    assert "Traceback" not in term.text
    assert status == 0, term.text
    record = record_of(target)
    assert (record.project.name, record.project.description) == ("Désk", "Café orders")
    assert "Configuration management" in term.text[term.text.rindex("Left for later") :]


@pytest.mark.parametrize(
    ("failure", "status", "says"),
    [(RuntimeError("disk on fire"), 2, "disk on fire"), (KeyboardInterrupt(), 130, "interrupted")],
)
def test_a_crash_while_writing_keeps_a_draft(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    failure: BaseException,
    status: int,
    says: str,
) -> None:
    """Any failure after the first answer leaves a draft (here: the writer breaks, or Ctrl-C)."""
    from typer.testing import CliRunner

    from planner import kickoff, terminal
    from planner.cli import app
    from tests.conftest import ScriptedPrompter

    def broken(*args: object, **kwargs: object) -> None:
        raise failure

    monkeypatch.setattr(terminal, "is_interactive", lambda: True)
    monkeypatch.setattr(terminal, "make_prompter", lambda: ScriptedPrompter())
    monkeypatch.setattr(kickoff, "finish", broken)
    target = tmp_path / "svc"
    result = CliRunner().invoke(app, ["new", str(target)])
    assert result.exit_code == status
    assert says in result.stderr and f"planner new {target} --resume" in result.stderr
    assert "Traceback" not in result.stderr
    assert (target / "architecture" / ".decisions.draft.yaml").exists()


def test_back_is_one_key_in_every_prompt_type(bank: Bank, tmp_path: Path) -> None:
    """Esc in a confirm, a pre-filled list, a select, a checkbox and a number prompt."""
    answers = answers_except(bank, tmp_path, {"lifetimes", "layout", "testing"})
    target = tmp_path / "svc"
    term = Terminal("new", str(target), "--answers", str(answers), *DATE)
    begin(term)
    go_through(term)
    term.expect("How long does a database session live")  # lifetimes.database: select
    term.press(ENTER)
    term.expect(r"\(Space ticks")  # lifetimes.other_resources: checkbox
    term.press(" ")  # tick one: Back still works
    term.press(ESC)
    term.expect("How long does a database session live")  # back in the select
    term.press(ENTER)
    term.expect(r"\(Space ticks")
    term.press(" ", ENTER)  # tick the first one
    # the answer line names the choice, not "done (1 selection)"
    term.expect("Which other resources need a managed lifetime\\?  Outbound HTTP client")
    term.expect("Why did you decide")  # rationale: text
    term.press(ENTER)
    go_through(term)
    term.expect("How is the package organised")
    term.press(ENTER)
    term.expect("What may one feature import from another")
    term.press(ENTER)
    term.expect("How are views")
    term.press(ENTER)
    term.expect("Put the package under src")  # confirm: y answers at once
    term.press("y")
    term.expect("Name the first features")  # list, pre-filled with "accounts"
    term.press(ESC)
    term.expect("Put the package under src")
    term.press(ESC)  # back from a confirm
    term.expect("How are views")
    term.press(LEFT)  # Left goes back in a select too
    term.expect("What may one feature import from another")
    term.press(ENTER)
    term.expect("How are views")
    term.press(ENTER)
    term.expect("Put the package under src")
    term.press("n")
    term.expect("Name the first features")
    term.press(ENTER)
    term.expect("Why did you decide")
    term.press(ENTER)
    go_through(term)
    term.expect("Where do the tests for a module live")
    term.press(ENTER)
    term.expect("How are test files named")
    term.press(ENTER)
    term.expect("Minimum line coverage")  # number, pre-filled with 80
    term.press(ESC)
    term.expect("How are test files named")
    term.press(ENTER)
    term.expect("Minimum line coverage")
    term.press(ENTER)
    term.expect("Why did you decide")
    term.press(ENTER)
    term.expect("Write the record")
    term.choose("Change an answer")
    term.expect("Change which part")
    term.choose("Testing")
    term.expect("Which answer")
    term.press(ESC)  # back to the parts
    term.expect("Change which part")
    term.press(ESC)  # and back to the review
    term.expect("Write the record")
    term.choose("Change an answer")
    term.expect("Change which part")
    term.choose("Testing")
    term.expect("Which answer")
    term.choose("Coverage threshold")
    term.expect("Minimum line coverage")
    term.press(ESC)  # Back while changing an answer: to the review, the answer as it was
    term.expect("Review: every answer")
    term.expect("Write the record")
    term.press(ENTER)
    assert term.finish() == 0, term.text
    record = record_of(target)
    assert record.decisions["layout"].answers["src_layout"] is False
    assert record.decisions["layout"].answers["features"] == ["accounts"]
    assert record.decisions["lifetimes"].answers["other_resources"] == ["http_client"]
    assert record.decisions["testing"].answers["coverage"] == 80
    assert "Back to the previous question" not in term.text  # no fake answer left behind


def test_no_terminal_never_hangs(tmp_path: Path) -> None:
    import subprocess

    result = subprocess.run(
        [sys.executable, "-m", "planner", "new", str(tmp_path / "svc")],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert "--answers FILE, --set ID=VALUE, --defaults or --no-input" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["render", "revisit"])
def test_ctrl_c_at_any_moment_leaves_old_or_new(command: str, tmp_path: Path) -> None:
    """Interrupt at several moments of a real run: the project is either as before or as after."""
    import shutil
    import time

    source = tmp_path / "source"
    subprocess_run = __import__("subprocess").run
    subprocess_run(
        [sys.executable, "-m", "planner", "new", str(source), "--defaults", "--date", "2026-11-24"],
        check=True,
        capture_output=True,
    )
    record = source / "architecture" / "decisions.yaml"
    if command == "render":
        record.write_text(record.read_text().replace("format: text", "format: json"))
        args = ["render", "architecture/decisions.yaml"]
    else:
        args = [
            "revisit",
            "architecture/decisions.yaml",
            "--no-input",
            "--set",
            "logging.format=json",
            "--date",
            "2026-12-01",
        ]

    def snapshot(root: Path) -> dict[str, bytes]:
        return {
            str(p.relative_to(root)): p.read_bytes()
            for p in sorted(root.rglob("*"))
            if p.is_file() and ".planner/lock" not in str(p)
        }

    before = snapshot(source)
    reference = tmp_path / "reference"
    shutil.copytree(source, reference)
    started = time.perf_counter()
    subprocess_run(
        [sys.executable, "-m", "planner", *args], cwd=reference, check=True, capture_output=True
    )
    took = time.perf_counter() - started
    after = snapshot(reference)
    assert after != before
    outcomes = set()
    # Moments spread over the run as long as it takes on this machine, now: a fixed list
    # of delays would all fall after the write on a loaded machine. The signal goes to the
    # process, as the terminal sends it on Ctrl-C; written as ^C into a terminal that is
    # not yet the child's controlling one, it would be lost.
    for i, share in enumerate((0.0, 0.1, 0.25, 0.4, 0.55, 0.7, 0.85)):
        copy = tmp_path / f"run-{i}"
        shutil.copytree(source, copy)
        child = pexpect.spawn(
            sys.executable,
            ["-m", "planner", *args],
            cwd=str(copy),
            env={**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1"},
            timeout=60,
        )
        time.sleep(share * took)
        child.kill(signal.SIGINT)
        child.expect(pexpect.EOF)
        child.close()
        state = snapshot(copy)
        assert state in (before, after), (
            f"half-written project after Ctrl-C at {share:.0%} of the run"
        )
        outcomes.add("after" if state == after else "before")
        assert not [p for p in copy.rglob("*.tmp")] and not [p for p in copy.rglob("*.bak")]
    assert "before" in outcomes  # an early Ctrl-C leaves everything as it was


def test_a_defaults_only_meeting_costs_at_most_12_keys(tmp_path: Path) -> None:
    """Accepting the suggested answers is one key per section: the whole meeting fits in 12."""
    import subprocess

    target = tmp_path / "a" / "svc"
    term = Terminal("new", str(target), *DATE)
    keys = meeting_with_defaults(term, accept=True)
    assert term.finish() == 0, term.text
    assert keys <= 12, keys
    # the same record as --defaults writes for a folder of the same name
    reference = tmp_path / "b" / "svc"
    subprocess.run(
        [sys.executable, "-m", "planner", "new", str(reference), "--defaults", *DATE],
        check=True,
        capture_output=True,
    )
    assert (target / "architecture" / "decisions.yaml").read_text() == (
        reference / "architecture" / "decisions.yaml"
    ).read_text()


def _words(text: str) -> str:
    return " ".join(text.split())


def _edge_lines(term: Terminal) -> list[str]:
    """Lines that reach the last column: a wrapped-by-character or cut-off line."""
    return [line for line in term.lines() if len(line) >= term.cols]


@pytest.mark.parametrize("cols", [80, 50])
def test_every_screen_fits_the_terminal_without_breaking_words(
    bank: Bank, tmp_path: Path, cols: int
) -> None:
    """The whole meeting at COLSx24, read off a terminal emulator: each introduction, each
    "why" and each choice's description is on screen in full, and no line runs into the
    last column (where a word would be broken or cut)."""
    interview = Interview(bank, target_name="svc")
    order = []
    while (question := interview.pending()) is not None:
        order.append(question)
        interview.accept_default(question)
    term = Terminal("new", str(tmp_path / "svc"), *DATE, cols=cols, rows=24)
    begin(term)
    problems: list[str] = []

    def check(what: str, text: str) -> None:
        screen = term.screen_text()
        if _words(text) not in screen:
            problems.append(f"{what}: not shown whole:\n{term.show()}")
        if _edge_lines(term):
            problems.append(f"{what}: runs into the last column:\n{term.show()}")

    section = None
    for question in order:
        if question.section != section:
            section = question.section
            current = bank.section(section)
            assert current is not None
            term.expect("How do you want to answer this part")
            check(f"introduction of {section}", current.intro)
            term.press(ENTER)
        term.expect(r"question \d+ of \d+")
        term.settle()
        check(f"{question.id} why", f"why: {question.help}")
        if question.type == "select":
            moves = 0
            for _ in range(len(question.choices) + 1):  # every choice, wherever the pointer starts
                term.press(DOWN)
                moves += 1
                term.settle(0.15)
                pointed = next(line for line in term.lines() if line.startswith(" » "))
                choice = next((c for c in question.choices if pointed[3:].strip() == c.label), None)
                if choice is not None and choice.description:
                    check(f"{question.id}={choice.value}", f"Description: {choice.description}")
            term.press(*([UP] * moves))
        term.press(ENTER)
    # the review: every page shows its title (nothing scrolled away) and fits the width
    import re

    term.expect("Review: every answer")
    term.expect("Write the record")
    counted = re.search(r"page 1 of (\d+)", term.screen_text())
    pages = int(counted.group(1)) if counted else 1
    assert pages <= 4, term.show()
    for page in range(1, pages + 1):
        title = next((line for line in term.lines() if line.startswith("Review:")), None)
        assert title is not None, f"the review's top scrolled away:\n{term.show()}"
        assert pages == 1 or f"page {page} of {pages}" in term.screen_text(), term.show()
        assert not _edge_lines(term), term.show()
        if page < pages:
            term.choose("Show page")
            term.expect("Write the record")
    assert not problems, "\n\n".join(problems)
    term.choose("Yes, write it")
    assert term.finish() == 0


def test_revisit_offers_the_recorded_owner_and_date_and_marks_changes(tmp_path: Path) -> None:
    import subprocess

    target = tmp_path / "svc"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "planner",
            "new",
            str(target),
            "--defaults",
            *DATE,
            "--set",
            "deployment.config_management=?",
        ],
        check=True,
        capture_output=True,
    )
    record_file = target / "architecture" / "decisions.yaml"
    text = record_file.read_text()
    assert "config_management: {owner: '', revisit: ''}" in text
    record_file.write_text(
        text.replace(
            "config_management: {owner: '', revisit: ''}",
            "config_management: {owner: Lena, revisit: after the pilot}",
        )
    )
    args = ("revisit", str(record_file), "--only", "deployment", "--date", "2026-12-01")
    term = Terminal(*args)
    term.expect("Press any key to begin")
    start = term.screen_text()
    assert "1 heuristic, each" in start  # only what --only re-asks
    assert "Ctrl-C stops; nothing is written." in start and "draft" not in start
    term.press(ENTER)
    go_through(term)
    term.expect("What do you ship")
    term.press(DOWN, ENTER)  # docker -> rpm
    for prompt in ("continuous integration", "WSGI server"):
        term.expect(prompt)
        term.press(ENTER)
    term.expect("configuration management")
    term.press(ENTER)  # still open: the pointer is on "Decide later"
    term.expect("Who will bring this question back")
    term.settle()
    assert [line for line in term.lines() if line.strip()][-1].strip() == "Lena", term.show()
    term.press(ENTER)
    term.expect("When should it be decided")
    term.settle()
    shown = [line for line in term.lines() if line.strip()][-1].strip()
    assert shown == "after the pilot", term.show()
    term.press(ENTER)
    term.expect("Why did you decide")
    term.press(ENTER)
    term.expect("Write the record")
    review = term.screen_text()
    assert "* Artifact: RPM package (was Container image)" in review
    assert "1 changed" in review
    assert "keeps a draft" not in review  # revisit keeps none, so it promises none
    assert "Cancel (nothing is written)" in review
    term.press(ENTER)
    term.expect("Apply these changes")
    term.press("y")
    assert term.finish() == 0, term.text
    record = record_of(target)
    assert record.decisions["deployment"].answers["artifact"] == "rpm"
    item = record.decisions["deployment"].open["config_management"]
    assert (item.owner, item.revisit) == ("Lena", "after the pilot")


def test_after_a_meeting_a_short_summary_and_every_file_with_v(tmp_path: Path) -> None:
    target = tmp_path / "svc"
    term = Terminal("new", str(target), *DATE)
    meeting_with_defaults(term, accept=True)
    assert term.finish() == 0, term.text
    after = term.text[term.text.rindex("Write the record") :]
    lines = [line for line in after.splitlines() if line.strip()]
    assert len(lines) <= 16, after
    assert "docs/architecture.md" in after and "decisions.yaml" in after
    assert "created" not in after  # no line per file
    assert "pytest" in after and f"planner check {target}" in after
    written = sorted(
        str(p.relative_to(target))
        for p in target.rglob("*")
        if p.is_file() and ".planner" not in p.parts  # planner's own bookkeeping
    )

    target = tmp_path / "v" / "svc"
    term = Terminal("-v", "new", str(target), *DATE)
    meeting_with_defaults(term, accept=True)
    assert term.finish() == 0, term.text
    for path in written:
        assert path in term.text, path


def test_validation_message_sits_beside_the_prompt(tmp_path: Path) -> None:
    target = tmp_path / "svc"
    term = Terminal("new", str(target), *DATE, cols=80, rows=24)
    begin(term)
    go_through(term)
    term.expect("What is the service called")
    term.press(ENTER)
    term.expect("Python package name")
    term.press(CTRL_U)
    term.type("Bad Name" + ENTER)
    term.expect("lower-case letters")
    lines = term.lines()
    message = next(i for i, line in enumerate(lines) if "lower-case letters" in line)
    prompt = max(i for i, line in enumerate(lines) if "Python package name" in line)
    assert 0 < prompt - message <= 4, term.show()  # right above the prompt asked again
    assert lines[-1].strip() == "" or "lower-case" not in lines[-1]
    term.press(CTRL_U)
    term.type("<" + ENTER)  # not a package name, and not a way back either
    term.expect("lower-case letters")
    term.press(CTRL_U)
    term.type("desk" + ENTER)
    term.expect("One sentence")
    term.press(CTRL_C)
    assert term.finish() == 130


def test_a_project_name_is_never_the_back_key(tmp_path: Path) -> None:
    term = Terminal("new", str(tmp_path / "svc"), *DATE)
    begin(term)
    go_through(term)
    term.expect("What is the service called")
    term.press(CTRL_U)
    term.type("<" + ENTER)
    term.expect("press Esc to go back")
    term.press(CTRL_C)
    assert term.finish() == 130


def test_a_resized_terminal_rewraps_the_question_and_description(
    bank: Bank, tmp_path: Path
) -> None:
    answers = answers_except(bank, tmp_path, {"deployment"})
    term = Terminal("new", str(tmp_path / "svc"), "--answers", str(answers), *DATE, cols=100)
    begin(term)
    go_through(term)
    for prompt in ("What do you ship", "continuous integration", "WSGI server"):
        term.expect(prompt)
        term.press(ENTER)
    term.expect("Which configuration management tool")
    question = bank.question("deployment.config_management")
    assert question is not None
    pointed = question.choice("none")
    assert pointed is not None and pointed.description
    term.child.setwinsize(24, 50)
    term.screen.resize(24, 50)
    term.cols = 50
    term.press(DOWN, UP)  # any key: the prompt is drawn again at the new width
    term.settle()
    # pyte does not reflow what was drawn before the resize; read what was drawn after it:
    # the question and the description, wrapped again at word boundaries to 50 columns
    lines = term.lines()
    first = "? Which configuration management tool prepares the"
    assert first in lines, term.show()
    after = lines[lines.index(first) + 1 :]
    assert any(line.startswith("  the servers? (Esc: back)") for line in after), term.show()
    start = max(i for i, line in enumerate(lines) if line.startswith("  Description:"))
    description = lines[start:]
    assert all(len(line) < 50 for line in description), term.show()
    expected = f"Description: {' '.join(pointed.description.split())}"
    assert " ".join(" ".join(description).split()) == expected, term.show()
    term.press(CTRL_C)
    assert term.finish() == 130


def test_stopping_a_revisit_is_not_an_error(tmp_path: Path) -> None:
    import subprocess

    target = tmp_path / "svc"
    subprocess.run(
        [sys.executable, "-m", "planner", "new", str(target), "--defaults", *DATE],
        check=True,
        capture_output=True,
    )
    record_file = target / "architecture" / "decisions.yaml"
    before = record_file.read_bytes()
    term = Terminal("revisit", str(record_file), "--only", "logging")
    begin(term)
    go_through(term)
    term.expect("Give every module its own logger")
    term.press(CTRL_C)
    assert term.finish() == 130
    tail = term.text[term.text.rindex("Give every module") :]
    assert "nothing was written" in tail and "error" not in tail.lower()
    assert record_file.read_bytes() == before


def test_a_new_meeting_points_at_the_draft_of_an_earlier_one(bank: Bank, tmp_path: Path) -> None:
    target = tmp_path / "svc"
    term = Terminal("new", str(target), *DATE)
    begin(term)
    go_through(term)
    term.expect("What is the service called")
    term.press(CTRL_U)
    term.type("Kept Name" + ENTER)
    term.expect("Python package name")
    term.press(CTRL_C)
    assert term.finish() == 130
    draft = target / "architecture" / ".decisions.draft.yaml"
    kept = draft.read_text()
    assert "Kept Name" in kept

    term = Terminal("new", str(target), *DATE)  # forgot --resume
    term.expect("Press any key to begin")
    assert f"planner new {target} --resume --date 2026-11-24" in term.text
    term.press(CTRL_C)  # stopping before any answer leaves the earlier draft alone
    assert term.finish() == 130
    assert draft.read_text() == kept


def test_a_legacy_practice_is_flagged_beside_its_description(bank: Bank, tmp_path: Path) -> None:
    """Choices the heuristics argue against are offered, and the wizard says so."""
    answers = answers_except(bank, tmp_path, {"initialization"})
    answers.write_text(
        answers.read_text()
        + "".join(
            f"{qid}: {value}\n"
            for qid, value in {
                "initialization.entry_point": "factory",
                "initialization.wiring": "extensions",
                "initialization.config_source": "env",
            }.items()
        )
    )
    term = Terminal("new", str(tmp_path / "svc"), "--answers", str(answers), *DATE)
    begin(term)
    go_through(term)
    term.expect("When is configuration read")
    # the select is drawn; "When the app is created" carries no flag
    term.expect("Description: The factory reads settings; importing a module reads nothing.")
    assert "legacy" not in term.screen_text()
    term.press(DOWN)  # onto "At import time"
    term.expect(r"\(legacy: keep for now\)")

"""The real ``planner new`` in a pseudo-terminal: keystrokes in, files out."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect
import pytest
import yaml

from planner.questions.engine import Interview, fill_defaults
from planner.questions.model import Bank
from planner.record.io import load_record

pytestmark = pytest.mark.terminal

DOWN = "\x1b[B"
ENTER = "\r"


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


def spawn(*args: str) -> pexpect.spawn:
    env = {**os.environ, "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "planner", *args],
        env=env,
        encoding="utf-8",
        dimensions=(40, 120),
        timeout=20,
    )
    return child


def test_full_meeting_with_arrows_typing_and_review(bank: Bank, tmp_path: Path) -> None:
    answers = answers_except(bank, tmp_path, {"project", "meeting", "deployment"})
    target = tmp_path / "svc"
    child = spawn("new", str(target), "--answers", str(answers), "--date", "2026-11-24")
    child.expect("What is the service called")
    child.send("\x15" + "Order Desk" + ENTER)  # Ctrl-U clears the suggested name
    child.expect("Python package name")
    child.send(ENTER)
    child.expect("One sentence")
    child.send("Takes orders." + ENTER)
    child.expect("Who is taking part")
    child.send("Ana, Bo" + ENTER)
    child.expect("What do you ship")
    child.send(DOWN + ENTER)  # docker -> rpm
    child.expect("continuous integration")
    child.send(DOWN + ENTER)  # github -> gitlab
    child.expect("WSGI server")
    child.send(ENTER)
    child.expect("configuration management")
    child.send(DOWN * 4 + ENTER)  # none, ansible, salt, puppet, decide later
    child.expect("Who will bring this question back")
    child.send("Lena" + ENTER)
    child.expect("When should it be decided")
    child.send("after the pilot" + ENTER)
    child.expect("Why did you decide")
    child.send("We ship RPMs to a managed fleet." + ENTER)
    child.expect("Write the record")
    child.send(ENTER)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    record = load_record(target / "architecture" / "decisions.yaml").record
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
    target = tmp_path / "svc"
    child = spawn("new", str(target), "--answers", str(answers))
    child.expect("What is the service called")
    child.send(ENTER)
    child.expect("Python package name")
    child.send(ENTER)
    child.expect("One sentence")
    child.send("First try" + ENTER)
    child.expect("What do you ship")
    child.send(DOWN + ENTER)
    child.expect("continuous integration")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "--resume" in (child.before or "")
    draft = target / "architecture" / ".decisions.draft.yaml"
    assert draft.exists()
    assert not (target / "architecture" / "decisions.yaml").exists()

    child = spawn("new", str(target), "--answers", str(answers), "--resume")
    child.expect("continuous integration")
    child.send(ENTER)
    child.expect("WSGI server")
    child.send(ENTER)
    child.expect("configuration management")
    child.send(ENTER)
    child.expect("Why did you decide")
    child.send(ENTER)
    child.expect("Write the record")
    child.send(ENTER)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    record = load_record(target / "architecture" / "decisions.yaml").record
    assert record.project.description == "First try"
    assert record.decisions["deployment"].answers["artifact"] == "rpm"
    assert not draft.exists()


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
    subprocess_run(
        [sys.executable, "-m", "planner", *args], cwd=reference, check=True, capture_output=True
    )
    after = snapshot(reference)
    assert after != before
    outcomes = set()
    for i, delay in enumerate((0.05, 0.1, 0.15, 0.2, 0.3, 0.45)):
        copy = tmp_path / f"run-{i}"
        shutil.copytree(source, copy)
        child = pexpect.spawn(
            sys.executable,
            ["-m", "planner", *args],
            cwd=str(copy),
            env={**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1"},
            timeout=30,
        )
        time.sleep(delay)
        child.sendintr()
        child.expect(pexpect.EOF)
        child.close()
        state = snapshot(copy)
        assert state in (before, after), f"half-written project after Ctrl-C at {delay}s"
        outcomes.add("after" if state == after else "before")
        assert not [p for p in copy.rglob("*.tmp")] and not [p for p in copy.rglob("*.bak")]
    assert "before" in outcomes  # an early Ctrl-C leaves everything as it was

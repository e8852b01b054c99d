"""Shared fixtures: the bank, scripted prompters, a CLI runner, record files."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from planner.cli import app
from planner.questions.engine import Interview, fill_defaults
from planner.questions.loader import load_bank
from planner.questions.model import Bank, Question, Value
from planner.record.build import build_record
from planner.record.io import dump_record
from planner.record.model import Record
from planner.wizard import ReviewChoice, ReviewRow

DATE = dt.date(2026, 11, 24)


@pytest.fixture(scope="session")
def bank() -> Bank:
    return load_bank()


@pytest.fixture
def default_record(bank: Bank) -> Record:
    interview = Interview(bank, target_name="demo-service")
    assert fill_defaults(interview) == []
    return build_record(bank, interview.resolved(), date=DATE)


@pytest.fixture
def record_file(tmp_path: Path, bank: Bank, default_record: Record) -> Path:
    path = tmp_path / "architecture" / "decisions.yaml"
    path.parent.mkdir()
    path.write_text(dump_record(default_record, bank), encoding="utf-8")
    return path


@pytest.fixture
def write_yaml(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write dedented YAML text to a file under tmp_path and return its path."""

    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write


class ScriptedPrompter:
    """A prompter that replays a script: question id -> reply (or a callable)."""

    def __init__(
        self,
        replies: dict[str, Any] | None = None,
        reviews: list[ReviewChoice] | None = None,
        intros: dict[str, Any] | None = None,
    ) -> None:
        self.replies = {
            k: list(v) if isinstance(v, tuple) else [v] for k, v in (replies or {}).items()
        }
        self.reviews = list(reviews or [ReviewChoice("write")])
        self.asked: list[str] = []
        self.defaults: dict[str, Value] = {}
        self.sections: list[str] = []
        self.notices: list[str] = []
        self.review_rows: list[list[ReviewRow]] = []
        self.confirmations: list[str] = []
        self.confirm_reply = True
        self.intros = dict(intros or {})
        self.suggested: dict[str, list[ReviewRow]] = {}
        self.progress: list[str] = []
        self.cancel_labels: list[str] = []
        self.started = 0
        self.start_sections: list[str] = []
        self.keeps_draft = True

    def start(self, sections: Any, *, resumed: bool, keeps_draft: bool) -> None:
        self.started += 1
        self.start_sections = [s.id for s in sections]
        self.keeps_draft = keeps_draft

    def section(self, progress: Any, suggested: list[ReviewRow], *, can_back: bool) -> Any:
        """Go question by question unless ``intros`` says otherwise for this section."""
        self.sections.append(progress.section.id)
        self.progress.append(str(progress))
        self.suggested[progress.section.id] = suggested
        reply = self.intros.get(progress.section.id, "ask")
        if isinstance(reply, tuple):
            reply, rest = reply[0], reply[1:]
            self.intros[progress.section.id] = rest[0] if len(rest) == 1 else rest
        return reply

    def ask(
        self,
        question: Question,
        default: Value,
        *,
        can_back: bool,
        check: Any,
        progress: Any = None,
    ) -> Value:
        if progress is not None:
            self.progress.append(str(progress))
        self.asked.append(question.id)
        self.defaults[question.id] = default
        queue = self.replies.get(question.id)
        if queue:
            reply = queue.pop(0) if len(queue) > 1 else queue[0]
            if isinstance(reply, BaseException):
                raise reply
            return reply
        return default

    def review(self, rows: list[ReviewRow], *, cancel: str) -> ReviewChoice:
        self.review_rows.append(rows)
        self.cancel_labels.append(cancel)
        return self.reviews.pop(0) if len(self.reviews) > 1 else self.reviews[0]

    def notice(self, text: str) -> None:
        self.notices.append(text)

    def confirm(self, message: str) -> bool:
        self.confirmations.append(message)
        return self.confirm_reply


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def invoke(runner: CliRunner) -> Callable[..., Any]:
    """Run the CLI in-process; returns the click Result (stdout and stderr apart)."""

    def run(*args: str, input: str | None = None) -> Any:
        return runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)

    return run


@pytest.fixture
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr("planner.terminal.is_interactive", lambda: False)
    yield


@pytest.fixture
def project(tmp_path: Path, invoke: Callable[..., Any], no_terminal: None) -> Path:
    """``planner new --defaults`` at ``tmp_path/svc``, dated, with two participants."""
    target = tmp_path / "svc"
    result = invoke(
        "new", target, "--defaults", "--date", "2026-11-24", "--set", "meeting.participants=Ana, Bo"
    )
    assert result.exit_code == 0, result.output
    return target


@pytest.fixture
def scripted_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> Callable[[ScriptedPrompter], ScriptedPrompter]:
    """Pretend a terminal is attached and answer through a ScriptedPrompter."""

    def install(prompter: ScriptedPrompter) -> ScriptedPrompter:
        monkeypatch.setattr("planner.terminal.is_interactive", lambda: True)
        monkeypatch.setattr("planner.terminal.make_prompter", lambda: prompter)
        return prompter

    return install

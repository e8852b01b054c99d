"""The README's promises point at tests that exist, and its commands are real commands."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from planner.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_promise_names_an_existing_test() -> None:
    references = re.findall(r"`([\w/]+\.py)::(test_\w+)`", README)
    assert len(references) >= 10
    for module, name in references:
        source = (ROOT / "tests" / module).read_text(encoding="utf-8")
        assert f"def {name}(" in source, f"README names {module}::{name}, which does not exist"


def test_every_planner_command_in_the_readme_exists() -> None:
    inside, code = False, []
    for line in README.splitlines():
        if line.startswith("```"):
            inside = not inside
        elif inside:
            code.append(line)
    commands = set(re.findall(r"^planner (\w+)", "\n".join(code), flags=re.MULTILINE))
    assert {"new", "render", "revisit", "check", "diff"} <= commands
    runner = CliRunner()
    for command in sorted(commands):
        assert runner.invoke(app, [command, "--help"]).exit_code == 0, command


def test_quickstart_commands() -> None:
    assert "pip install . && planner new --example demo" in README
    assert "pip install -e '.[test]' && pytest" in README
    assert "pip install -e '.[test]' && pytest" in (ROOT / ".ci" / "run").read_text()

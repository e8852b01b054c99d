from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

Invoke = Callable[..., Any]


def test_validate_ok(invoke: Invoke, record_file: Path) -> None:
    result = invoke("validate", record_file)
    assert result.exit_code == 0
    assert "valid (7 heuristics: 7 accepted)" in result.stdout


def test_validate_reports_problems_without_traceback(invoke: Invoke, record_file: Path) -> None:
    record_file.write_text(record_file.read_text().replace("format: text", "format: txt"))
    result = invoke("validate", record_file)
    assert result.exit_code == 2
    assert (
        "decisions.logging.answers.format: 'txt' is not a choice (did you mean 'text'?)"
        in result.stderr
    )
    assert "Traceback" not in result.output


def test_schema_prints_json(invoke: Invoke) -> None:
    result = invoke("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "planner decision record"


def test_schema_to_file(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    assert invoke("schema", "--output", out).exit_code == 0
    assert json.loads(out.read_text())["$defs"]


def test_python_m_planner_and_lazy_imports() -> None:
    code = (
        "import sys; from planner.cli import app\n"
        "try:\n    app(['--help'], prog_name='planner')\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('questionary', 'jinja2', 'prompt_toolkit', 'yaml', 'rich') if m in sys.modules]\n"
        "print('HEAVY', heavy)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "HEAVY []" in out
    help_out = subprocess.run(
        [sys.executable, "-m", "planner", "--help"], capture_output=True, text=True, check=True
    )
    assert "new" in help_out.stdout and "validate" in help_out.stdout


def test_version(invoke: Invoke) -> None:
    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout.startswith("planner ")

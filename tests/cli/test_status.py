"""``planner status``: what needs a person, judged on projects a team changed by hand."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.render.tools import require, run
from tests.snapshots import snapshot

Invoke = Callable[..., Any]
RECORD = "architecture/decisions.yaml"


@pytest.fixture
def project(tmp_path: Path, invoke: Invoke, no_terminal: None) -> Path:
    target = tmp_path / "svc"
    result = invoke("new", target, "--defaults", "--date", "2026-11-24", "--set", "deployment.ci=?")
    assert result.exit_code == 0, result.output
    record = target / RECORD
    text = record.read_text()
    assert "ci: {owner: '', revisit: ''}" in text
    # The meeting named who brings the question back and when (as the wizard records it).
    record.write_text(
        text.replace("ci: {owner: '', revisit: ''}", "ci: {owner: Ana, revisit: '2026-12-01'}")
    )
    assert invoke("render", record).exit_code == 0
    return target


def status(invoke: Invoke, root: Path, *args: str) -> Any:
    return invoke("status", root, *args)


def test_a_clean_project_before_the_due_date(invoke: Invoke, project: Path) -> None:
    result = status(invoke, project, "--today", "2026-11-30")
    assert result.exit_code == 0, result.output
    assert "  open     deployment.ci: owner Ana, revisit 2026-12-01" in result.stdout
    assert "Generated files:" not in result.stdout and "ADRs:" not in result.stdout
    data = json.loads(status(invoke, project, "--today", "2026-11-30", "--json").stdout)
    assert data["check"] == {}  # a generated project checks clean


def test_an_overdue_deferred_decision_fails(invoke: Invoke, project: Path) -> None:
    result = status(invoke, project, "--today", "2026-12-02")
    assert result.exit_code == 1
    assert "  OVERDUE  deployment.ci: owner Ana, revisit 2026-12-01" in result.stdout
    data = json.loads(status(invoke, project, "--today", "2026-12-02", "--json").stdout)
    assert data["overdue"] == 1
    assert data["open"] == [
        {
            "question": "deployment.ci",
            "owner": "Ana",
            "revisit": "2026-12-01",
            "due": "2026-12-01",
            "overdue": True,
        }
    ]


def test_an_edited_generated_file_is_reported_and_nothing_is_written(
    invoke: Invoke, project: Path
) -> None:
    app = project / "src/svc/app.py"
    app.write_text(app.read_text() + "\n\ndef shout():\n    print('hi')\n")
    before = snapshot(project)
    result = status(invoke, project, "--today", "2026-11-30")
    assert "  src/svc/app.py: edited by hand" in result.stdout
    # The print() breaks the logging decision: planner check's count shows it.
    assert "Code against the decisions (planner check): LOG002 1" in result.stdout
    assert snapshot(project) == before


def test_files_behind_a_hand_edited_record(invoke: Invoke, project: Path) -> None:
    record = project / RECORD
    text = record.read_text()
    assert "format: text" in text
    record.write_text(text.replace("format: text", "format: json", 1))
    result = status(invoke, project, "--today", "2026-11-30", "--json")
    files = {f["path"]: f["state"] for f in json.loads(result.stdout)["files"]}
    assert files["src/svc/logging_setup.py"] == "behind the record"
    assert files["docs/architecture.md"] == "behind the record"
    assert all(state == "behind the record" for state in files.values()), files


def test_disagreeing_adr_headers(invoke: Invoke, project: Path) -> None:
    path = project / "docs/adr/0005-code-layout-by-feature.md"
    path.write_text(path.read_text().replace("* Status: accepted", "* Status: deprecated", 1))
    result = status(invoke, project, "--today", "2026-11-30")
    assert (
        "  docs/adr/0005-code-layout-by-feature.md: status headers disagree: the ## Status "
        "section says 'accepted'; the * Status: line says 'deprecated'; the ## Status section wins"
    ) in result.stdout


def test_a_decision_superseded_with_adr_tools(invoke: Invoke, project: Path) -> None:
    adr = require("adr", "apt-get install adr-tools; .ci/run installs it")
    run(project, adr, "new", "-s", "7", "Use", "JSON", "logs")
    result = status(invoke, project, "--today", "2026-11-30")
    assert (
        "  docs/adr/0007-logging-plain-text.md: superseded outside planner (Superseded by "
        "[Use JSON logs](0009-use-json-logs.md)), but the record still holds decision "
        "'logging' as accepted: run `planner revisit --only logging` to record what replaced it"
    ) in result.stdout

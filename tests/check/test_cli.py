"""``planner check`` on the command line: formats, exit codes and configuration."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

Invoke = Callable[..., Any]
PKG = "src/matrix_app"


def break_it(root: Path) -> None:
    (root / PKG / "geo.py").write_text("print('x')\n")


def test_clean_project_exits_zero(invoke: Invoke, project: Callable[..., Path]) -> None:
    root = project()
    result = invoke("check", root)
    assert result.exit_code == 0
    assert "all clear" in result.stdout


def test_findings_exit_one_in_linter_format(invoke: Invoke, project: Callable[..., Path]) -> None:
    root = project()
    break_it(root)
    result = invoke("check", root)
    assert result.exit_code == 1
    assert f"{PKG}/geo.py:1:1 LOG001 no module-level logger" in result.stdout
    assert f"{PKG}/geo.py:1:1 LOG002 print() in application code" in result.stdout
    assert "3 findings" in result.stdout  # and TST001: no test for geo.py


def test_json_and_sarif(invoke: Invoke, project: Callable[..., Path]) -> None:
    root = project()
    break_it(root)
    data = json.loads(invoke("check", root, "--json").stdout)
    first = data["findings"][0]
    assert first["rule"] == "LOG001" and first["heuristic"] == "logging"
    assert first["adr"] == "docs/adr/0007-logging-plain-text.md"
    sarif = json.loads(invoke("check", root, "--format", "sarif").stdout)
    run = sarif["runs"][0]
    assert sarif["version"] == "2.1.0" and run["tool"]["driver"]["name"] == "planner"
    assert {r["ruleId"] for r in run["results"]} == {"LOG001", "LOG002", "TST001"}
    assert run["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 1


def test_select_ignore_and_record_configuration(
    invoke: Invoke, project: Callable[..., Path]
) -> None:
    root = project()
    break_it(root)
    assert invoke("check", root, "--select", "LOG002").stdout.count("LOG002 print") == 1
    assert invoke("check", root, "--ignore", "LOG001,LOG002,TST001").exit_code == 0
    record = root / "architecture" / "decisions.yaml"
    record.write_text(record.read_text() + "check:\n  ignore: [LOG002]\n  exclude: ['*/geo.py']\n")
    assert invoke("check", root).exit_code == 0


def test_usage_errors_exit_two(
    invoke: Invoke, project: Callable[..., Path], tmp_path: Path
) -> None:
    root = project()
    assert invoke("check", root, "--select", "NOPE1").exit_code == 2
    assert invoke("check", root, "--format", "xml").exit_code == 2
    (tmp_path / "empty").mkdir()
    result = invoke("check", tmp_path / "empty")
    assert result.exit_code == 2 and "no decision record" in result.stderr
    result = invoke("check", tmp_path / "nonexistent")
    assert result.exit_code == 2 and "no such folder" in result.stderr


def test_without_a_record(invoke: Invoke, tmp_path: Path) -> None:
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "__init__.py").write_text(
        "import logging\n\nlogger = logging.getLogger(__name__)\n"
    )
    (tmp_path / "shop" / "api.py").write_text("print('hello')\n")
    result = invoke(
        "check",
        tmp_path,
        "--package",
        "shop",
        "--rules",
        "testing.layout=mirror",
        "--select",
        "LOG002,TST001",
    )
    assert result.exit_code == 1
    assert (
        "shop/api.py:1:1 LOG002" in result.stdout
        and "shop/api.py:1:1 TST001 no test at tests/test_api.py" in result.stdout
    )


def test_per_rule_excludes_in_the_record(invoke: Invoke, project: Callable[..., Path]) -> None:
    from planner.record.io import dump_record, load_record

    root = project()
    (root / PKG / "scripts").mkdir()
    (root / PKG / "scripts" / "seed.py").write_text(
        "import logging\n\nlogger = logging.getLogger(__name__)\nprint('seeding')\n"
    )
    record = root / "architecture" / "decisions.yaml"
    record.write_text(
        record.read_text()
        + "check:\n  rules:\n    LOG002: {exclude: ['*/scripts/*']}\n    TST001: {exclude: ['*/scripts/*']}\n"
    )
    assert invoke("check", root).exit_code == 0
    loaded = load_record(record)
    assert loaded.record.check == {
        "rules": {"LOG002": {"exclude": ["*/scripts/*"]}, "TST001": {"exclude": ["*/scripts/*"]}}
    }
    record.write_text(dump_record(loaded.record, loaded.bank))
    assert load_record(record).record.check == loaded.record.check
    assert invoke("check", root).exit_code == 0

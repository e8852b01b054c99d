"""Adopting check on a codebase with history: baseline, fingerprints, counts, JSON and SARIF."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

Invoke = Callable[..., Any]
LOGGER = "import logging\n\nlogger = logging.getLogger(__name__)\n"
REPO = Path(__file__).resolve().parents[2]


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def legacy(root: Path) -> Path:
    write(root, "app/__init__.py", LOGGER)
    write(root, "app/a.py", LOGGER + "print('one')\nprint('two')\n")
    write(root, "app/b.py", LOGGER + "print('three')\n")
    return root


ARGS = ("--package", "app", "--rules", "logging.format=json", "--select", "LOG002")


def test_baseline_accepts_known_findings_fails_new_ones_and_only_shrinks(
    invoke: Invoke, tmp_path: Path
) -> None:
    root = legacy(tmp_path)
    baseline = root / "planner-baseline.json"
    result = invoke("check", root, *ARGS, "--baseline", baseline, "--update-baseline")
    assert result.exit_code == 0
    assert len(json.loads(baseline.read_text())["findings"]) == 3
    result = invoke("check", root, *ARGS, "--baseline", baseline)
    assert result.exit_code == 0 and "baseline: 3 known findings accepted, 0 fixed" in result.stdout
    # not "all clear": three findings remain, accepted for now
    assert "all clear" not in result.stdout and "no new findings in" in result.stdout
    # lines move: still the same findings (no line number in a fingerprint)
    write(root, "app/a.py", '"""Docs."""\n\n' + LOGGER + "print('one')\nprint('two')\n")
    assert invoke("check", root, *ARGS, "--baseline", baseline).exit_code == 0
    # a new print fails, and only it is reported
    write(root, "app/c.py", LOGGER + "print('new')\n")
    result = invoke("check", root, *ARGS, "--baseline", baseline)
    assert result.exit_code == 1
    assert [line.split()[0] for line in result.stdout.splitlines() if "LOG002 print" in line] == [
        "app/c.py:4:1"
    ]
    (root / "app" / "c.py").unlink()
    # fixing one shrinks the baseline; bringing it back then fails
    write(root, "app/b.py", LOGGER)
    result = invoke("check", root, *ARGS, "--baseline", baseline)
    assert result.exit_code == 0 and "1 fixed since" in result.stdout
    assert len(json.loads(baseline.read_text())["findings"]) == 2
    write(root, "app/b.py", LOGGER + "print('three')\n")
    assert invoke("check", root, *ARGS, "--baseline", baseline).exit_code == 1


def test_a_bad_baseline_is_a_clear_error(invoke: Invoke, tmp_path: Path) -> None:
    root = legacy(tmp_path)
    for text in ("{nope", '{"format": 1}', "[]"):
        write(root, "b.json", text)
        result = invoke("check", root, *ARGS, "--baseline", root / "b.json")
        assert (
            result.exit_code == 2 and "b.json" in result.stderr and "Traceback" not in result.output
        )
    result = invoke("check", root, *ARGS, "--baseline", root / "missing.json")
    assert result.exit_code == 2 and "no such baseline" in result.stderr
    outside = tmp_path.parent / f"{tmp_path.name}-outside.json"
    result = invoke("check", root, *ARGS, "--baseline", outside, "--update-baseline")
    assert result.exit_code == 2 and "inside the project" in result.stderr
    assert not outside.exists()


def test_json_has_version_rules_counts_and_fingerprints(invoke: Invoke, tmp_path: Path) -> None:
    from planner import __version__

    root = legacy(tmp_path)
    data = json.loads(
        invoke("check", root, "--package", "app", "--rules", "logging.format=json", "--json").stdout
    )
    assert data["tool"] == {"name": "planner", "version": __version__}
    assert "LOG002" in data["rules"] and data["counts"]["LOG002"] == 3
    prints = [f for f in data["findings"] if f["rule"] == "LOG002"]
    assert len({f["fingerprint"] for f in prints}) == 3


def test_sarif_is_valid_for_code_scanning(invoke: Invoke, tmp_path: Path) -> None:
    from tests.skeleton.conftest import generate

    root = tmp_path / "project"
    generate(root, {"deployment.artifact": "rpm"})
    for unit in (root / "packaging").glob("*.service"):
        unit.unlink()
    write(root, "src/matrix_app/geo.py", "print('x')\n")
    sarif = json.loads(invoke("check", root, "--format", "sarif").stdout)
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert "PAR001" in ids
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        if "helpUri" in rule:
            assert urlparse(rule["helpUri"]).scheme in ("http", "https")
    for result in run["results"]:
        assert result["ruleId"] in ids and ids[result["ruleIndex"]] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location["uriBaseId"] == "%SRCROOT%"
        assert (root / location["uri"]).is_file(), location  # never a folder
        assert result["partialFingerprints"]["plannerFingerprint/v1"]
    dep = next(r for r in run["results"] if r["ruleId"] == "DEP004")
    assert "decided: deployment.artifact = rpm" in dep["message"]["text"]
    assert "see docs/adr/0002-deployment-rpm-package.md" in dep["message"]["text"]


def test_pre_commit_hook_definition() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    [hook] = [h for h in hooks if h["id"] == "planner-check"]
    assert hook["entry"].split()[:2] == ["planner", "check"]
    assert hook["language"] == "python" and hook["pass_filenames"] is False

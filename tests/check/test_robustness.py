"""Hostile files: every one gives a finding or a clear error, never a traceback or a hang."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.check.runner import run_check

Invoke = Callable[..., Any]
LOGGER = "import logging\n\nlogger = logging.getLogger(__name__)\n"
DEPLOY = {"deployment.artifact": "docker", "deployment.ci": "github"}


def write(root: Path, relative: str, text: str | bytes) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text)
    return path


def project(root: Path) -> Path:
    write(root, "app/__init__.py", LOGGER)
    write(root, "pyproject.toml", '[build-system]\nbuild-backend = "hatchling.build"\n')
    write(root, "Dockerfile", "FROM python:3.12\nUSER app\n")
    write(root, ".github/workflows/ci.yml", "jobs: {test: {runs-on: ubuntu-latest}}\n")
    return root


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real command in its own process, so a hang fails the test instead of blocking it."""
    return subprocess.run(
        [sys.executable, "-m", "planner", "check", str(root), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_named_pipe_called_x_py_is_skipped_not_read(tmp_path: Path) -> None:
    root = project(tmp_path)
    os.mkfifo(root / "app" / "x.py")
    os.mkfifo(root / "Dockerfile.tmp")
    (root / "pyproject.toml").unlink()
    os.mkfifo(root / "pyproject.toml")
    result = run_cli(root, "--package", "app", "--rules", "deployment.artifact=wheel")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "pyproject.toml:1:1 DEP001 pyproject.toml cannot be read: it is not a regular file" in (
        result.stdout
    )
    assert "x.py" not in result.stdout  # never opened: not a regular file


def test_a_symlink_to_dev_zero_is_not_read(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "Dockerfile").unlink()
    (root / "Dockerfile").symlink_to("/dev/zero")
    (root / "app" / "zero.py").symlink_to("/dev/zero")
    result = run_cli(root, "--package", "app", "--rules", "deployment.artifact=docker")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "Dockerfile:1:1 DEP002 the Dockerfile cannot be read: it leads outside the project" in (
        result.stdout
    )


def test_non_utf8_dockerfile_and_pipeline_are_findings(tmp_path: Path) -> None:
    root = project(tmp_path)
    write(root, "Dockerfile", b"FROM python\nUSER \xff\xfe\n")
    write(root, ".github/workflows/ci.yml", b"jobs: \xe9\n")
    report = run_check(root, "app", DEPLOY, select=["DEP002", "DEP003"])
    assert [(f.rule, f.path, f.message) for f in report.findings] == [
        (
            "DEP003",
            ".github/workflows/ci.yml",
            "the pipeline cannot be read: it is not UTF-8 (byte 7, line 1)",
        ),
        (
            "DEP002",
            "Dockerfile",
            "the Dockerfile cannot be read: it is not UTF-8 (byte 18, line 2)",
        ),
    ]


def test_deep_toml_and_yaml_and_a_build_system_that_is_a_number(tmp_path: Path) -> None:
    root = project(tmp_path)
    write(root, ".github/workflows/ci.yml", "[" * 100_000 + "]" * 100_000 + "\n")
    write(root, "pyproject.toml", "x = " + "[" * 100_000 + "]" * 100_000 + "\n")
    report = run_check(root, "app", DEPLOY, select=["DEP001", "DEP003"])
    rules = sorted((f.rule, f.path) for f in report.findings)
    assert rules == [("DEP001", "pyproject.toml"), ("DEP003", ".github/workflows/ci.yml")]
    write(root, "pyproject.toml", "build-system = 1\n")
    [finding] = run_check(root, "app", DEPLOY, select=["DEP001"]).findings
    assert finding.message == "[build-system] is not a table"


@pytest.mark.parametrize(
    "source",
    [
        "x = " + "1 + " * 50_000 + "1\n",  # a deep tree for a recursive walk
        "x = " + "-" * 50_000 + "1\n",
        "x = " + "(" * 300 + ")" * 300 + "\n",  # the parser's own nesting limit
    ],
    ids=["long-sum", "unary-chain", "parentheses"],
)
def test_deeply_nested_expressions_are_findings(tmp_path: Path, source: str) -> None:
    root = project(tmp_path)
    write(root, "app/deep.py", LOGGER + source)
    report = run_check(root, "app", {}, select=["PAR001", "LOG001"])
    assert [(f.rule, f.path) for f in report.findings] == [("PAR001", "app/deep.py")]


def test_the_cli_reports_deep_nesting_without_a_traceback(tmp_path: Path) -> None:
    root = project(tmp_path)
    write(root, "app/deep.py", "x = " + "1 + " * 50_000 + "1\n")
    result = run_cli(root, "--package", "app", "--rules", "logging.format=json")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "app/deep.py:1:1 PAR001" in result.stdout


def test_a_symlinked_package_folder_loop_does_not_hang(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "app" / "loop").symlink_to(root / "app")
    report = run_check(root, "app", {}, select=["LOG001"])
    assert report.files == 1

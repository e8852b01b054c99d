"""A generated project to break on purpose, and a way to check it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.check.runner import Report, run_check
from planner.record.io import load_record
from tests.skeleton.conftest import generate


@pytest.fixture
def project(tmp_path: Path) -> Callable[..., Path]:
    def make(**answers: Any) -> Path:
        root = tmp_path / "project"
        generate(root, {k.replace("__", "."): v for k, v in answers.items()})
        return root

    return make


def check(root: Path, **kwargs: Any) -> Report:
    loaded = load_record(root / "architecture" / "decisions.yaml")
    return run_check(root, loaded.record.project.package, loaded.record.flat_answers(), **kwargs)


def rules_of(report: Report) -> list[tuple[str, str, int]]:
    return [(f.rule, f.path, f.line) for f in report.findings]

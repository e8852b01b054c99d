"""A PostgreSQL project's tests, run without their database, say so once and stop."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.skeleton.conftest import generate


@pytest.mark.parametrize(
    "answers",
    [
        {"initialization.database": "postgresql"},
        {
            "initialization.database": "postgresql",
            "layout.style": "ports_and_adapters",
            "infrastructure.isolation": "ports_and_adapters",
            "infrastructure.framework": "falcon",
            "testing.layout": "by_kind",
        },
    ],
    ids=["flask", "falcon"],
)
def test_one_clear_message_without_the_database(answers: dict[str, Any], tmp_path: Path) -> None:
    root = tmp_path / "project"
    spec = generate(root, answers)
    variable = f"{spec.env_prefix}_TEST_DATABASE_URL"
    env = {k: v for k, v in os.environ.items() if k != variable and k != "PYTEST_ADDOPTS"}
    env["PYTHONPATH"] = str(root / "src")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert output.count(f"set {variable}") == 1, output[-3000:]
    assert "ERROR at setup" not in output and "passed" not in output

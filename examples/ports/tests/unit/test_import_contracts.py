"""The import contracts in pyproject.toml hold: domain models and services stay free of frameworks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = "from importlinter.cli import lint_imports_command; lint_imports_command()"


def test_import_contracts_are_kept() -> None:
    # In a separate process: import-linter configures logging for its own output.
    result = subprocess.run(
        [sys.executable, "-c", LINT_IMPORTS], cwd=PROJECT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr

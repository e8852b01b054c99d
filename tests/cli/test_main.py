"""Options of the ``planner`` command itself, and what every subcommand shares."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import planner

Invoke = Callable[..., Any]
ROOT = Path(__file__).resolve().parent.parent.parent
DISTRIBUTION = "architecture-kickoff"


def test_version_comes_from_one_place(invoke: Invoke) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    # The distribution declares no version of its own: the build reads planner/__init__.py.
    assert "version" not in project and "version" in project["dynamic"]
    assert project["name"] == DISTRIBUTION
    source = (ROOT / "planner" / "__init__.py").read_text(encoding="utf-8")
    (literal,) = re.findall(r'^__version__ = "([^"]+)"$', source, flags=re.MULTILINE)
    assert importlib.metadata.version(DISTRIBUTION) == literal == planner.__version__
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"planner {literal}\n"

"""Run the ADR tools teams use (adr-tools, pyadr) on generated projects; CI must have them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def require(command: str, how: str) -> str:
    """The path of ``command``; under CI a missing tool fails the test instead of skipping it."""
    found = shutil.which(command) or shutil.which(command, path=str(Path(sys.executable).parent))
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{command} is not installed; {how}", pytrace=False)
        pytest.skip(f"{command} is not installed ({how})")
    return found


def run(root: Path, command: str, *args: str, date: str = "2026-12-01") -> str:
    env = {**os.environ, "EDITOR": "true", "VISUAL": "true", "ADR_DATE": date, "NO_COLOR": "1"}
    result = subprocess.run(
        [command, *args], cwd=root, capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, f"{command} {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


def status_section(text: str) -> list[str]:
    body = text.split("## Status\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in body.splitlines() if line.strip()]


def bullet(text: str, name: str = "Status") -> str:
    for line in text.splitlines():
        if line.startswith((f"* {name}:", f"- {name}:")):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"no {name} bullet in {text[:200]!r}")


REPO = Path(__file__).resolve().parents[2]
NODE_BIN = REPO / ".ci" / "node" / "node_modules" / ".bin"


def require_node(command: str) -> str:
    """A Node tool that .ci/run installs into .ci/node, else one on PATH."""
    local = NODE_BIN / command
    if local.is_file():
        return str(local)
    return require(command, ".ci/run installs it into .ci/node with npm")

"""What a generated service writes to its log is the message, with its values filled in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.skeleton.conftest import generate

SNIPPET = """
import importlib, sys
module = importlib.import_module("svc.app")
build = getattr(module, "create_app", None) or module.configure
app = build({"TESTING": True, "DATABASE_URL": sys.argv[1]})
client = app.test_client()
assert client.post("/accounts/", json={"name": "Ada"}).status_code == 201
"""


@pytest.mark.parametrize("fmt", ["structlog", "json"])
def test_log_lines_carry_the_values_not_the_placeholders(fmt: str, tmp_path: Path) -> None:
    root = tmp_path / "project"
    answers: dict[str, Any] = {
        "project.package": "svc",
        "logging.format": fmt,
        "logging.destination": "stdout",
        "layout.features": ["accounts"],
    }
    generate(root, answers)
    with_db = "sqlite:///" + str(tmp_path / "db.sqlite")
    init = "from svc import database\nwith app.app_context():\n    database.create_schema()\n"
    script = SNIPPET.replace("client = app", init + "client = app")
    result = subprocess.run(
        [sys.executable, "-c", script, with_db],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(root / "src")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    messages = [e.get("event", e.get("message", "")) for e in events]
    created = [m for m in messages if m.startswith("created ")]
    assert created, messages
    assert all("%s" not in m and m.endswith(" 1") for m in created), created
    assert not [e for e in events if "positional_args" in e]

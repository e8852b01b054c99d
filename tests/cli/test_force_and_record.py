"""``--force`` and ``--record`` do only what they say."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.record.io import load_record

Invoke = Callable[..., Any]
RECORD = "architecture/decisions.yaml"


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_new_force_replaces_the_record_and_keeps_edited_files(
    invoke: Invoke, project: Path
) -> None:
    doc = project / "docs/architecture.md"
    doc.write_text(doc.read_text() + "\nOur own note, written by hand.\n")
    services = project / "src/svc/accounts/services.py"
    services.write_text(services.read_text() + "\n# the team's code\n")
    result = invoke(
        "new", project, "--defaults", "--set", "logging.format=json", "--force", "--date",
        "2026-12-01",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert load_record(project / RECORD).record.decisions["logging"].answers["format"] == "json"
    assert "Our own note, written by hand." in doc.read_text()  # merged, not replaced
    assert "JSON" in doc.read_text() or "json" in doc.read_text()
    assert services.read_text().endswith("# the team's code\n")
    assert "pythonjsonlogger" in (project / "src/svc/logging_setup.py").read_text()


@pytest.mark.parametrize(
    "record",
    [
        ".planner/baseline.json",
        "README.md",
        "docs/adr/0002-deployment-container-image.md",
        ".adr-dir",
    ],
)
def test_record_path_that_collides_is_refused_in_a_new_folder(
    invoke: Invoke, tmp_path: Path, no_terminal: None, record: str
) -> None:
    target = tmp_path / "svc"
    result = invoke("new", target, "--defaults", "--record", record)
    assert result.exit_code == 2, result.output
    assert f"--record {record}" in result.stderr
    assert not target.exists() or files(target) == {}


@pytest.mark.parametrize("record", [".planner/baseline.json", "README.md"])
def test_record_path_that_collides_is_refused_with_force(
    invoke: Invoke, project: Path, record: str
) -> None:
    before = files(project)
    result = invoke("new", project, "--defaults", "--record", record, "--force")
    assert result.exit_code == 2, result.output
    assert f"--record {record}" in result.stderr
    assert files(project) == before


def test_render_force_says_replaced(invoke: Invoke, project: Path) -> None:
    doc = project / "docs/architecture.md"
    doc.write_text(doc.read_text() + "\nOur own note.\n")
    dry = invoke("render", project / RECORD, "--force", "--dry-run")
    assert "would replace   docs/architecture.md" in dry.stdout
    result = invoke("render", project / RECORD, "--force")
    assert result.exit_code == 0
    assert "replaced        docs/architecture.md" in result.stdout
    assert "conflict" not in result.stdout

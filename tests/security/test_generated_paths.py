"""A record path that planner would overwrite with a file it generates is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.security.harness import run, snapshot


@pytest.mark.parametrize(
    "record",
    ["architecture/decisions.schema.json", "decisions.schema.json", "x/decisions.schema.json"],
)
def test_record_at_the_schema_path_is_refused(tmp_path: Path, record: str) -> None:
    result = run("new", "f", "--example", "demo", "--no-input", "--record", record, cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Schema" in result.stderr and record in result.stderr
    assert not (tmp_path / "f" / record).exists()


def test_record_at_the_schema_path_is_refused_with_force_in_an_existing_project(
    tmp_path: Path,
) -> None:
    assert run("new", "f", "--example", "demo", "--no-input", cwd=tmp_path).returncode == 0
    before = snapshot(tmp_path / "f")
    record = "architecture/decisions.schema.json"
    args = ("new", "f", "--example", "demo", "--no-input", "--force", "--record", record)
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert snapshot(tmp_path / "f") == before


def test_record_at_a_generated_path_is_refused(tmp_path: Path) -> None:
    result = run(
        "new", "f", "--example", "demo", "--no-input", "--record", "README.md", cwd=tmp_path
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert "README.md" in result.stderr
    assert not (tmp_path / "f" / "README.md").exists()

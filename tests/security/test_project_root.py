"""A custom --record keeps one project root for new, render, revisit and status."""

from __future__ import annotations

from pathlib import Path

from tests.security.harness import run, snapshot

RECORD = "team/decisions.yaml"


def test_custom_record_folder_is_not_taken_for_the_project_root(tmp_path: Path) -> None:
    args = ("new", "p", "--example", "demo", "--no-input", "--record", RECORD)
    assert run(*args, cwd=tmp_path).returncode == 0
    root = tmp_path / "p"
    team = root / "team"
    assert sorted(p.name for p in team.iterdir()) == ["decisions.schema.json", "decisions.yaml"]
    before = snapshot(root)

    rendered = run("render", RECORD, cwd=root)
    assert rendered.returncode == 0, rendered.stderr
    assert snapshot(root) == before  # nothing new: the same files, in the same root

    revised = run(
        "revisit",
        RECORD,
        "--no-input",
        "--date",
        "2026-12-01",
        "--set",
        "logging.format=json",
        cwd=root,
    )
    assert revised.returncode == 0, revised.stderr
    assert sorted(p.name for p in team.iterdir()) == ["decisions.schema.json", "decisions.yaml"]
    changed = sorted(p for p, data in snapshot(root).items() if before.get(p) != data)
    assert "team/decisions.yaml" in changed
    assert any(p.startswith("src/") and p.endswith("logging_setup.py") for p in changed), changed
    assert not (team / ".planner").exists()

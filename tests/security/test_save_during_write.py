"""A record saved by an editor while planner stages its files is never overwritten.

The seam ``PLANNER_TEST_PAUSE_AFTER_STEP=0`` stops a real planner process after
every file is staged and before the first rename (where the window was); the
test saves the record like an editor would, then lets planner go on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.security.harness import run, snapshot, start

RECORD = "architecture/decisions.yaml"
COMMANDS = {
    "revisit": (
        "revisit",
        RECORD,
        "--no-input",
        "--date",
        "2026-12-01",
        "--set",
        "logging.format=json",
    ),
    "render": ("render", RECORD, "--force"),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_record_saved_after_staging_is_not_overwritten(tmp_path: Path, command: str) -> None:
    assert run("new", "p", "--example", "demo", "--no-input", cwd=tmp_path).returncode == 0
    root = tmp_path / "p"
    record = root / RECORD
    if command == "render":  # something to write: a generated file planner must update
        (root / "README.md").write_text("an edit render --force replaces\n")
    before = snapshot(root)
    resume = tmp_path / "resume"
    proc = start(
        *COMMANDS[command],
        cwd=root,
        PLANNER_TEST_PAUSE_AFTER_STEP="0",
        PLANNER_TEST_RESUME_WHEN=str(resume),
    )
    assert proc.stderr is not None
    line = proc.stderr.readline()
    assert line == "planner: paused after step 0\n", line + proc.stderr.read()
    edited = record.read_text() + "# a note saved by an editor meanwhile\n"
    record.write_text(edited)
    before[RECORD] = edited.encode()
    resume.touch()
    assert proc.wait(timeout=120) == 2
    stderr = proc.stderr.read()
    assert "changed since planner read it" in stderr and "decisions.yaml" in stderr
    assert record.read_text() == edited
    after = snapshot(root)
    assert after == before  # nothing swapped in, no staged copy left behind

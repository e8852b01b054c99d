"""kill -9 at every step of a swap: the next run restores a consistent project.

A test seam (``PLANNER_TEST_PAUSE_AFTER_STEP=N``) makes a real planner process
stop right after rename N of its swap (N = renames + 1 is just after the commit
point). The test then SIGKILLs it, runs the same command again as a new
process and expects exactly the project an uninterrupted run produces, with no
journal, staged copy or backup left anywhere. It does this for a render after
a hand edit of the record and for a revisit, both on ``--example large``.
"""

from __future__ import annotations

import shutil
import signal
from pathlib import Path

import pytest

from tests.security.harness import leftovers, run, snapshot, start

RECORD = "architecture/decisions.yaml"


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("kill") / "large"
    done = run("new", "--example", "large", root, cwd=root.parent)
    assert done.returncode == 0, done.stderr
    return root


def hand_edit(root: Path) -> None:
    """The team changes an answer in the record by hand; render then updates several files."""
    record = root / RECORD
    text = record.read_text()
    assert "format: json" in text
    record.write_text(text.replace("format: json", "format: text", 1))


SCENARIOS = {
    "render": (hand_edit, ("render", RECORD)),
    "revisit": (
        None,
        ("revisit", RECORD, "--no-input", "--date", "2026-12-01", "--set", "logging.format=text"),
    ),
}


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_kill_after_every_rename_then_next_run_restores(
    large: Path, tmp_path: Path, scenario: str
) -> None:
    prepare, args = SCENARIOS[scenario]
    origin = tmp_path / "origin"
    shutil.copytree(large, origin)
    if prepare is not None:
        prepare(origin)
    before = snapshot(origin)
    reference = tmp_path / "reference"
    shutil.copytree(origin, reference)
    done = run(*args, cwd=reference)
    assert done.returncode == 0, done.stderr
    after = snapshot(reference)
    changed = sorted(p for p in after if before.get(p) != after[p])
    assert len(changed) >= 4, changed  # several files, the record and the baseline among them

    step = 0
    while True:
        step += 1
        copy = tmp_path / f"step-{step}"
        shutil.copytree(origin, copy)
        proc = start(*args, cwd=copy, PLANNER_TEST_PAUSE_AFTER_STEP=str(step))
        assert proc.stderr is not None
        line = proc.stderr.readline()
        if not line.startswith("planner: paused"):
            assert proc.wait(timeout=120) == 0, line + proc.stderr.read()
            break  # the swap has fewer steps than this: every step was tried
        assert line == f"planner: paused after step {step}\n"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.communicate()
        killed = snapshot(copy)
        assert killed != after  # the journal at least is still there
        assert leftovers(copy), "a kill mid-swap leaves a journal to recover from"
        again = run(*args, cwd=copy)
        assert again.returncode == 0, f"step {step}: {again.stderr}"
        assert "Traceback" not in again.stderr
        assert leftovers(copy) == [], f"step {step}"
        assert snapshot(copy) == after, f"step {step}: not the project a whole run gives"
        shutil.rmtree(copy)
    assert step - 1 >= len(changed)  # one pause per rename, plus the commit point

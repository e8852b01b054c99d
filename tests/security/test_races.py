"""Two planner processes at once: both revisions survive, or one is refused cleanly.

Real processes, started together, on a real project: render+render,
render+revisit and revisit+revisit, 20 pairs in all (the second process starts
0 to 1 s after the first, so some pairs overlap and some run one after the other). Every pair must end with
every successful run's change in the record, a history without gaps or
duplicates, one ADR per number, files that agree with the record, and any
refusal as a message with exit code 2 (never a traceback, never exit 0 with a
lost revision).
"""

from __future__ import annotations

import re
import shutil
import time
from collections import Counter
from pathlib import Path

import pytest
import yaml

from planner.files.apply import apply
from planner.record.io import load_record
from planner.render import plan_all
from tests.security.harness import leftovers, run, start

PAIRS = {"render+render": 7, "render+revisit-a": 7, "revisit-a+revisit-b": 6}  # 20 pairs
REFUSALS = ("another planner process", "since planner read it")
REVISIT = ("revisit", "architecture/decisions.yaml", "--no-input", "--date", "2026-12-01")
CHANGES = {"a": ("--set", "logging.format=json"), "b": ("--set", "testing.coverage=55")}


@pytest.fixture(scope="module")
def origin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("race") / "svc"
    done = run("new", root, "--defaults", "--date", "2026-11-24", cwd=root.parent)
    assert done.returncode == 0, done.stderr
    record = load_record(root / "architecture/decisions.yaml").record
    assert record.flat_answers()["logging.format"] != "json"
    assert record.flat_answers()["testing.coverage"] != 55
    return root


def command(kind: str) -> tuple[str, ...]:
    if kind == "render":
        return ("render", "architecture/decisions.yaml")
    return (*REVISIT, *CHANGES[kind[-1]])


def consistent(root: Path) -> None:
    """The files on disk are what the record calls for, and the history is whole."""
    assert leftovers(root) == []
    loaded = load_record(root / "architecture/decisions.yaml")
    numbers = [r.number for r in loaded.record.history]
    assert numbers == list(range(1, len(numbers) + 1)), numbers
    plan = plan_all(
        loaded.record, loaded.bank, root, record_file=root / "architecture/decisions.yaml"
    )
    pending = apply(plan, root, dry_run=True)
    assert pending.written == [], f"files disagree with the record: {pending.written}"
    adr_numbers = Counter(p.name[:4] for p in (root / "docs/adr").glob("[0-9][0-9][0-9][0-9]-*"))
    assert [n for n, count in adr_numbers.items() if count > 1] == []


@pytest.mark.parametrize(
    "first, second",
    [("render", "render"), ("render", "revisit-a"), ("revisit-a", "revisit-b")],
)
def test_two_processes_at_once_never_lose_a_revision(
    origin: Path, tmp_path: Path, first: str, second: str
) -> None:
    outcomes: Counter[str] = Counter()
    pairs = PAIRS[f"{first}+{second}"]
    for i in range(pairs):
        root = tmp_path / f"pair-{i}"
        shutil.copytree(origin, root)
        procs = [start(*command(first), cwd=root)]
        time.sleep(i / pairs)
        procs.append(start(*command(second), cwd=root))
        results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
        applied = []
        for kind, (code, _out, err) in zip((first, second), results, strict=True):
            assert "Traceback" not in err, err
            if code == 0:
                applied.append(kind)
                outcomes["done"] += 1
            else:
                assert code == 2, (kind, code, err)
                assert any(why in err for why in REFUSALS), err
                outcomes["refused"] += 1
        consistent(root)
        answers = load_record(root / "architecture/decisions.yaml").record.flat_answers()
        data = yaml.safe_load((root / "architecture/decisions.yaml").read_text())
        revisions = [kind for kind in applied if kind.startswith("revisit")]
        assert len(data["history"]) == 1 + len(revisions), (applied, data["history"])
        assert (answers["logging.format"] == "json") == ("revisit-a" in revisions)
        assert (answers["testing.coverage"] == 55) == ("revisit-b" in revisions)
    assert outcomes["done"] >= pairs  # at least one run of each pair always gets through
    print(f"{first}+{second}: {dict(outcomes)}")


def test_record_saved_while_revisit_waits_for_confirmation_is_not_overwritten(
    origin: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A teammate saves decisions.yaml while 'Apply these changes?' is on screen."""
    from typer.testing import CliRunner

    from planner.cli import app
    from tests.conftest import ScriptedPrompter

    root = tmp_path / "svc"
    shutil.copytree(origin, root)
    record = root / "architecture/decisions.yaml"
    teammate = record.read_text().replace("participants: []", "participants: [Teammate]")
    teammate += "# the teammate's note\n"

    class Teammate(ScriptedPrompter):
        def confirm(self, message: str) -> bool:
            record.write_text(teammate)  # saved in an editor meanwhile
            return super().confirm(message)

    prompter = Teammate({"logging.format": "json"})
    monkeypatch.setattr("planner.terminal.is_interactive", lambda: True)
    monkeypatch.setattr("planner.terminal.make_prompter", lambda: prompter)
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and p != record}
    result = CliRunner().invoke(app, ["revisit", str(record), "--only", "logging"])
    assert prompter.confirmations == ["Apply these changes?"]
    assert result.exit_code == 2, result.output
    assert re.search(r"decisions\.yaml changed since planner read it", result.stderr)
    assert record.read_text() == teammate
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and p != record} == before

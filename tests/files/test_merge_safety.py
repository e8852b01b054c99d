"""The three-way merge never destroys bytes: binary and non-UTF-8 files are kept, CRLF survives."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from planner.files.apply import apply, update
from planner.files.baseline import BASELINE
from planner.files.merge import MIDDLE, OURS, THEIRS
from planner.files.plan import Action, FilePlan

LINES = [f"line {n}\n" for n in range(1, 11)]


def plan(text: str | bytes) -> FilePlan:
    files = FilePlan()
    files.add("README.md", text)
    return files


def generated(tmp_path: Path) -> Path:
    apply(plan("".join(LINES)), tmp_path)
    return tmp_path / "README.md"


def planner_changes_line_1() -> FilePlan:
    return plan("".join(["LINE 1 (new decision)\n", *LINES[1:]]))


def action(outcome: Any, path: str) -> Action:
    return next(s.action for s in outcome.steps if s.path == path)


def test_latin1_line_is_kept_byte_for_byte_and_reported(tmp_path: Path) -> None:
    readme = generated(tmp_path)
    team = "".join(LINES).encode() + "Café crème, written by an old editor\n".encode("latin-1")
    readme.write_bytes(team)
    outcome = update(planner_changes_line_1(), tmp_path)
    assert readme.read_bytes() == team  # no U+FFFD anywhere
    assert action(outcome, "README.md") is Action.CONFLICT
    assert outcome.conflicts == ["README.md"]


def test_binary_content_is_never_merged(tmp_path: Path) -> None:
    readme = generated(tmp_path)
    team = "".join(LINES).encode() + os.urandom(1024) + b"\0\xff\xfe"
    readme.write_bytes(team)
    outcome = update(planner_changes_line_1(), tmp_path)
    assert readme.read_bytes() == team
    assert outcome.conflicts == ["README.md"]


def test_crlf_file_merges_line_by_line_and_keeps_crlf(tmp_path: Path) -> None:
    readme = generated(tmp_path)
    team = [*LINES]
    team[7] = "line 8, edited on Windows\n"
    readme.write_bytes("".join(team).replace("\n", "\r\n").encode())
    outcome = update(planner_changes_line_1(), tmp_path)
    assert action(outcome, "README.md") is Action.MERGE
    expected = ["LINE 1 (new decision)\n", *team[1:]]
    assert readme.read_bytes() == "".join(expected).replace("\n", "\r\n").encode()


def test_missing_baseline_marks_only_the_lines_that_differ(tmp_path: Path) -> None:
    readme = generated(tmp_path)
    (tmp_path / BASELINE).unlink()
    team = [*LINES]
    team[7] = "line 8, the team's\n"
    readme.write_text("".join(team))
    update(planner_changes_line_1(), tmp_path)
    text = readme.read_text()
    assert text.count(OURS) == 2  # line 1 and line 8, not one whole-file conflict
    assert text.startswith(f"{OURS}\nline 1\n{MIDDLE}\nLINE 1 (new decision)\n{THEIRS}\n")
    assert "line 2\nline 3\nline 4\nline 5\nline 6\nline 7\n" in text
    assert text.count("line 10\n") == 1


PKG = "src/svc"


def test_second_revisit_refuses_while_markers_remain(
    invoke: Callable[..., Any], tmp_path: Path, no_terminal: None
) -> None:
    root = tmp_path / "svc"
    assert invoke("new", root, "--defaults", "--date", "2026-11-24").exit_code == 0
    app = root / PKG / "app.py"
    app.write_text(
        app.read_text().replace(
            "    app.register_blueprint(accounts_bp)\n",
            "    app.register_blueprint(accounts_bp)  # ours\n",
        )
    )
    record = root / "architecture/decisions.yaml"
    args = ("revisit", record, "--no-input", "--date", "2026-12-01")
    first = invoke(*args, "--set", "layout.features=accounts, billing")
    assert first.exit_code == 1 and OURS in app.read_text()
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    second = invoke(*args, "--set", "logging.format=json")
    assert second.exit_code == 2, second.output
    assert "still hold conflict markers" in second.stderr and "src/svc/app.py" in second.stderr
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before
    text = app.read_text()
    start, end = text.index(OURS), text.index(THEIRS)
    ours = text[text.index("\n", start) + 1 : text.index(MIDDLE, start)]
    app.write_text(text[:start] + ours + text[text.index("\n", end) + 1 :])
    third = invoke(*args, "--set", "logging.format=json")
    assert third.exit_code == 0, third.output
    assert OURS not in app.read_text() and "# ours" in app.read_text()

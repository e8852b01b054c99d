"""Input files that are not regular files, or far too large, are refused by name.

Each case runs the real CLI in a child process with a timeout: before the
bounded reader, a FIFO hung planner and /dev/zero ate memory until killed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.security.harness import run


@pytest.fixture
def project(tmp_path: Path) -> Path:
    result = run("new", "p", "--example", "demo", "--no-input", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path / "p"


def _replace_with(path: Path, kind: str, big_from: Path | None = None) -> None:
    path.unlink(missing_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "zero":
        path.symlink_to("/dev/zero")
    else:  # a regular file over the limit
        path.write_bytes(b"# padding\n" * (500 * 1024))


def _refused(result: object, name: str) -> None:
    stderr = result.stderr
    assert result.returncode == 2, stderr
    assert name in stderr
    assert "Traceback" not in stderr


@pytest.mark.parametrize("kind", ["fifo", "zero", "huge"])
def test_record_that_is_a_fifo_device_or_huge_is_refused(project: Path, kind: str) -> None:
    record = project / "architecture" / "decisions.yaml"
    _replace_with(record, kind)
    for args in (["render"], ["revisit", "--no-input"], ["validate", str(record)]):
        result = run(*args, cwd=project)
        _refused(result, "decisions.yaml")


@pytest.mark.parametrize("kind", ["fifo", "zero", "huge"])
def test_answers_and_question_pack_that_are_not_regular_files_are_refused(
    tmp_path: Path, kind: str
) -> None:
    answers = tmp_path / "answers.yaml"
    _replace_with(answers, kind)
    result = run("new", "a", "--answers", answers, "--no-input", cwd=tmp_path)
    _refused(result, "answers.yaml")
    assert not (tmp_path / "a" / "architecture" / "decisions.yaml").exists()
    pack = tmp_path / "pack.yaml"
    _replace_with(pack, kind)
    result = run("new", "b", "--example", "demo", "--questions", pack, "--no-input", cwd=tmp_path)
    _refused(result, "pack.yaml")


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_baseline_and_journal_that_are_not_regular_files_are_refused(
    project: Path, kind: str
) -> None:
    baseline = project / ".planner" / "baseline.json"
    saved = baseline.read_bytes()
    _replace_with(baseline, kind)
    _refused(run("render", cwd=project), "baseline.json")
    baseline.unlink()
    baseline.write_bytes(saved)
    journal = project / ".planner" / "journal.json"
    _replace_with(journal, kind)
    result = run("render", cwd=project)
    _refused(result, "journal.json")


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_adr_dir_marker_that_is_not_a_regular_file_does_not_hang(project: Path, kind: str) -> None:
    marker = project / ".adr-dir"
    _replace_with(marker, kind)
    result = run("render", "--dry-run", cwd=project)  # came back: no hang, no memory blow-up
    assert "Traceback" not in result.stderr
    if kind == "zero":  # a symlink leading out of the project: refused by name
        _refused(result, ".adr-dir")
    else:  # a FIFO is not read; the default ADR folder is used
        assert result.returncode == 0, result.stderr

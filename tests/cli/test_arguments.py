"""Arguments that are not valid UTF-8 are refused before anything is read or written.

On POSIX, ``$'bad\\xff'`` reaches Python as ``'bad\\udcff'``. Written into the
record it produced YAML planner itself could not load, locking every later
command out of the project.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.questions.model import Bank
from planner.questions.values import coerce
from tests.snapshots import snapshot

Invoke = Callable[..., Any]


def run(*args: str | bytes | Path, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "planner", *args],
        cwd=cwd,
        capture_output=True,
        env={**os.environ, "CI": "true"},
        stdin=subprocess.DEVNULL,
        timeout=300,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--summary", "bad\udcff"], "--summary: 'bad\\xff'"),
        (["--summary=bad\udcff"], "--summary: '--summary=bad\\xff'"),
        (["--set", "logging.format=json", "--set", "project.name=Caf\udce9"], "--set"),
    ],
    ids=["summary", "summary-equals", "set"],
)
def test_revisit_refuses_undecodable_arguments(
    invoke: Invoke, project: Path, args: list[str], named: str
) -> None:
    record = project / "architecture/decisions.yaml"
    before = snapshot(project)
    result = invoke("revisit", record, "--no-input", "--set", "logging.format=json", *args)
    assert result.exit_code == 2
    assert named in result.stderr
    assert "is not valid UTF-8" in result.stderr
    assert snapshot(project) == before
    assert invoke("validate", record).exit_code == 0


def test_new_refuses_an_undecodable_answer(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("new", tmp_path / "svc", "--defaults", "--set", "project.name=x\udcffy")
    assert result.exit_code == 2
    assert "--set: 'project.name=x\\xffy' is not valid UTF-8" in result.stderr
    assert not (tmp_path / "svc").exists()


def test_real_bytes_in_a_real_process(project: Path, tmp_path: Path) -> None:
    # The shell hands planner raw bytes; nothing of them may reach a file.
    record = project / "architecture/decisions.yaml"
    before = snapshot(project)
    summary = run(
        "revisit", record, "--no-input", "--set", "logging.format=json",
        "--summary", b"bad\xff", cwd=tmp_path,
    )  # fmt: skip
    assert summary.returncode == 2, summary.stderr
    assert b"--summary: 'bad\\xff' is not valid UTF-8" in summary.stderr
    assert snapshot(project) == before

    folder = run("new", b"caf\xe9", "--defaults", "--no-input", cwd=tmp_path)
    assert folder.returncode == 2, folder.stderr
    assert b"argument 2 'caf\\xe9' is not valid UTF-8" in folder.stderr
    assert not (tmp_path / os.fsdecode(b"caf\xe9")).exists()
    assert b"Traceback" not in summary.stderr + folder.stderr

    assert run("validate", record, cwd=tmp_path).returncode == 0


def test_a_folder_name_that_is_not_utf8_never_becomes_an_answer(bank: Bank) -> None:
    # `planner new .` inside such a folder derives the project name from it.
    question = bank.question("project.name")
    assert question is not None
    with pytest.raises(ValueError, match="not valid UTF-8"):
        coerce(question, os.fsdecode(b"caf\xe9"))

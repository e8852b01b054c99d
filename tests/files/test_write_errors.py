"""Write failures get a message naming the right file, never a traceback or a half-written file."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.errors import WriteError
from planner.files import lock as lock_module
from planner.files import writer
from planner.files.apply import apply
from planner.files.plan import FilePlan
from planner.marked_yaml import MAX_BYTES

Invoke = Callable[..., Any]


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_error_after_a_rollback_names_the_file_that_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = FilePlan()
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        plan.add(name, f"old {name}\n")
    apply(plan, tmp_path)
    before = files(tmp_path)
    real_replace = os.replace

    def fail_on_c(src: Any, dst: Any) -> None:
        if str(dst).endswith("c.txt"):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real_replace(src, dst)

    monkeypatch.setattr(writer.os, "replace", fail_on_c)
    newer = FilePlan()
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        newer.add(name, f"new {name}\n")
    with pytest.raises(WriteError) as caught:
        apply(newer, tmp_path)
    monkeypatch.undo()
    assert f"cannot write {tmp_path / 'c.txt'}" in caught.value.message
    assert "a.txt" not in caught.value.message
    assert files(tmp_path) == before  # a.txt and b.txt were put back


def test_full_disk_at_the_lock_with_nothing_to_write_is_a_message(
    invoke: Invoke, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    before = files(project)
    monkeypatch.setattr(lock_module.os, "write", no_space)
    result = invoke("render", project / "architecture/decisions.yaml")
    monkeypatch.undo()
    assert result.exit_code == 2, result.output
    assert "cannot take the lock" in result.stderr and "No space left on device" in result.stderr
    assert "Traceback" not in result.output
    assert files(project) == before


def test_record_over_the_read_limit_is_refused_before_writing(
    invoke: Invoke, project: Path
) -> None:
    before = files(project)
    huge = "Because. " * (MAX_BYTES // 8)
    record = project / "architecture/decisions.yaml"
    result = invoke(
        "revisit", record, "--no-input", "--set", "logging.format=json", "--summary", huge
    )
    assert result.exit_code == 2, result.output[-500:]
    assert f"over the {MAX_BYTES // 1024} KiB planner reads back" in result.stderr
    assert files(project) == before
    fresh = invoke(
        "new", project.parent / "fresh", "--defaults", "--set", f"logging.rationale={huge}"
    )
    assert fresh.exit_code == 2
    assert "over the" in fresh.stderr and not (project.parent / "fresh").exists()
    assert invoke("validate", record).exit_code == 0

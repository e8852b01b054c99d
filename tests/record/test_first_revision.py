"""The history of a record starts at revision 1; anything else is refused with file/line/field."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.security.harness import run, snapshot


@pytest.mark.parametrize("first", [2, 1000])
def test_first_revision_other_than_one_is_refused(tmp_path: Path, first: int) -> None:
    assert run("new", "p", "--example", "demo", "--no-input", cwd=tmp_path).returncode == 0
    root = tmp_path / "p"
    record = root / "architecture" / "decisions.yaml"
    lines = record.read_text().splitlines(keepends=True)
    at = lines.index("- revision: 1\n")  # the first (and only) history entry
    lines[at] = f"- revision: {first}\n"
    record.write_text("".join(lines))
    before = snapshot(root)
    for args in (["validate", str(record)], ["render"]):
        result = run(*args, cwd=root)
        assert result.returncode == 2, result.stdout + result.stderr
        where = f"decisions.yaml:{at + 1}:"
        assert where in result.stderr and "history[0].revision" in result.stderr, result.stderr
        assert "first revision must be 1" in result.stderr
    assert snapshot(root) == before  # no duplicate ADRs

"""``planner check`` with the record ``planner adopt`` wrote, on the five corpus codebases.

Each codebase is copied, adopted and checked through the command line. What remains must be
real deviations from the adopted decisions: tests/adopt/realworld/*.toml ``[checked]`` lists
them as judged by reading the code (every finding, or for a large rule its count and a sample,
with how the count was made apart from planner).
"""

from __future__ import annotations

import json
import shutil
import tomllib
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.adopt.test_realworld import CASES
from tests.check.test_realworld import codebase

pytestmark = pytest.mark.corpus


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".planner_cache" not in p.parts
    }


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_check_with_the_adopted_record_reports_only_real_deviations(
    case: Path, tmp_path: Path, invoke: Callable[..., Any]
) -> None:
    spec: dict[str, Any] = tomllib.loads(case.read_text())
    root = tmp_path / case.stem
    shutil.copytree(codebase(spec), root, ignore=shutil.ignore_patterns(".planner_cache"))
    before = _tree(root)

    adopted = invoke(
        "adopt",
        root,
        "--package",
        spec["codebase"]["package"],
        "--no-cache",
        "--date",
        "2026-11-25",
    )
    assert adopted.exit_code == 0, adopted.stderr
    after = _tree(root)
    written = sorted(set(after) - set(before))
    assert all(p.startswith("architecture/") for p in written), written
    assert {p: after[p] for p in before} == before  # no file of the codebase changed

    checked = invoke("check", root, "--json", "--no-cache")
    assert checked.exit_code in (0, 1), checked.stderr
    findings = json.loads(checked.stdout)["findings"]
    want = spec["checked"]
    assert Counter(f["rule"] for f in findings) == Counter(want["counts"])
    sampled = want.get("sampled", {})
    exact = sorted(
        f"{f['path']}:{f['line']} {f['rule']}" for f in findings if f["rule"] not in sampled
    )
    assert exact == sorted(want["findings"])
    for rule, paths in sampled.items():
        found = {f["path"] for f in findings if f["rule"] == rule}
        assert set(paths) <= found, sorted(set(paths) - found)

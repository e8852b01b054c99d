"""Hostile team templates (``--templates``) end with a clear error, never a traceback or a hang.

Each template below was written by hand to attack the renderer: huge ranges,
endless recursion, arithmetic and type errors, nested loops that would run for
hours, and values built to exhaust memory. The message must name the template
and, where the template code raised, its line.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.render import environment
from tests.snapshots import snapshot

Invoke = Callable[..., Any]
OVERRIDE = "docs/architecture.md.j2"


def hostile(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "ours"
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    (folder / OVERRIDE).write_text(text, encoding="utf-8")
    return folder


CASES = [
    ("huge-range", "{% for i in range(10**9) %}x{% endfor %}", 1, "passes 1000000000 where"),
    ("huge-range-by-power", "{% set n = 10 %}\n{% for i in range(n ** 9) %}x{% endfor %}", 2,
     "passes 1000000000 where"),
    ("recursion", "{% macro f() %}{{ f() }}{% endmacro %}\n{{ f() }}", 1,
     "calls itself without end"),
    ("self-include", "\n{% include 'docs/architecture.md.j2' %}", 2, "calls itself without end"),
    ("division-by-zero", "# Title\n\n{{ 1 / 0 }}\n", 3, "ZeroDivisionError: division by zero"),
    ("type-error", "one\ntwo\n{{ 1 + 'a' }}", 3, "TypeError: unsupported operand"),
    ("missing-method", "\n{{ project.name.nope() }}", 2, "has no attribute 'nope'"),
    ("unsafe-attribute", "{{ project.__class__.__mro__ }}", 1, "tried something unsafe"),
    ("nested-loops",
     "{% for a in range(100000) %}\n{% for b in range(100000) %}{% endfor %}\n{% endfor %}", 2,
     "ran more than 1,000,000 loop iterations"),
    ("huge-string", "{{ 'x' * 1000000000 }}", 1, "builds a value of 1,000,000,000 items"),
    ("huge-list", "{{ [1] * 1000000000 }}", 1, "builds a value of 1,000,000,000 items"),
    ("huge-power", "{{ 9 ** 99999999 }}", 1, "a number too large"),
    ("huge-format-width", "{{ '%1000000000s' % 'x' }}", 1, "a width of '1000000000'"),
    ("huge-method-argument", "{{ 'x'.ljust(1000000000) }}", 1, "passes 1000000000 where"),
    ("huge-filter-argument", "{{ 'abc' | center(100000000) }}", 1, "passes 100000000 where"),
    ("huge-output", "{% for a in range(100000) %}{{ 'y' * 1000 }}{% endfor %}", None,
     "writes more than"),
    ("doubling-string",
     "{% set ns = namespace(s='x') %}\n"
     "{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s | length }}", 2,
     "needs more than 512 MiB of memory"),
    ("replace-amplification",
     "{{ 'a' | replace('', 'b' * 10000) | replace('', 'c' * 10000) | replace('', 'd' * 10000) }}",
     1, "needs more than 512 MiB of memory"),
    ("join-amplification", "{{ range(100000) | join('x' * 10000000) }}", 1,
     "needs more than 512 MiB of memory"),
    ("lipsum", "{{ lipsum(100000) }}", 1, "'lipsum' is undefined"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "line", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_hostile_template_gives_a_clear_error_and_writes_nothing(
    invoke: Invoke, project: Path, tmp_path: Path, text: str, line: int | None, message: str
) -> None:
    folder = hostile(tmp_path, text)
    before = snapshot(project)
    result = invoke(
        "render", project / "architecture/decisions.yaml", "--templates", folder, "--force"
    )
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert f"template {OVERRIDE}" in result.stderr
    if line is not None:
        assert f"({folder / OVERRIDE}), line {line}:" in result.stderr
    assert "Traceback" not in result.output
    assert snapshot(project) == before


def test_hostile_templates_in_a_real_process(project: Path, tmp_path: Path) -> None:
    for text, message in [
        ("{% for a in range(99999) %}{% for b in range(99999) %}{% endfor %}{% endfor %}",
         b"loop iterations"),
        ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}", b"calls itself without end"),
    ]:  # fmt: skip
        folder = hostile(tmp_path, text)
        done = subprocess.run(
            [sys.executable, "-m", "planner", "render", str(project / "architecture/decisions.yaml"),
             "--templates", str(folder)],
            capture_output=True, env={**os.environ, "CI": "true"}, stdin=subprocess.DEVNULL,
            timeout=300, check=False,
        )  # fmt: skip
        assert done.returncode == 2, done.stderr
        assert message in done.stderr
        assert b"Traceback" not in done.stderr


def test_a_render_that_runs_too_long_is_stopped(
    invoke: Invoke, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Slow work per iteration under the iteration bound: only the clock catches it.
    monkeypatch.setattr(environment, "MAX_SECONDS", 0.0)
    folder = hostile(tmp_path, "{% for a in range(5000) %}{{ a }}{% endfor %}")
    result = invoke("render", project / "architecture/decisions.yaml", "--templates", folder)
    assert result.exit_code == 2
    assert "took longer than 0 seconds" in result.stderr


def test_shipped_templates_stay_well_inside_the_bounds(project: Path, tmp_path: Path) -> None:
    # The example with the most decisions renders with the same bounds in place.
    done = subprocess.run(
        [sys.executable, "-m", "planner", "new", str(tmp_path / "big"), "--example", "large",
         "--no-input"],
        capture_output=True, env={**os.environ, "CI": "true"}, stdin=subprocess.DEVNULL,
        timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "big" / "docs").is_dir()

"""Whole-process wall time of planner's quick paths, next to the tools users know.

    python benchmarks/startup.py [--runs N]

Prints the median and spread of ``planner --help`` and of a full
non-interactive ``planner new --defaults`` (no rendering), plus copier's and
cookiecutter's ``--help`` when they are installed, and the heavy modules a
``--help`` run imports (there should be none).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BIN = Path(sys.executable).parent
HEAVY = ("questionary", "prompt_toolkit", "jinja2", "yaml", "rich", "pydantic")


def clock(
    command: list[str], runs: int, prepare: Callable[[int], None] | None = None
) -> list[float]:
    times = []
    for i in range(runs):
        if prepare:
            prepare(i)
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return times


def row(name: str, times: list[float], budget_ms: float | None = None) -> str:
    median = statistics.median(times) * 1000
    spread = (max(times) - min(times)) * 1000
    verdict = ""
    if budget_ms is not None:
        verdict = f"  budget {budget_ms:.0f} ms: {'ok' if median <= budget_ms else 'MISSED'}"
    return f"{name:<38} median {median:7.1f} ms  spread {spread:6.1f} ms  (n={len(times)}){verdict}"


def find(name: str) -> str | None:
    return shutil.which(name, path=str(BIN)) or shutil.which(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    planner = find("planner")
    if planner is None:
        sys.exit("planner is not installed in this environment")
    print(
        row("python -c pass (interpreter floor)", clock([sys.executable, "-c", "pass"], args.runs))
    )
    print(row("planner --help", clock([planner, "--help"], args.runs), budget_ms=80))
    for other in ("copier", "cookiecutter"):
        exe = find(other)
        if exe:
            print(row(f"{other} --help", clock([exe, "--help"], args.runs)))
        else:
            print(f"{other + ' --help':<38} (not installed)")
    with tempfile.TemporaryDirectory() as tmp:
        command = [planner, "new", str(Path(tmp) / "svc"), "--defaults", "--force"]
        print(row("planner new --defaults (record only)", clock(command, args.runs), budget_ms=150))
    probe = (
        "import sys\nfrom planner.cli import app\n"
        "try:\n    app(['--help'], prog_name='planner')\nexcept SystemExit:\n    pass\n"
        f"print('|'.join(m for m in {HEAVY!r} if m in sys.modules))\n"
        "print(len(sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    heavy, count = out.strip().splitlines()[-2:] if out.count("\n") >= 2 else ("", out.strip())
    print(f"modules imported by --help: {count}; heavy ones: {heavy or 'none'}")


if __name__ == "__main__":
    main()

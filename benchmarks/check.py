"""Whole-process time of ``planner check`` on generated codebases, next to import-linter.

    python benchmarks/check.py [--runs N]

Builds ports-and-adapters codebases of 100, 1,000 and 5,000 modules (about
100 lines each) and times ``planner check`` (all rules: loggers, tests,
transitive domain purity...) and, when installed, ``lint-imports`` with the
equivalent forbidden-import contract. Budget: 1,000 modules within 2 s.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.workloads import codebase

BIN = Path(sys.executable).parent


def find(name: str) -> str | None:
    return shutil.which(name, path=str(BIN)) or shutil.which(name)


def clock(command: list[str], cwd: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if result.returncode not in (0,):
            sys.exit(f"{' '.join(command)} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    planner = find("planner")
    linter = find("lint-imports")
    if planner is None:
        sys.exit("planner is not installed in this environment")
    print(
        f"{'modules':>8} {'lines':>8} {'planner check':>14} {'per module':>11} {'lint-imports':>13}"
    )
    for size in (100, 1000, 5000):
        with tempfile.TemporaryDirectory() as tmp:
            root = codebase(Path(tmp), size)
            modules = len(list((root / "bench_app").rglob("*.py")))
            lines = sum(len(p.read_text().splitlines()) for p in (root / "bench_app").rglob("*.py"))
            rules = [f"--rules={r}" for r in (root / "rules.txt").read_text().split()]
            runs = args.runs if size < 5000 else max(1, args.runs // 2)
            ours = clock(
                [planner, "check", ".", "--package", "bench_app", "--no-cache", *rules], root, runs
            )
            theirs = "not installed"
            if linter:
                env_cmd = [linter, "--config", "importlinter.ini", "--no-cache"]
                theirs = f"{clock(env_cmd, root, runs):9.0f} ms"
            budget = ""
            if size == 1000:
                budget = "  budget 2000 ms: " + ("ok" if ours <= 2000 else "MISSED")
            per = ours / modules
            print(f"{modules:>8} {lines:>8} {ours:11.0f} ms {per:8.2f} ms {theirs:>13}{budget}")


if __name__ == "__main__":
    main()

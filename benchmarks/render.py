"""Whole-process wall time of ``planner render``, and how it grows with the record.

    python benchmarks/render.py [--runs N]

Times rendering the documents and skeleton for the default record (budget:
150 ms), then the documents alone for the seven heuristics (budget: 100 ms)
and for records with 10, 100 and 500 extra decisions from a generated question
pack, printing the time per decision so linear growth is visible.
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

from benchmarks.workloads import pack_with_decisions

BIN = Path(sys.executable).parent


def planner() -> str:
    found = shutil.which("planner", path=str(BIN)) or shutil.which("planner")
    if found is None:
        sys.exit("planner is not installed in this environment")
    return found


def time_render(exe: str, record: Path, work: Path, runs: int, *extra: str) -> list[float]:
    times = []
    for i in range(runs):
        out = work / f"out-{i}"
        start = time.perf_counter()
        subprocess.run(
            [exe, "render", str(record), "--out", str(out), *extra],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
        )
        times.append(time.perf_counter() - start)
        shutil.rmtree(out)
    return times


def make_record(exe: str, work: Path, extra: int) -> Path:
    target = work / f"project-{extra}"
    args = [exe, "new", str(target), "--defaults", "--date", "2026-11-24"]
    if extra:
        args += ["--questions", str(pack_with_decisions(work, extra))]
    subprocess.run(args, stdout=subprocess.DEVNULL, check=True)
    return target / "architecture" / "decisions.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    exe = planner()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        default = make_record(exe, work, 0)
        times = time_render(exe, default, work, args.runs)
        median = statistics.median(times) * 1000
        verdict = "ok" if median <= 150 else "MISSED"
        label = "documents + skeleton, default record"
        print(f"{label:<44} {median:7.1f} ms  budget 150 ms: {verdict}")
        print()
        print("documents only (--no-skeleton):")
        print(f"{'record':<34} {'median':>9} {'spread':>9} {'per decision':>13}")
        for extra in (0, 10, 100, 500):
            record = default if extra == 0 else make_record(exe, work, extra)
            runs = args.runs if extra < 500 else max(3, args.runs // 3)
            times = time_render(exe, record, work, runs, "--no-skeleton")
            median = statistics.median(times) * 1000
            spread = (max(times) - min(times)) * 1000
            decisions = 7 + extra
            label = "7 heuristics" if not extra else f"7 heuristics + {extra} custom"
            budget = ""
            if not extra:
                budget = "  budget 100 ms: " + ("ok" if median <= 100 else "MISSED")
            per = median / decisions
            print(f"{label:<34} {median:7.1f} ms {spread:7.1f} ms {per:10.2f} ms{budget}")


if __name__ == "__main__":
    main()

"""Whole-process time of ``planner revisit`` with one changed answer, three-way merge included.

    python benchmarks/revisit.py [--runs N]

Generates the default project, edits one generated module by hand, then times
``planner revisit --no-input --set logging.format=json`` on a fresh copy each
run. Budget: 300 ms (copier update with one changed answer takes about 1 s).
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

BIN = Path(sys.executable).parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    planner = shutil.which("planner", path=str(BIN)) or shutil.which("planner")
    if planner is None:
        sys.exit("planner is not installed in this environment")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = work / "svc"
        subprocess.run(
            [planner, "new", str(source), "--defaults", "--date", "2026-11-24"],
            check=True,
            capture_output=True,
        )
        setup = source / "src" / "svc" / "logging_setup.py"
        lines = setup.read_text().splitlines(keepends=True)
        setup.write_text("".join([lines[0], "# edited by the team\n", *lines[1:]]))
        times = []
        for i in range(args.runs):
            copy = work / f"run-{i}"
            shutil.copytree(source, copy)
            command = [
                planner,
                "revisit",
                str(copy / "architecture" / "decisions.yaml"),
                "--no-input",
                "--set",
                "logging.format=json",
            ]
            start = time.perf_counter()
            result = subprocess.run(command, capture_output=True, text=True)
            times.append(time.perf_counter() - start)
            if result.returncode != 0 or "merged" not in result.stdout:
                sys.exit(f"revisit failed:\n{result.stdout}{result.stderr}")
        median = statistics.median(times) * 1000
        spread = (max(times) - min(times)) * 1000
        verdict = "ok" if median <= 300 else "MISSED"
        print(
            f"planner revisit, one answer, merge included: median {median:.1f} ms, "
            f"spread {spread:.1f} ms (n={args.runs})  budget 300 ms: {verdict}"
        )
        copier = shutil.which("copier", path=str(BIN)) or shutil.which("copier")
        print("copier update: " + ("installed; not timed here yet" if copier else "not installed"))


if __name__ == "__main__":
    main()

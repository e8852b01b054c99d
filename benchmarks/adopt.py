"""Whole-process time of ``planner adopt`` next to ``planner check`` on the same codebase.

    python benchmarks/adopt.py [--runs N] [--codebase indico-3.2.9]

Uses the largest codebase of the real-world corpus (indico, about 1,150 Python files;
fetch it with tests/check/realworld/fetch.py). The codebase is copied to a temporary
folder, adopted once so that a record exists, then both commands are timed with an
empty facts cache (``--no-cache``) and with a warm one (each fills the cache the other
uses: they share check's per-file facts). Rounds are interleaved; medians are printed.
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

from tests.check.realworld.fetch import cache_dir

BIN = Path(sys.executable).parent


def planner() -> str:
    found = shutil.which("planner", path=str(BIN)) or shutil.which("planner")
    if found is None:
        sys.exit("planner is not installed in this environment")
    return found


def timed(command: list[str], ok: tuple[int, ...] = (0, 1)) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    took = (time.perf_counter() - start) * 1000
    if result.returncode not in ok:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--codebase", default="indico-3.2.9")
    args = parser.parse_args()
    source = cache_dir() / args.codebase
    if not (source / ".complete").exists():
        sys.exit(f"{source} is missing: run python tests/check/realworld/fetch.py")
    exe = planner()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / args.codebase
        shutil.copytree(source, root)
        files = sum(1 for _ in root.rglob("*.py"))
        timed([exe, "adopt", str(root)], ok=(0,))
        commands = {
            "adopt": [exe, "adopt", str(root), "--dry-run"],
            "check": [exe, "check", str(root)],
        }
        results: dict[str, list[float]] = {}
        for cache in ("cold", "warm"):
            for _ in range(args.runs):
                for name, command in commands.items():
                    extra = ["--no-cache"] if cache == "cold" else []
                    results.setdefault(f"{name} {cache}", []).append(timed([*command, *extra]))
        print(f"{args.codebase}: {files} Python files, {args.runs} interleaved rounds, median ms")
        print(f"{'command':<14} {'median ms':>10} {'spread ms':>10}")
        for name, times in results.items():
            spread = max(times) - min(times)
            print(f"{name:<14} {statistics.median(times):>10.0f} {spread:>10.0f}")


if __name__ == "__main__":
    main()

"""``planner check`` on a large real codebase next to import-linter and tach; with many findings.

    python benchmarks/check_corpus.py [--runs N] [--sizes 1000,2000,4000,8000] [--results FILE]

1. The largest codebase of the test corpus (indico, about 1,150 modules, fetched from PyPI
   by tests/check/realworld/fetch.py): planner with every rule on, cold (``--no-cache``) and
   warm (the per-file facts cache filled, files unchanged), next to ``lint-imports`` cold
   (``--no-cache``) and warm (its cache filled) on the equivalent forbidden-import contract,
   and ``tach check`` when tach is installed. Runs are interleaved; medians are reported.
   Goals: planner cold within 2x import-linter cold, planner warm within import-linter warm.
2. Generated codebases where every module has findings (prints, configuration read at
   import, an impure chain into the core, no logger, no test): time against modules and
   findings, which should both grow linearly.

tach is looked up next to this Python, then on PATH.

Results go to stdout and benchmarks/results/check.md; the exit status is 0 (figures, not
pass/fail: the machine's load changes them).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from tests.check.realworld.fetch import cache_dir, fetch  # noqa: E402

BIN = Path(sys.executable).parent
CORE = ["util.date_time", "util.string", "util.fs", "util.caching", "util.decorators", "util.enum"]
EVERY_RULE = [
    "deployment.artifact=docker",
    "deployment.ci=github",
    "initialization.entry_point=factory",
    "initialization.wiring=composition_root",
    "lifetimes.db_session=scoped_session",
    "layout.style=by_feature",
    "layout.features=events,users,rb",
    "testing.layout=mirror",
    "infrastructure.isolation=ports_and_adapters",
]


def find(name: str) -> str | None:
    return shutil.which(name, path=str(BIN)) or shutil.which(name)


CPU: dict[str, list[float]] = {}  # per case: CPU ms of the process and its workers
LAST_CPU = 0.0


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (usage.ru_utime + usage.ru_stime) * 1000


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    """Wall milliseconds of one whole process (its CPU milliseconds go to :data:`LAST_CPU`)."""
    global LAST_CPU
    cpu = _children_cpu()
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    LAST_CPU = _children_cpu() - cpu
    if result.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return elapsed * 1000


def interleave(cases: dict[str, Callable[[], float]], runs: int) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, case in cases.items():
            times[name].append(case())
            CPU.setdefault(name, []).append(LAST_CPU)
    return {name: statistics.median(values) for name, values in times.items()}


def compile_planner() -> None:
    """Bytecode for planner's own modules, as an installed wheel has: with
    PYTHONDONTWRITEBYTECODE set, an editable install would compile them on every run."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(REPO / "planner")],
        check=True,
        capture_output=True,
    )


def prepare_indico(work: Path) -> Path:
    [source] = [p for p in fetch(cache_dir()) if p.name.startswith("indico-")]
    root = work / "indico"
    shutil.copytree(source, root, ignore=shutil.ignore_patterns("*.dist-info"))
    core = ", ".join(f'"{c}"' for c in CORE)
    (root / "pyproject.toml").write_text(
        "[tool.planner.check]\n"
        'package = "indico"\n'
        f"core = [{core}]\n"
        'forbidden = ["sqlalchemy"]\n'
        'extend-app-classes = ["IndicoFlask"]\n'
        'extend-log-setup = ["Logger.init"]\n'
    )
    sources = "\n".join(f"    indico.{c}" for c in CORE)
    (root / "importlinter.ini").write_text(
        "[importlinter]\nroot_package = indico\ninclude_external_packages = True\n\n"
        "[importlinter:contract:core]\nname = utilities stay free of SQLAlchemy\n"
        f"type = forbidden\nsource_modules =\n{sources}\nforbidden_modules =\n    sqlalchemy\n"
    )
    modules = "\n".join(f'[[modules]]\npath = "indico.{c}"\ndepends_on = []\n' for c in CORE)
    (root / "tach.toml").write_text(f'source_roots = ["."]\n\n{modules}')
    return root


def real_codebase(runs: int) -> list[str]:
    planner, linter, tach = find("planner"), find("lint-imports"), find("tach")
    if planner is None or linter is None:
        sys.exit("planner and import-linter must be installed in this environment")
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        root = prepare_indico(Path(tmp))
        modules = sum(1 for _ in (root / "indico").rglob("*.py"))
        rules = [f"--rules={r}" for r in EVERY_RULE]
        env = {**os.environ, "PYTHONPATH": str(root)}
        check = [planner, "check", ".", *rules]
        subprocess.run(check, cwd=root, capture_output=True)  # fill planner's cache
        lint = [linter, "--config", "importlinter.ini"]
        subprocess.run(lint, cwd=root, capture_output=True, env=env)  # fill import-linter's
        cases: dict[str, Callable[[], float]] = {
            "planner cold": lambda: timed([*check, "--no-cache"], root),
            "planner warm": lambda: timed(check, root),
            "import-linter cold": lambda: timed([*lint, "--no-cache"], root, env),
            "import-linter warm": lambda: timed(lint, root, env),
        }
        if tach:
            cases["tach"] = lambda: timed([tach, "check"], root, env)
        medians = interleave(cases, runs)
    il_cold, il_warm = medians["import-linter cold"], medians["import-linter warm"]
    version = ".".join(map(str, sys.version_info[:3]))
    lines.append(
        f"indico 3.2.9, {modules} modules, Python {version}, median of {runs} interleaved runs "
        "(wall ms of the whole process; CPU ms of it and its workers)"
    )
    lines.append("")
    lines.append("| tool | ms | vs import-linter cold | vs import-linter warm | CPU ms |")
    lines.append("| --- | ---: | ---: | ---: | ---: |")
    for name, ms in medians.items():
        cpu = statistics.median(CPU[name])
        lines.append(
            f"| {name} | {ms:.0f} | {ms / il_cold:.2f}x | {ms / il_warm:.2f}x | {cpu:.0f} |"
        )
    if not tach:
        lines.append("| tach | not installed | | | |")
    cold_ok = medians["planner cold"] <= 2 * il_cold
    warm_ok = medians["planner warm"] <= il_warm
    lines.append("")
    lines.append(
        f"goal cold <= 2x import-linter cold: {'met' if cold_ok else 'MISSED'}; "
        f"goal warm <= import-linter warm: {'met' if warm_ok else 'MISSED'}"
    )
    return lines


FINDINGS_MODULE = """import os

from {package}.adapters import web_{n}

URL = os.environ["URL_{n}"]


def handle_{n}(value):
    print("handling", value)
    print("done")
    return web_{n}.render(value)
"""
ADAPTER = "import flask\n\n\ndef render(value):\n    return flask.escape(value)\n"


def many_findings(root: Path, modules: int) -> Path:
    """``modules`` core modules, each with an adapter: eight findings per pair."""
    package = root / "noisy"
    (package / "domain").mkdir(parents=True)
    (package / "adapters").mkdir()
    for folder in (package, package / "domain", package / "adapters"):
        (folder / "__init__.py").write_text("")
    for n in range(modules):
        text = FINDINGS_MODULE.format(package="noisy", n=n)
        (package / "domain" / f"case_{n}.py").write_text(text)
        (package / "adapters" / f"web_{n}.py").write_text(ADAPTER)
    return root


def scaling(sizes: list[int], runs: int) -> list[str]:
    planner = find("planner")
    assert planner is not None
    rules = [
        "--rules=infrastructure.isolation=ports_and_adapters",
        "--rules=layout.style=ports_and_adapters",
        "--rules=testing.layout=mirror",
    ]
    lines = [
        "| core modules | files | findings | cold ms | warm ms | cold ms per finding |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = many_findings(Path(tmp), size)
            command = [planner, "check", ".", "--package", "noisy", *rules, "--json"]
            result = subprocess.run(command, cwd=root, capture_output=True, text=True)
            import json

            findings = len(json.loads(result.stdout)["findings"])
            count = max(1, runs // 2) if size >= 8000 else runs
            medians = interleave(
                {
                    "cold": lambda c=command, r=root: timed([*c, "--no-cache"], r),
                    "warm": lambda c=command, r=root: timed(c, r),
                },
                count,
            )
            files = 2 * size + 3
            lines.append(
                f"| {size} | {files} | {findings} | {medians['cold']:.0f} | {medians['warm']:.0f}"
                f" | {medians['cold'] / findings:.3f} |"
            )
            print(lines[-1], flush=True)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1000,2000,4000,8000")
    parser.add_argument(
        "--results",
        type=Path,
        default=HERE / "results" / "check.md",
        help="where the figures go (another Python: another file)",
    )
    args = parser.parse_args()
    compile_planner()
    out = ["# planner check: a large real codebase, and many findings", ""]
    out += ["## Against import-linter (and tach) on the largest corpus codebase", ""]
    real = real_codebase(args.runs)
    print("\n".join(real), flush=True)
    out += real
    out += [
        "",
        "## Scaling with findings (generated: each core module and its adapter have eight)",
        "",
    ]
    out += scaling([int(s) for s in args.sizes.split(",")], args.runs)
    out += ["", f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} at the end"]
    args.results.parent.mkdir(exist_ok=True)
    args.results.write_text("\n".join(out) + "\n")
    print("\n".join(out[-3:]))


if __name__ == "__main__":
    main()

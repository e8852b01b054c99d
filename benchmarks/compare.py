"""Side-by-side timings of planner and the tools a team would otherwise use.

Run through ``benchmarks/run``, which prepares the environment. Every number is
whole-process wall time; tools are interleaved (A, B, C, A, B, C, ...) so a
noisy machine hurts them alike; medians and spreads are reported, and planner's
budgets are checked as ratios against the other tools.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.workloads import codebase, pack_with_decisions

BIN = Path(sys.executable).parent
RESULTS = Path(__file__).resolve().parent / "results"
GIT = [
    "git",
    "-c",
    "user.email=bench@example.invalid",
    "-c",
    "user.name=bench",
    "-c",
    "init.defaultBranch=main",
]


def tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN))
    if found is None:
        sys.exit(f"{name} is not installed in {BIN}; run benchmarks/run")
    return found


def run(command: list[str], cwd: Path | None = None, check: bool = True) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if check and result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return elapsed


def interleave(cases: dict[str, Callable[[int], float]], rounds: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in cases}
    for i in range(rounds):
        for name, case in cases.items():
            times[name].append(case(i))
    return times


def summary(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered) * 1000, (ordered[-1] - ordered[0]) * 1000


# -- equivalent templates ---------------------------------------------------------


def _templatable(text: str) -> bool:
    return "{{" not in text and "{%" not in text


def build_templates(source: Path, work: Path, package: str) -> tuple[Path, Path]:
    """A copier and a cookiecutter template that produce planner's default project."""
    copier_dir = work / "copier-template"
    cookie_dir = work / "cookiecutter-template"
    cookie_root = cookie_dir / "{{cookiecutter.project_slug}}"
    verbatim: list[str] = []
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if not path.is_file() or relative.parts[0] in (".planner", "architecture"):
            continue
        text = path.read_text(encoding="utf-8")
        templ_rel = Path(str(relative).replace(package, "@@PKG@@"))
        copier_path = copier_dir / str(templ_rel).replace("@@PKG@@", "{{ package }}")
        cookie_path = cookie_root / str(templ_rel).replace("@@PKG@@", "{{cookiecutter.package}}")
        copier_path.parent.mkdir(parents=True, exist_ok=True)
        cookie_path.parent.mkdir(parents=True, exist_ok=True)
        if _templatable(text):
            copier_path.with_name(copier_path.name + ".jinja").write_text(
                text.replace(package, "{{ package }}")
            )
            cookie_path.write_text(text.replace(package, "{{cookiecutter.package}}"))
        else:
            copier_path.write_text(text)
            cookie_path.write_text(text)
            verbatim.append(str(Path(str(templ_rel).replace("@@PKG@@", "*"))))
    (copier_dir / "logging.toml.jinja").write_text('format = "{{ logging_format }}"\n')
    (cookie_root / "logging.toml").write_text('format = "{{cookiecutter.logging_format}}"\n')
    (copier_dir / "{{ _copier_conf.answers_file }}.jinja").write_text(
        "{{ _copier_answers|to_nice_yaml -}}\n"
    )
    (copier_dir / "copier.yml").write_text(
        "_templates_suffix: .jinja\n"
        "project_name: {type: str, default: Bench App}\n"
        f"package: {{type: str, default: {package}}}\n"
        "logging_format: {type: str, default: text, choices: [text, json, structlog]}\n"
    )
    (cookie_dir / "cookiecutter.json").write_text(
        json.dumps(
            {
                "project_name": "Bench App",
                "project_slug": "bench-app",
                "package": package,
                "logging_format": "text",
                "_copy_without_render": verbatim,
            },
            indent=2,
        )
    )
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "v1"], ["tag", "v1"]):
        subprocess.run([*GIT, *command], cwd=copier_dir, check=True, capture_output=True)
    return copier_dir, cookie_dir


# -- the comparisons --------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    planner, copier, cookiecutter, lint = (
        tool(n) for n in ("planner", "copier", "cookiecutter", "lint-imports")
    )
    rows: list[tuple[str, str, float, float, str]] = []
    failures: list[str] = []

    def record(
        label: str,
        times: dict[str, list[float]],
        budget: Callable[[dict[str, float]], str | None] | None = None,
    ) -> None:
        medians = {name: summary(values) for name, values in times.items()}
        mine = medians["planner"][0]
        for name, (median, spread) in medians.items():
            ratio = "" if name == "planner" else f"{median / mine:.1f}x"
            rows.append((label, name, median, spread, ratio))
        if budget:
            missed = budget({name: m for name, (m, _) in medians.items()})
            if missed:
                failures.append(f"{label}: {missed}")

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env_source = work / "source"
        run([planner, "new", str(env_source), "--defaults", "--date", "2026-11-24"])
        package = "source"
        copier_template, cookie_template = build_templates(env_source, work, package)

        help_times = interleave(
            {
                "planner": lambda i: run([planner, "--help"]),
                "copier": lambda i: run([copier, "--help"]),
                "cookiecutter": lambda i: run([cookiecutter, "--help"]),
            },
            args.rounds,
        )
        record(
            "--help",
            help_times,
            lambda m: None if m["copier"] >= 3 * m["planner"] else "not 3x faster than copier",
        )

        gen = work / "gen"
        gen.mkdir()
        gen_times = interleave(
            {
                "planner": lambda i: run(
                    [
                        planner,
                        "new",
                        str(gen / f"p{i}" / package),
                        "--defaults",
                        "--date",
                        "2026-11-24",
                    ]
                ),
                "copier": lambda i: run(
                    [
                        copier,
                        "copy",
                        "--defaults",
                        "--trust",
                        "--quiet",
                        str(copier_template),
                        str(gen / f"c{i}"),
                    ]
                ),
                "cookiecutter": lambda i: run(
                    [cookiecutter, "--no-input", "-o", str(gen / f"k{i}"), str(cookie_template)]
                ),
            },
            args.rounds,
        )
        record(
            "generate default skeleton + docs",
            gen_times,
            lambda m: (
                None
                if m["copier"] >= 2 * m["planner"] and m["cookiecutter"] > m["planner"]
                else "not 2x faster than copier and faster than cookiecutter"
            ),
        )

        upd = work / "upd"
        upd.mkdir()

        def planner_revisit(i: int) -> float:
            project = upd / f"p{i}" / package
            run([planner, "new", str(project), "--defaults", "--date", "2026-11-24"])
            setup = project / "src" / package / "logging_setup.py"
            setup.write_text(setup.read_text() + "\n# hand edit\n")
            return run(
                [
                    planner,
                    "revisit",
                    str(project / "architecture/decisions.yaml"),
                    "--no-input",
                    "--set",
                    "logging.format=json",
                ]
            )

        def copier_update(i: int) -> float:
            project = upd / f"c{i}"
            run(
                [
                    copier,
                    "copy",
                    "--defaults",
                    "--trust",
                    "--quiet",
                    str(copier_template),
                    str(project),
                ]
            )
            setup = project / "src" / package / "logging_setup.py"
            setup.write_text(setup.read_text() + "\n# hand edit\n")
            for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "start"]):
                subprocess.run([*GIT, *command], cwd=project, check=True, capture_output=True)
            return run(
                [
                    copier,
                    "update",
                    "--defaults",
                    "--trust",
                    "--quiet",
                    "--data",
                    "logging_format=json",
                ],
                cwd=project,
            )

        record(
            "revisit one answer, hand edit kept",
            interleave({"planner": planner_revisit, "copier": copier_update}, args.rounds),
            lambda m: (
                None if m["copier"] >= 3 * m["planner"] else "not 3x faster than copier update"
            ),
        )

        code = codebase(work / "code", 1000)
        rules = [f"--rules={r}" for r in (code / "rules.txt").read_text().split()]
        check_times = interleave(
            {
                "planner": lambda i: run(
                    [planner, "check", ".", "--package", "bench_app", "--no-cache", *rules],
                    cwd=code,
                ),
                "import-linter": lambda i: run(
                    [lint, "--config", "importlinter.ini", "--no-cache"], cwd=code
                ),
            },
            max(3, args.rounds // 2),
        )
        record(
            "check 1,000 modules",
            check_times,
            lambda m: None if m["planner"] <= 2000 else "over 2 s",
        )

        render_curve = {}
        for extra in (10, 100, 500):
            pack = pack_with_decisions(work, extra)
            project = work / f"curve-{extra}"
            run(
                [
                    planner,
                    "new",
                    str(project),
                    "--defaults",
                    "--questions",
                    str(pack),
                    "--date",
                    "2026-11-24",
                ]
            )
            record_file = project / "architecture" / "decisions.yaml"
            times = [
                run(
                    [
                        planner,
                        "render",
                        str(record_file),
                        "--out",
                        str(work / f"o{extra}-{i}"),
                        "--no-skeleton",
                    ]
                )
                for i in range(3)
            ]
            render_curve[extra + 7] = statistics.median(times) * 1000
        check_curve = {}
        for size in (100, 1000, 5000):
            root = codebase(work / f"cc-{size}", size)
            rules = [f"--rules={r}" for r in (root / "rules.txt").read_text().split()]
            times = [
                run(
                    [planner, "check", ".", "--package", "bench_app", "--no-cache", *rules],
                    cwd=root,
                )
                for _ in range(3)
            ]
            check_curve[size] = statistics.median(times) * 1000

    RESULTS.mkdir(exist_ok=True)
    lines = [
        f"Measured on {os.cpu_count()} cores, Python {sys.version.split()[0]}; "
        f"whole-process wall time, {args.rounds} interleaved rounds, median (spread = max - min).",
        "",
        "| task | tool | median ms | spread ms | other / planner |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    lines += [
        f"| {label} | {name} | {median:.0f} | {spread:.0f} | {ratio} |"
        for label, name, median, spread, ratio in rows
    ]
    lines += ["", "| decisions rendered (documents only) | ms |", "| ---: | ---: |"]
    lines += [f"| {n} | {ms:.0f} |" for n, ms in render_curve.items()]
    lines += ["", "| modules checked | ms |", "| ---: | ---: |"]
    lines += [f"| {n} | {ms:.0f} |" for n, ms in check_curve.items()]
    lines += ["", "Budgets: " + ("all met." if not failures else "MISSED: " + "; ".join(failures))]
    (RESULTS / "latest.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        figure, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
        left.plot(list(render_curve), list(render_curve.values()), marker="o")
        left.set(title="planner render (documents)", xlabel="decisions", ylabel="ms")
        right.plot(list(check_curve), list(check_curve.values()), marker="o")
        right.set(title="planner check", xlabel="modules", ylabel="ms")
        figure.tight_layout()
        figure.savefig(RESULTS / "scaling.png", dpi=100)
    except ImportError:
        print("matplotlib is not installed: no plot")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

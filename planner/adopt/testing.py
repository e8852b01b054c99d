"""Heuristic 5, testing: where tests live, how they are named, the coverage floor."""

from __future__ import annotations

import re
from collections import Counter

from planner.adopt.choices import has, pick, value
from planner.adopt.codebase import Codebase, first
from planner.adopt.model import Answer, Evidence, contradicted, left_open
from planner.questions.model import Bank

KINDS = {
    "unit",
    "integration",
    "e2e",
    "functional",
    "acceptance",
    "system",
    "end_to_end",
    "endtoend",
    "smoke",
}
_FOLDERS = {"tests", "test", "testing"}


def test_files(code: Codebase) -> list[str]:
    return [
        f
        for f in code.files
        if f.endswith(".py")
        and (f.rsplit("/", 1)[-1].startswith("test_") or f.endswith("_test.py"))
    ]


def _kind_of(code: Codebase, path: str, subpackages: set[str]) -> str:
    parts = path.split("/")
    package = code.package_dir.relative_to(code.root).as_posix()
    if path.startswith(package + "/") and not _FOLDERS & set(parts[len(package.split("/")) : -1]):
        return "colocated"
    folders = [p for p in parts[:-1] if p not in _FOLDERS and p != "src" and p != code.package]
    if folders and folders[0] in KINDS:
        return "by_kind"
    if folders and folders[0] in subpackages:
        return "mirror"
    if not folders:
        return "flat"
    return "other"


def layout(code: Codebase, bank: Bank) -> tuple[Answer | None, list[str]]:
    qid = "testing.layout"
    files = test_files(code)
    if not files:
        # Only a source tree says "no tests yet": a released package (a wheel or sdist
        # unpacked) often leaves its tests out, so there the meeting decides.
        source_tree = any(
            (code.root / name).exists()
            for name in (".git", "pyproject.toml", "setup.py", "setup.cfg")
        )
        if source_tree and has(bank, qid, "none_yet"):
            return pick(
                bank, qid, "none_yet", "guess", [], finding="no test files were found"
            ), files
        return left_open(
            qid, "no test files were found (a released package may leave its tests out)"
        ), files
    subpackages = {
        code.relative_module(f).split(".")[0]
        for f in code.app_modules
        if f.is_package and code.relative_module(f)
    }
    kinds = Counter(_kind_of(code, f, subpackages) for f in files)
    examples = {k: [f for f in files if _kind_of(code, f, subpackages) == k] for k in kinds}
    if "flat" in kinds and "mirror" in kinds:
        kinds["mirror"] += kinds.pop(
            "flat"
        )  # top-level modules' tests sit at the top of the mirror
        examples["mirror"] += examples.pop("flat")
    evidence = {k: [Evidence(p, 0, f"{k} test") for p in v[:4]] for k, v in examples.items()}
    main = [k for k, n in kinds.items() if n >= max(2, len(files) // 5) and k != "other"]
    if len(main) > 1:
        counts = ", ".join(f"{kinds[k]} {k}" for k in sorted(main))
        return contradicted(
            qid,
            f"tests in more than one layout: {counts}",
            [e for k in sorted(main) for e in evidence[k][:3]],
        ), files
    if not main:
        return left_open(
            qid,
            "the test files follow no one layout",
            first(e for v in evidence.values() for e in v),
        ), files
    kind = main[0]
    if kind == "flat":
        note = (
            "every test sits directly in the tests folder; the package has no sub-packages "
            "to mirror"
        )
        if not subpackages:
            return pick(bank, qid, "mirror", "likely", evidence[kind], finding=note), files
        return pick(
            bank,
            qid,
            "flat",
            "likely",
            evidence[kind],
            nearest="mirror",
            finding="every test sits directly in the tests folder",
        ), files
    others = sum(n for k, n in kinds.items() if k != kind)
    finding = f"{others} of {len(files)} test files sit elsewhere" if others else ""
    return pick(
        bank, qid, kind, "likely" if others else "certain", evidence[kind], finding=finding
    ), files


def naming(
    code: Codebase, bank: Bank, files: list[str], chosen: Answer | None = None
) -> Answer | None:
    qid = "testing.naming"
    if not has(bank, qid) or (chosen is not None and chosen.value == "none_yet"):
        return None  # no tests yet: the question does not apply
    if not files:
        return left_open(qid, "no test files were found, so their names cannot be read")
    suffix = [f for f in files if f.endswith("_test.py")]
    prefix = [f for f in files if f.rsplit("/", 1)[-1].startswith("test_")]
    evidence = [Evidence(p, 0, "test file") for p in (suffix or prefix)[:3]]
    if suffix and prefix:
        return contradicted(
            qid,
            f"{len(prefix)} test_*.py and {len(suffix)} *_test.py files",
            [Evidence(p, 0, "test file") for p in (prefix[:2] + suffix[:2])],
        )
    return pick(bank, qid, "test_suffix" if suffix else "test_prefix", "certain", evidence)


_FAIL_UNDER = re.compile(r"--cov-fail-under[= ](\d+)|fail_under\s*=\s*(\d+)|fail-under\s*=\s*(\d+)")


def coverage(code: Codebase, bank: Bank) -> Answer | None:
    qid = "testing.coverage"
    if not has(bank, qid):
        return None
    for name in code.matching(
        "pyproject.toml", "setup.cfg", "tox.ini", "pytest.ini", ".coveragerc"
    ):
        for number, line in enumerate(code.lines(name), 1):
            match = _FAIL_UNDER.search(line)
            if match:
                floor = int(next(g for g in match.groups() if g))
                return value(
                    bank, qid, floor, "certain", [Evidence(name, number, line.strip()[:120])]
                )
    if not code.matching("pyproject.toml", "setup.cfg", "tox.ini", "pytest.ini", ".coveragerc"):
        return left_open(qid, "no test configuration (pyproject.toml, setup.cfg, tox.ini) here")
    return value(bank, qid, 0, "likely", [], "no coverage floor is configured")


def adopt(code: Codebase, bank: Bank) -> list[Answer | None]:
    chosen, files = layout(code, bank)
    return [chosen, naming(code, bank, files, chosen), coverage(code, bank)]

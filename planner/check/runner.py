"""Run the rules that the recorded decisions call for over a codebase."""

from __future__ import annotations

import fnmatch
import logging
import os
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from planner.check.facts import ModuleFacts, gather
from planner.check.model import Context, Finding, Rule
from planner.check.rules import ALL
from planner.errors import PlannerError
from planner.questions.model import Value

logger = logging.getLogger(__name__)

PARALLEL_FROM = 200  # files; below this, starting worker processes costs more than it saves


class CheckError(PlannerError):
    """The codebase cannot be checked as asked (no package, unknown rule)."""


@dataclass
class Report:
    findings: list[Finding]
    files: int
    rules: list[Rule]
    adrs: dict[str, str] = field(default_factory=dict)

    @property
    def clean(self) -> bool:
        return not self.findings


def find_package(root: Path, package: str) -> Path:
    for candidate in (root / "src" / package, root / package):
        if (candidate / "__init__.py").is_file() or candidate.is_dir():
            return candidate
    raise CheckError(
        f"package {package!r} not found under {root} (looked in src/{package} and {package})"
    )


def _gather_all(files: list[Path], top: Path) -> list[ModuleFacts]:
    if len(files) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        return [gather(path, top) for path in files]
    with ProcessPoolExecutor() as pool:
        return list(pool.map(gather, files, [top] * len(files), chunksize=64))


def _adr_links(root: Path) -> dict[str, str]:
    from planner.render.adrs import scan
    from planner.render.documents import adr_folder

    try:
        folder = adr_folder(root)
        return {a.decision: f"{folder}/{a.filename}" for a in scan(root / folder) if a.decision}
    except PlannerError:
        return {}


def select_rules(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
    known = {rule.id for rule in ALL}
    chosen, dropped = {s.upper() for s in select}, {s.upper() for s in ignore}
    unknown = sorted((chosen | dropped) - known)
    if unknown:
        raise CheckError(f"unknown rule {', '.join(unknown)}; rules: {', '.join(sorted(known))}")
    return [r for r in ALL if (not chosen or r.id in chosen) and r.id not in dropped]


def run_check(
    root: Path,
    package: str,
    answers: Mapping[str, Value],
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    exclude: Sequence[str] = (),
    rule_excludes: Mapping[str, Sequence[str]] | None = None,
) -> Report:
    """Findings for ``root`` against ``answers``; files that do not parse are findings too."""
    package_dir = find_package(root, package)
    files = sorted(
        p
        for p in package_dir.rglob("*.py")
        if not any(fnmatch.fnmatch(p.relative_to(root).as_posix(), pattern) for pattern in exclude)
    )
    facts = _gather_all(files, package_dir.parent)
    ctx = Context(root, package, package_dir, answers, {f.module: f for f in facts})
    rules = select_rules(select, ignore)
    findings: list[Finding] = []
    for item in facts:
        if item.syntax_error:
            line, column, message = item.syntax_error
            findings.append(
                Finding("PAR001", ctx.rel(item.path), line, column, f"does not parse: {message}")
            )
    for rule in rules:
        if not rule.applies(ctx):
            continue
        for finding in rule.check(ctx):
            module = next((f for f in facts if ctx.rel(f.path) == finding.path), None)
            if module is not None and module.suppressed(finding.line, finding.rule):
                continue
            patterns = (rule_excludes or {}).get(finding.rule, ())
            if any(fnmatch.fnmatch(finding.path, pattern) for pattern in patterns):
                continue
            findings.append(finding)
    findings.sort(key=lambda f: (f.path, f.line, f.column, f.rule))
    logger.info(
        "checked %d files with %d rules: %d findings", len(files), len(rules), len(findings)
    )
    return Report(findings, len(files), rules, _adr_links(root))

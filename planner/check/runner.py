"""Run the rules that the recorded decisions call for over a codebase."""

from __future__ import annotations

import fnmatch
import functools
import gc
import hashlib
import logging
import os
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import ParamSpec, TypeVar

from planner.check.collect import gather_all as gather_all  # also for planner adopt
from planner.check.config import CheckConfig, requires_python
from planner.check.files import sorted_python_files
from planner.check.model import Context, Finding, Rule
from planner.check.rules import ALL
from planner.errors import PlannerError
from planner.questions.model import DEFERRED, Value

_P = ParamSpec("_P")
_R = TypeVar("_R")
logger = logging.getLogger(__name__)

KNOWN = {rule.id for rule in ALL}


class CheckError(PlannerError):
    """The codebase cannot be checked as asked (no package, unknown rule)."""


@dataclass
class Report:
    findings: list[Finding]
    files: int
    rules: list[Rule]
    adrs: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)  # per rule that ran, before the baseline
    notes: list[str] = field(default_factory=list)  # rules that found nothing to look at
    warnings: list[str] = field(default_factory=list)  # malformed or unknown suppressions
    skipped: list[Rule] = field(default_factory=list)  # selected but not called for by the record
    decisions: dict[str, str] = field(default_factory=dict)  # rule -> what was decided
    recorded: bool = True  # the decisions come from a record (not only from --rules)
    baselined: int = 0  # findings accepted by the baseline
    fixed: int = 0  # baseline entries no longer found
    cached: int = 0  # files whose facts came from the cache

    @property
    def clean(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)


def find_package(root: Path, package: str) -> Path:
    for candidate in (root / "src" / package, root / package):
        if candidate.is_dir() and not candidate.is_symlink():
            return candidate
    raise CheckError(
        f"package {package!r} not found under {root} (looked in src/{package} and {package})"
    )


ADR_DEFAULT = "docs/adr"  # planner.render.adrs.DEFAULT_ADR_DIR, without importing the renderer


def _adr_links(root: Path) -> dict[str, str]:
    if not os.path.lexists(root / ".adr-dir") and not os.path.isdir(root / ADR_DEFAULT):
        return {}  # no ADR folder: nothing to link (and the renderer stays unimported)
    from planner.render.adrs import scan
    from planner.render.documents import adr_folder

    try:
        folder = adr_folder(root)
        return {a.decision: f"{folder}/{a.filename}" for a in scan(root / folder) if a.decision}
    except (PlannerError, OSError, ValueError):
        return {}


def select_rules(select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Rule]:
    chosen, dropped = {s.upper() for s in select}, {s.upper() for s in ignore}
    unknown = sorted((chosen | dropped) - KNOWN)
    if unknown:
        raise CheckError(f"unknown rule {', '.join(unknown)}; rules: {', '.join(sorted(KNOWN))}")
    return [r for r in ALL if (not chosen or r.id in chosen) and r.id not in dropped]


def fingerprint(finding: Finding, occurrence: int) -> str:
    """Stable across edits elsewhere in the file: rule, path and the code involved, no line."""
    what = finding.code or finding.message
    text = f"{finding.rule}\0{finding.path}\0{what}\0{occurrence}"
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def _fingerprinted(findings: list[Finding]) -> list[Finding]:
    seen: Counter[tuple[str, str, str]] = Counter()
    out = []
    for finding in findings:
        slot = (finding.rule, finding.path, finding.code or finding.message)
        out.append(
            Finding(
                finding.rule,
                finding.path,
                finding.line,
                finding.column,
                finding.message,
                finding.severity,
                finding.code,
                fingerprint(finding, seen[slot]),
            )
        )
        seen[slot] += 1
    return out


def _decided(rule: Rule, answers: Mapping[str, Value]) -> str:
    parts = []
    for qid in rule.decides:
        value = answers.get(qid)
        if value is not None:
            shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
            parts.append(f"{qid} = {shown}")
    return "; ".join(parts)


def _collector_off(run: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run with the cycle collector off: facts are hundreds of thousands of tuples in no
    cycle, and walking them again and again would cost more than the rules."""

    @functools.wraps(run)
    def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return run(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return wrapped


@_collector_off
def run_check(
    root: Path,
    package: str,
    answers: Mapping[str, Value],
    *,
    config: CheckConfig | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    exclude: Sequence[str] = (),
    rule_excludes: Mapping[str, Sequence[str]] | None = None,
    use_cache: bool = True,
    recorded: bool = True,
) -> Report:
    """Findings for ``root`` against ``answers``; files that do not parse are findings too."""
    config = config or CheckConfig()
    # A question left open for a later meeting decides nothing, so no rule enforces it.
    answers = {k: v for k, v in answers.items() if v is not DEFERRED}
    package_dir = find_package(root, package)
    patterns = [*config.exclude, *exclude]
    files = sorted_python_files(package_dir)
    if patterns:
        files = [
            p
            for p in files
            if not any(fnmatch.fnmatch(p.relative_to(root).as_posix(), pat) for pat in patterns)
        ]
    facts, cached = gather_all(files, package_dir.parent, root, use_cache)
    ctx = Context(
        root,
        package,
        package_dir,
        answers,
        {f.module: f for f in facts},
        config,
        requires_python=requires_python(root),
    )
    by_path = {ctx.rel(f.path): f for f in facts}
    rules = select_rules(select or config.select, [*ignore, *config.ignore])
    excludes = {**config.rule_excludes, **(rule_excludes or {})}
    findings: list[Finding] = []
    ran: list[Rule] = []
    skipped: list[Rule] = []
    counts: dict[str, int] = {}
    for rule in rules:
        if not rule.applies(ctx):
            skipped.append(rule)
            continue
        ran.append(rule)
        counts[rule.id] = 0
        severity = config.severity(rule.id, rule.severity)
        for finding in rule.check(ctx):
            module = by_path.get(finding.path)
            if module is not None and module.suppressed(finding.line, finding.rule):
                continue
            if any(fnmatch.fnmatch(finding.path, p) for p in excludes.get(finding.rule, ())):
                continue
            counts[rule.id] += 1
            if finding.severity != severity:
                finding = replace(finding, severity=severity)
            findings.append(finding)
    warnings = []
    for item in facts:
        rel = ctx.rel(item.path)
        for bad in item.malformed:
            warnings.append(
                f"{rel}:{bad.line}: suppression `{bad.text}` is not understood and silences "
                "nothing; write `# planner: ignore[RULE]` (upper-case ids, no space before [)"
            )
        for line, ids in sorted(item.suppressions.items()):
            for rule_id in sorted((ids or set()) - KNOWN):
                warnings.append(f"{rel}:{line}: suppression names unknown rule {rule_id}")
    findings.sort(key=lambda f: (f.path, f.line, f.column, f.rule))
    logger.info(
        "checked %d files (%d from the cache) with %d rules: %d findings",
        len(files),
        cached,
        len(ran),
        len(findings),
    )
    return Report(
        _fingerprinted(findings),
        len(files),
        ran,
        _adr_links(root),
        counts=counts,
        notes=ctx.notes,
        warnings=sorted(set(warnings)),
        skipped=skipped,
        decisions={r.id: _decided(r, answers) for r in ran if _decided(r, answers)},
        recorded=recorded,
        cached=cached,
    )

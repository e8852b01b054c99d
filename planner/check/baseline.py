"""A baseline of accepted findings, so a codebase with history can adopt check today.

Known findings (matched by fingerprint, never by line number) are accepted;
new ones fail. When a known finding is fixed, its entry is dropped, so the
baseline only ever shrinks: it ratchets down, it never grows on its own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from planner.check.files import Unreadable, atomic_write, inside, read_text
from planner.check.model import Finding
from planner.errors import PlannerError

FORMAT = 1


class BaselineError(PlannerError):
    """The baseline file cannot be used; the message names it."""


@dataclass(frozen=True)
class Applied:
    findings: list[Finding]  # the new ones
    accepted: int
    fixed: int
    kept: list[dict[str, str]]  # the entries still found


def load(path: Path, root: Path) -> list[dict[str, str]]:
    if not path.exists():
        raise BaselineError(f"{path}: no such baseline; write one with --update-baseline")
    try:
        data = json.loads(read_text(path, root))
    except Unreadable as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {exc}") from None
    except (ValueError, RecursionError) as exc:
        raise BaselineError(f"{path}: the baseline is not valid JSON: {exc}") from None
    entries = data.get("findings") if isinstance(data, dict) else None
    if (
        not isinstance(data, dict)
        or data.get("format") != FORMAT
        or not isinstance(entries, list)
        or not all(isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries)
    ):
        raise BaselineError(
            f"{path}: not a planner check baseline (format {FORMAT} with a findings list)"
        )
    return entries


def apply(findings: list[Finding], entries: list[dict[str, str]]) -> Applied:
    known = {e["fingerprint"]: e for e in entries}
    new = [f for f in findings if f.fingerprint not in known]
    found = {f.fingerprint for f in findings}
    kept = [e for e in entries if e["fingerprint"] in found]
    return Applied(new, len(findings) - len(new), len(entries) - len(kept), kept)


def entry(finding: Finding) -> dict[str, str]:
    return {
        "fingerprint": finding.fingerprint,
        "rule": finding.rule,
        "path": finding.path,
        "message": finding.message,
    }


def write(path: Path, root: Path, entries: list[dict[str, str]]) -> None:
    if not inside(path.parent, root) or path.is_symlink():
        raise BaselineError(f"{path}: the baseline must be a file inside the project {root}")
    ordered = sorted(
        entries, key=lambda e: (e.get("path", ""), e.get("rule", ""), e["fingerprint"])
    )
    data = {"format": FORMAT, "findings": ordered}
    try:
        atomic_write(path, (json.dumps(data, indent=1) + "\n").encode())
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write the baseline: {exc.strerror or exc}") from None

"""Reports of a check: linter-style text, JSON, and SARIF for code-scanning tools."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from planner import __version__
from planner.check.model import Finding, Rule
from planner.check.runner import Report


def _heuristic(report: Report, rule_id: str) -> str | None:
    return next((r.heuristic for r in report.rules if r.id == rule_id), None)


def _why(report: Report, finding: Finding) -> str:
    """What was decided and where it is explained, for one finding."""
    parts = []
    decided = report.decisions.get(finding.rule)
    if decided:
        parts.append(f"decided: {decided}")
    adr = report.adrs.get(_heuristic(report, finding.rule) or "")
    if adr:
        parts.append(f"see {adr}")
    return f" ({'; '.join(parts)})" if parts else ""


def text(report: Report) -> str:
    lines = [
        f"{f.path}:{f.line}:{f.column} {f.rule} {f.message}"
        + (" [warning]" if f.severity == "warning" else "")
        for f in report.findings
    ]
    lines += [f"warning: {w}" for w in report.warnings]
    lines += [f"note: {n}" for n in report.notes]
    count = len(report.findings)
    ran = ", ".join(f"{rule.id} {report.counts.get(rule.id, 0)}" for rule in report.rules)
    lines.append(f"rules run: {ran or 'none'}")
    if report.skipped:
        lines.append("not called for by the decisions: " + ", ".join(r.id for r in report.skipped))
    if report.baselined or report.fixed:
        lines.append(
            f"baseline: {report.baselined} known finding{'s' if report.baselined != 1 else ''}"
            f" accepted, {report.fixed} fixed since"
        )
    source = "the recorded decisions" if report.recorded else "the decisions given with --rules"
    if count:
        lines.append(f"{count} finding{'s' if count != 1 else ''} in {report.files} files")
    elif report.baselined:
        lines.append(f"no new findings in {report.files} files (the baseline accepts the rest)")
    else:
        lines.append(f"all clear: {report.files} files follow {source}")
    return "\n".join(lines) + "\n"


def as_json(report: Report) -> str:
    data = {
        "tool": {"name": "planner", "version": __version__},
        "files": report.files,
        "cached": report.cached,
        "rules": [r.id for r in report.rules],
        "counts": report.counts,
        "skipped": [r.id for r in report.skipped],
        "notes": report.notes,
        "warnings": report.warnings,
        "baseline": {"accepted": report.baselined, "fixed": report.fixed},
        "findings": [
            {
                "rule": f.rule,
                "severity": f.severity,
                "path": f.path,
                "line": f.line,
                "column": f.column,
                "message": f.message,
                "fingerprint": f.fingerprint,
                "heuristic": _heuristic(report, f.rule),
                "decided": report.decisions.get(f.rule),
                "adr": report.adrs.get(_heuristic(report, f.rule) or ""),
            }
            for f in report.findings
        ],
    }
    return json.dumps(data, indent=2) + "\n"


def _rule_descriptor(rule: Rule, report: Report) -> dict[str, Any]:
    adr = report.adrs.get(rule.heuristic)
    decided = report.decisions.get(rule.id)
    help_text = rule.summary + "." + (f" Decided: {decided}." if decided else "")
    if adr:
        help_text += f" Explained in {adr}."
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": help_text},
        "help": {"text": help_text},
        "properties": {"heuristic": rule.heuristic, **({"adr": adr} if adr else {})},
        "defaultConfiguration": {"level": rule.severity},
    }
    return descriptor


def sarif(report: Report) -> str:
    index = {rule.id: i for i, rule in enumerate(report.rules)}
    data = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "planner",
                        "version": __version__,
                        "rules": [_rule_descriptor(r, report) for r in report.rules],
                    }
                },
                "results": [
                    {
                        "ruleId": f.rule,
                        **({"ruleIndex": index[f.rule]} if f.rule in index else {}),
                        "level": f.severity,
                        "message": {"text": f.message + _why(report, f)},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {
                                        "uri": quote(f.path),
                                        "uriBaseId": "%SRCROOT%",
                                    },
                                    "region": {"startLine": f.line, "startColumn": f.column},
                                }
                            }
                        ],
                        "partialFingerprints": {"plannerFingerprint/v1": f.fingerprint},
                    }
                    for f in report.findings
                ],
            }
        ],
    }
    return json.dumps(data, indent=2) + "\n"


FORMATS = {"text": text, "json": as_json, "sarif": sarif}

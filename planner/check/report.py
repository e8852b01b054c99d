"""Reports of a check: linter-style text, JSON, and SARIF for code-scanning tools."""

from __future__ import annotations

import json
from typing import Any

from planner import __version__
from planner.check.model import Rule
from planner.check.runner import Report


def _heuristic(report: Report, rule_id: str) -> str | None:
    return next((r.heuristic for r in report.rules if r.id == rule_id), None)


def text(report: Report) -> str:
    lines = [f"{f.path}:{f.line}:{f.column} {f.rule} {f.message}" for f in report.findings]
    count = len(report.findings)
    if count:
        lines.append(
            f"{count} finding{'s' if count != 1 else ''} in {report.files} files"
            f" ({len(report.rules)} rules)"
        )
    else:
        lines.append(
            f"all clear: {report.files} files follow the recorded decisions"
            f" ({len(report.rules)} rules)"
        )
    return "\n".join(lines) + "\n"


def as_json(report: Report) -> str:
    data = {
        "files": report.files,
        "rules": [r.id for r in report.rules],
        "findings": [
            {
                "rule": f.rule,
                "severity": f.severity,
                "path": f.path,
                "line": f.line,
                "column": f.column,
                "message": f.message,
                "heuristic": _heuristic(report, f.rule),
                "adr": report.adrs.get(_heuristic(report, f.rule) or ""),
            }
            for f in report.findings
        ],
    }
    return json.dumps(data, indent=2) + "\n"


def _rule_descriptor(rule: Rule, report: Report) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "shortDescription": {"text": rule.summary},
        "properties": {"heuristic": rule.heuristic},
        "defaultConfiguration": {"level": rule.severity},
    }
    adr = report.adrs.get(rule.heuristic)
    if adr:
        descriptor["helpUri"] = adr
    return descriptor


def sarif(report: Report) -> str:
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
                        "level": f.severity,
                        "message": {"text": f.message},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {"uri": f.path},
                                    "region": {"startLine": f.line, "startColumn": f.column},
                                }
                            }
                        ],
                    }
                    for f in report.findings
                ],
            }
        ],
    }
    return json.dumps(data, indent=2) + "\n"


FORMATS = {"text": text, "json": as_json, "sarif": sarif}

"""Where a codebase makes its app object: the classes, the calls, the factories around them.

Shared by the initialization questions (entry point, configuration, database) and by the
``check:`` names adopt writes.
"""

from __future__ import annotations

import re

from planner.adopt.codebase import Codebase
from planner.adopt.model import Evidence
from planner.check.facts import ModuleFacts

GLOBAL = re.compile(r"^(\s+)global\s+(\w+(?:\s*,\s*\w+)*)")
DEF = re.compile(r"^(\s*)(?:async\s+)?def\s+(\w+)")


def app_classes(code: Codebase) -> list[str]:
    """The project's own app classes: ``class IndicoFlask(Flask)`` in a module importing Flask."""
    own = set()
    for facts in code.app_modules:
        if not any(i.target in ("flask.Flask", "falcon.App", "falcon.API") for i in facts.imports):
            continue
        for name in facts.classes:
            if name.endswith(("Flask", "App")) and name not in ("Flask", "App"):
                own.add(name)
    return sorted(own)


def app_creations(code: Codebase) -> list[tuple[ModuleFacts, str | None, Evidence]]:
    """Every call that creates the app object: (module, enclosing function or None, where)."""
    if "app_creations" in code.memo:
        return list(code.memo["app_creations"])
    found = []
    classes = (*code.config.app_classes, *app_classes(code))
    for facts, call in code.call_sites(*classes):
        where = Evidence(code.rel(facts.path), call.line, f"{call.name}()")
        found.append((facts, call.function if not call.import_time else None, where))
    code.memo["app_creations"] = found
    return list(found)


def factories(code: Codebase) -> list[tuple[str, Evidence]]:
    """Functions that create the app object: the project's app factories, by their own names."""
    out = []
    for facts, function, evidence in app_creations(code):
        if function is not None and function in facts.functions:
            out.append(
                (
                    function,
                    Evidence(
                        evidence.path,
                        evidence.line,
                        f"{function}() creates the app: {evidence.text}",
                    ),
                )
            )
    return out


def memoized(code: Codebase, made: list[tuple[str, Evidence]]) -> list[tuple[str, Evidence]]:
    """Factories that create the app once and keep it in a module global (``global APP`` ...
    ``return APP``), with where, and the modules that take the app from them at import time."""
    found: list[tuple[str, Evidence]] = []
    for name, evidence in made:
        lines = code.lines(evidence.path)
        start = next(
            (
                n
                for n, line in enumerate(lines)
                if (m := DEF.match(line)) and m.group(2) == name and not m.group(1)
            ),
            None,
        )
        if start is None:
            continue
        body: list[tuple[int, str]] = []
        for number in range(start + 1, len(lines)):
            line = lines[number]
            if line.strip() and not line[:1].isspace():
                break
            body.append((number + 1, line))
        kept = {
            held.strip(): number
            for number, line in body
            if (m := GLOBAL.match(line))
            for held in m.group(2).split(",")
        }
        returned = [
            (number, held)
            for number, line in body
            if (m := re.match(r"\s+return\s+(\w+)\s*$", line)) and (held := m.group(1)) in kept
        ]
        if not returned:
            continue
        number, held = returned[0]
        found.append((name, evidence))
        found.append((name, Evidence(evidence.path, kept[held], f"global {held}")))
        found.append(
            (name, Evidence(evidence.path, number, f"return {held}: the same app each call"))
        )
        callers = [
            Evidence(code.rel(facts.path), call.line, f"{call.name}() at import time")
            for facts, call in code.call_sites(name)
            if call.import_time
        ]
        found += [(name, e) for e in callers[:4]]
        if len(callers) > 4:
            found.append(
                (
                    name,
                    Evidence(
                        callers[4].path, callers[4].line, f"... {len(callers)} such calls in all"
                    ),
                )
            )
    return found

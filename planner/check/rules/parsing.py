"""Files planner cannot read or parse: a finding like any other, never a crash."""

from __future__ import annotations

import re
from collections.abc import Iterable

from planner.check.model import Context, Finding, Rule


def _minimum(requires: str | None) -> tuple[int, int] | None:
    """The lowest Python a ``requires-python`` allows (``>=3.12`` -> (3, 12))."""
    if not requires:
        return None
    match = re.search(r">=?\s*(\d+)\.(\d+)", requires)
    return (int(match.group(1)), int(match.group(2))) if match else None


def _unparsable(ctx: Context) -> Iterable[Finding]:
    needs = _minimum(ctx.requires_python)
    for facts in ctx.modules.values():
        if not facts.syntax_error:
            continue
        line, column, message = facts.syntax_error
        grammar = tuple(int(p) for p in facts.grammar.split("."))
        text = f"does not parse with the Python {facts.grammar} grammar: {message}"
        if needs and needs > grammar:
            text += (
                f"; the project requires Python {ctx.requires_python}: "
                f"run planner with Python {needs[0]}.{needs[1]} or later"
            )
        elif message.startswith(("cannot", "too deeply")):
            text = message
        yield Finding("PAR001", ctx.rel(facts.path), line, column, text, code=message)


RULES = (
    Rule(
        "PAR001",
        "parsing",
        "every Python file can be read and parsed",
        lambda ctx: True,
        _unparsable,
    ),
)

"""Every rule, grouped by the heuristic whose decision it enforces."""

from __future__ import annotations

from planner.check.model import Rule
from planner.check.rules import (
    deployment,
    infrastructure,
    initialization,
    layout,
    lifetimes,
    logs,
    parsing,
    testing,
)

ALL: tuple[Rule, ...] = (
    *parsing.RULES,
    *deployment.RULES,
    *initialization.RULES,
    *lifetimes.RULES,
    *layout.RULES,
    *testing.RULES,
    *logs.RULES,
    *infrastructure.RULES,
)

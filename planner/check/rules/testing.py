"""Heuristic 5, testing: the test for every module is where the layout decision says."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from planner.check.model import Context, Finding, Rule


def expected(ctx: Context, path: Path) -> list[Path]:
    """Where the test of the module at ``path`` may be, per the chosen test layout."""
    relative = path.relative_to(ctx.package_dir)
    name = f"test_{path.stem}.py"
    layout = ctx.answer("testing.layout", "mirror")
    if layout == "colocated":
        return [path.with_name(name)]
    if layout in ("by_kind", "flat"):
        prefix = "_".join(relative.parts[:-1])
        flat = f"test_{prefix}_{path.stem}.py" if prefix else name
        if layout == "flat":
            return [ctx.root / "tests" / candidate for candidate in (flat, name)]
        return [
            ctx.root / "tests" / kind / candidate
            for kind in ("unit", "integration", "e2e")
            for candidate in (flat, name)
        ]
    return [ctx.root / "tests" / relative.parent / name]


def _tests_exist(ctx: Context) -> Iterable[Finding]:
    for facts in ctx.app_modules():
        if facts.is_package or facts.empty or facts.path.name == "__main__.py":
            continue
        candidates = expected(ctx, facts.path)
        if not any(c.is_file() for c in candidates):
            yield Finding(
                "TST001", ctx.rel(facts.path), 1, 1, f"no test at {ctx.rel(candidates[0])}"
            )


RULES = (
    Rule(
        "TST001",
        "testing",
        "every module has its test where the test layout puts it",
        lambda ctx: ctx.answer("testing.layout") in ("mirror", "by_kind", "colocated", "flat"),
        _tests_exist,
    ),
)

"""Heuristic 5, testing: the test for every module is where the layout decision says."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from planner.check.model import Context, Finding, Rule


def _names(ctx: Context, stem: str) -> list[str]:
    return [p.replace("{name}", stem) for p in ctx.config.test_patterns if "*" not in p]


def expected(ctx: Context, path: Path) -> list[Path]:
    """Where the test of the module at ``path`` may be, per the chosen test layout."""
    relative = path.relative_to(ctx.package_dir)
    names = _names(ctx, path.stem)
    layout = ctx.answer("testing.layout", "mirror")
    if layout == "colocated":
        return [path.with_name(name) for name in names]
    folders = [ctx.root / folder for folder in ctx.config.test_folders]
    if layout == "by_kind":
        prefix = "_".join(relative.parts[:-1])
        flat = [f"test_{prefix}_{path.stem}.py"] if prefix else []
        return [
            folder / kind / candidate
            for folder in folders
            for kind in ("unit", "integration", "e2e")
            for candidate in (*flat, *names)
        ]
    inside = [
        ctx.package_dir / folder / relative.parent / n
        for folder in ctx.config.test_folders
        for n in names
    ]
    return [*(folder / relative.parent / n for folder in folders for n in names), *inside]


class _TestIndex:
    """The test files directly in a test folder: the flat convention (``tests/test_auth.py``
    for the modules of ``auth/``, ``tests/test_views.py`` for ``views.py``)."""

    def __init__(self, ctx: Context) -> None:
        self.names: set[str] = set()
        roots = [ctx.root / f for f in ctx.config.test_folders]
        roots += [ctx.package_dir / f for f in ctx.config.test_folders]
        for root in roots:
            if root.is_dir():
                self.names.update(p.name for p in root.glob("*.py"))

    def covers(self, ctx: Context, path: Path) -> bool:
        relative = path.relative_to(ctx.package_dir)
        for stem in (path.stem, *relative.parts[:-1]):
            for pattern in ctx.config.test_patterns:
                name = pattern.replace("{name}", stem)
                if "*" in name:
                    prefix, _, suffix = name.partition("*")
                    if any(n.startswith(prefix) and n.endswith(suffix) for n in self.names):
                        return True
                elif name in self.names:
                    return True
        return False


def _tests_exist(ctx: Context) -> Iterable[Finding]:
    index: _TestIndex | None = None
    checked = 0
    for facts in ctx.app_modules():
        if (
            facts.is_package
            or facts.empty
            or facts.path.name == "__main__.py"
            or ctx.is_cli(facts)
            or facts.syntax_error
        ):
            continue
        checked += 1
        candidates = expected(ctx, facts.path)
        if any(c.is_file() for c in candidates):
            continue
        if ctx.answer("testing.layout", "mirror") == "mirror":
            index = index or _TestIndex(ctx)
            if index.covers(ctx, facts.path):
                continue
        yield Finding("TST001", ctx.rel(facts.path), 1, 1, f"no test at {ctx.rel(candidates[0])}")
    if not checked:
        ctx.note("TST001", "no application module to look for tests of")


RULES = (
    Rule(
        "TST001",
        "testing",
        "every module has its test where the test layout puts it",
        lambda ctx: ctx.answer("testing.layout") in ("mirror", "by_kind", "colocated"),
        _tests_exist,
        decides=("testing.layout",),
    ),
)

"""Heuristic 2, app initialization: a factory when decided; no configuration read at import."""

from __future__ import annotations

from collections.abc import Iterable

from planner.check.model import Context, Finding, Rule


def _factory_exists(ctx: Context) -> Iterable[Finding]:
    if not any("create_app" in facts.functions for facts in ctx.app_modules()):
        yield Finding(
            "INI001", ctx.rel(ctx.package_dir), 1, 1, "no create_app() app factory in the package"
        )


def _no_import_time_config(ctx: Context) -> Iterable[Finding]:
    for facts in ctx.app_modules():
        for line, column in facts.env_reads:
            yield Finding(
                "INI002",
                ctx.rel(facts.path),
                line,
                column,
                "configuration read at import time; read it when the app is created",
            )


RULES = (
    Rule(
        "INI001",
        "initialization",
        "an app factory exists when one was decided",
        lambda ctx: ctx.answer("initialization.entry_point") == "factory",
        _factory_exists,
    ),
    Rule(
        "INI002",
        "initialization",
        "configuration is not read at import time",
        lambda ctx: True,
        _no_import_time_config,
    ),
)

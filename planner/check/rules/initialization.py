"""Heuristic 2, app initialization: a factory when decided; no configuration read at import."""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable

from planner.check.model import Context, Finding, Rule


def _factory_exists(ctx: Context) -> Iterable[Finding]:
    names = set(ctx.config.factories)
    if not any(facts.functions & names for facts in ctx.app_modules()):
        yield Finding(
            "INI001",
            ctx.anchor(),
            1,
            1,
            f"no app factory in the package (looked for {', '.join(sorted(names))}()); "
            "name yours with `factories` in the check settings",
        )


def _no_import_time_config(ctx: Context) -> Iterable[Finding]:
    for facts in ctx.app_modules():
        for read in facts.env_reads:
            yield Finding(
                "INI002",
                ctx.rel(facts.path),
                read.line,
                read.column,
                "configuration read at import time; read it when the app is created",
                code=read.code,
            )


def _wired_as_decided(ctx: Context) -> Iterable[Finding]:
    wiring = ctx.answer("initialization.wiring")
    falcon = ctx.answer("infrastructure.framework") == "falcon"
    if falcon and wiring in ("extensions", "lazy"):
        wiring = "composition_root"  # Falcon has neither app.extensions nor flask.g
    modules = ctx.app_modules()
    classes = {name: methods for facts in modules for name, methods in facts.classes.items()}
    functions = {name for facts in modules for name in facts.functions}

    roots = ctx.config.composition_roots
    match = re.compile("|".join(fnmatch.translate(p) for p in roots)).match if roots else None

    def named(names: Iterable[str]) -> bool:
        """Any of ``names`` matches one of the composition-root globs (one regex for all)."""
        return match is not None and any(match(name) is not None for name in names)

    if wiring == "extensions":
        found = any(name.endswith(".init_app") for name in ctx.call_names())
        what = "no extension is bound with init_app()"
    elif wiring == "lazy":
        found = any(imp.target == "flask.g" for facts in modules for imp in facts.imports)
        what = "no resource is kept on flask.g"
    elif wiring == "composition_root":
        found = any(f.writes_extensions for f in modules) or named(classes) or named(functions)
        what = (
            "no composition root (an app.extensions entry, or a function or class named "
            f"{', '.join(ctx.config.composition_roots)}) was found"
        )
    else:
        found = any({"register", "resolve"} <= methods for methods in classes.values())
        what = "no container (a class with register() and resolve()) was found"
    if not found:
        yield Finding("INI003", ctx.anchor(), 1, 1, f"resources are not wired as decided: {what}")


RULES = (
    Rule(
        "INI001",
        "initialization",
        "an app factory exists when one was decided",
        lambda ctx: ctx.answer("initialization.entry_point") == "factory",
        _factory_exists,
        decides=("initialization.entry_point",),
    ),
    Rule(
        "INI002",
        "initialization",
        "configuration is not read at import time",
        lambda ctx: ctx.answer("initialization.config_read") != "import_time",
        _no_import_time_config,
        decides=("initialization.config_read",),
    ),
    Rule(
        "INI003",
        "initialization",
        "resources are wired the way the record says",
        lambda ctx: (
            ctx.answer("initialization.wiring")
            in ("extensions", "lazy", "composition_root", "container")
        ),
        _wired_as_decided,
        decides=("initialization.wiring",),
    ),
)

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


def _wired_as_decided(ctx: Context) -> Iterable[Finding]:
    wiring = ctx.answer("initialization.wiring")
    falcon = ctx.answer("infrastructure.framework") == "falcon"
    if falcon and wiring in ("extensions", "lazy"):
        wiring = "composition_root"  # Falcon has neither app.extensions nor flask.g
    modules = list(ctx.app_modules())
    classes = {name: methods for facts in modules for name, methods in facts.classes.items()}
    functions = {name for facts in modules for name in facts.functions}
    if wiring == "extensions":
        found = any(call.name.endswith(".init_app") for facts in modules for call in facts.calls)
        what = "no extension is bound with init_app()"
    elif wiring == "lazy":
        found = any(imp.target == "flask.g" for facts in modules for imp in facts.imports)
        what = "no resource is kept on flask.g"
    elif wiring == "composition_root":
        found = (
            any(f.writes_extensions for f in modules)
            or any("Services" in name for name in classes)
            or bool(functions & {"compose", "build_services"})
        )
        what = "no composition root (a Services object or app.extensions entry) was found"
    else:
        found = any({"register", "resolve"} <= methods for methods in classes.values())
        what = "no container (a class with register() and resolve()) was found"
    if not found:
        yield Finding(
            "INI003", ctx.rel(ctx.package_dir), 1, 1, f"resources are not wired as decided: {what}"
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
        lambda ctx: ctx.answer("initialization.config_read") != "import_time",
        _no_import_time_config,
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
    ),
)

"""Heuristic 6, logging: a logger per module, no print, logging configured before the app."""

from __future__ import annotations

from collections.abc import Iterable

from planner.check.facts import Call, ModuleFacts
from planner.check.model import Context, Finding, Names, Rule


def has_logger(facts: ModuleFacts, factories: Names) -> bool:
    return any(
        factories(b.call) or (b.uses_name and "log" in b.call.lower()) for b in facts.bindings
    )


def facade(facts: ModuleFacts) -> bool:
    """A package's ``__init__.py`` that only imports, names and aliases (``Driver =
    driver.Driver``, ``__version__ = "1.0"``): no function, class or call, so nothing
    in it would ever log."""
    return facts.is_package and not facts.functions and not facts.calls


def _module_logger(ctx: Context) -> Iterable[Finding]:
    structlog = ctx.answer("logging.format") == "structlog"
    factories = Names(ctx.config.logger_factories)
    for facts in ctx.app_modules():
        if (
            facts.empty
            or facts.reexports_only
            or facade(facts)
            or facts.syntax_error
            or has_logger(facts, factories)
        ):
            continue
        how = "structlog.get_logger(__name__)" if structlog else "logging.getLogger(__name__)"
        yield Finding(
            "LOG001", ctx.rel(facts.path), 1, 1, f"no module-level logger; add `logger = {how}`"
        )


def _script_only(ctx: Context, facts: ModuleFacts) -> set[str]:
    """The module's functions that only its ``if __name__ == "__main__":`` block calls (the
    command line entry of a module run with ``python -m``): their output is a script's."""
    scripted = {
        c.name for c in facts.calls if c.name in facts.functions and facts.in_script_block(c.line)
    }
    if not scripted:
        return scripted
    scripted -= {
        c.name
        for c in facts.calls
        if c.name in scripted and not facts.in_script_block(c.line) and c.function != c.name
    }
    imported = {f"{facts.module}.{name}" for name in scripted}
    used = {
        i.target.rsplit(".", 1)[-1]
        for other in ctx.modules.values()
        if other is not facts
        for i in other.imports
        if i.target in imported
    }
    return scripted - used


def _no_print(ctx: Context) -> Iterable[Finding]:
    for facts in ctx.app_modules():
        if "print" not in facts.called or ctx.is_cli(facts):
            continue  # a command line tool's output is its interface, not a log
        scripted: set[str] | None = None
        for call in facts.calls:
            if (
                call.name == "print"
                and "file" not in call.keywords
                and not facts.in_script_block(call.line)
            ):
                if scripted is None:
                    scripted = _script_only(ctx, facts)
                if call.function in scripted:
                    continue
                yield Finding(
                    "LOG002",
                    ctx.rel(facts.path),
                    call.line,
                    call.column,
                    "print() in application code; log instead",
                    code="print",
                )


def _later_setup(facts: ModuleFacts, call: Call, setup: Names) -> Call | None:
    """A setup call reached after ``call`` through this module's own functions, if any."""
    by_function: dict[str | None, list[Call]] = {}
    for item in facts.calls:
        by_function.setdefault(item.function, []).append(item)
    pending = [
        c.name
        for c in by_function.get(call.function, [])
        if c.line > call.line and c.name in facts.functions
    ]
    seen: set[str] = set()
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        for inner in by_function.get(name, []):
            if setup(inner.name):
                return inner
            if inner.name in facts.functions:
                pending.append(inner.name)
    return None


def _configured_first(ctx: Context) -> Iterable[Finding]:
    setup = Names(ctx.config.log_setup)
    app_classes = Names(ctx.config.app_classes)
    modules = ctx.app_modules()
    called = ctx.call_names()  # each name matched once, not once per call
    setup_names = setup.select(called)
    app_names = app_classes.select(called)
    setups: list[tuple[ModuleFacts, Call]] = [
        (facts, call)
        for facts in modules
        if not facts.called.isdisjoint(setup_names)
        for call in facts.calls
        if call.name in setup_names
    ]
    created = 0
    for facts in modules:
        if facts.called.isdisjoint(app_names):
            continue
        for call in facts.calls:
            if call.name not in app_names:
                continue
            created += 1
            here = [c for f, c in setups if f is facts and c.function == call.function]
            if any(c.line < call.line for c in here):
                continue
            later = _later_setup(facts, call, setup) if not here else None
            if (
                not here
                and later is None
                and any(f is not facts or c.function != call.function for f, c in setups)
            ):
                continue  # configured elsewhere (a launcher, an import) before the app
            where = ""
            if here:
                where = f"; {here[0].name}() runs later, at line {here[0].line}"
            elif later is not None:
                where = f"; {later.name}() runs later, from line {later.line}"
            yield Finding(
                "LOG003",
                ctx.rel(facts.path),
                call.line,
                call.column,
                "the app object is created before logging is configured"
                + (where or f" (call {next(iter(setup.patterns), 'dictConfig')}() first)"),
                code=call.name,
            )
    if not created:
        ctx.note(
            "LOG003",
            "no app object is created in the package; name the class with `app-classes`",
        )


RULES = (
    Rule(
        "LOG001",
        "logging",
        "every module defines a module-level logger",
        lambda ctx: ctx.answer("logging.module_logger", True) is True,
        _module_logger,
        decides=("logging.module_logger",),
    ),
    Rule("LOG002", "logging", "no print() in application code", lambda ctx: True, _no_print),
    Rule(
        "LOG003",
        "logging",
        "logging is configured before the app object is created",
        lambda ctx: ctx.answer("logging.format") != "unconfigured",
        _configured_first,
        decides=("logging.format",),
    ),
)

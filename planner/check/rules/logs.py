"""Heuristic 6, logging: a logger per module, no print, logging configured before the app."""

from __future__ import annotations

from collections.abc import Iterable

from planner.check.model import Context, Finding, Rule

APP_FACTORIES = {"Flask", "flask.Flask", "falcon.App", "App"}
LOG_SETUP = {"dictConfig", "logging.config.dictConfig", "configure_logging"}


def _module_logger(ctx: Context) -> Iterable[Finding]:
    structlog = ctx.answer("logging.format") == "structlog"
    for facts in ctx.app_modules():
        if facts.empty or facts.syntax_error or facts.logger_line is not None:
            continue
        how = "structlog.get_logger(__name__)" if structlog else "logging.getLogger(__name__)"
        yield Finding(
            "LOG001", ctx.rel(facts.path), 1, 1, f"no module-level logger; add `logger = {how}`"
        )


def _no_print(ctx: Context) -> Iterable[Finding]:
    for facts in ctx.app_modules():
        for call in facts.calls:
            if call.name == "print":
                yield Finding(
                    "LOG002",
                    ctx.rel(facts.path),
                    call.line,
                    call.column,
                    "print() in application code; log instead",
                )


def _configured_first(ctx: Context) -> Iterable[Finding]:
    for facts in ctx.app_modules():
        for call in facts.calls:
            if call.name not in APP_FACTORIES:
                continue
            earlier = [
                c
                for c in facts.calls
                if c.name.rsplit(".", 1)[-1] in {n.rsplit(".", 1)[-1] for n in LOG_SETUP}
                and c.function == call.function
                and c.line < call.line
            ]
            if not earlier:
                yield Finding(
                    "LOG003",
                    ctx.rel(facts.path),
                    call.line,
                    call.column,
                    "the app object is created before logging is configured "
                    "(call dictConfig first)",
                )


RULES = (
    Rule(
        "LOG001",
        "logging",
        "every module defines a module-level logger",
        lambda ctx: ctx.answer("logging.module_logger", True) is True,
        _module_logger,
    ),
    Rule("LOG002", "logging", "no print() in application code", lambda ctx: True, _no_print),
    Rule(
        "LOG003",
        "logging",
        "logging is configured before the app object is created",
        lambda ctx: ctx.answer("logging.format") != "unconfigured",
        _configured_first,
    ),
)

"""Heuristic 3, resource lifetimes: a scoped session is removed at the end of every request."""

from __future__ import annotations

from collections.abc import Iterable

from planner.check.model import Context, Finding, Rule


def _scoped_session_removed(ctx: Context) -> Iterable[Finding]:
    if not any(facts.releases_session for facts in ctx.app_modules()):
        yield Finding(
            "LIF001",
            ctx.anchor(),
            1,
            1,
            "scoped_session was chosen but no teardown handler calls Session.remove()",
        )


RULES = (
    Rule(
        "LIF001",
        "lifetimes",
        "a scoped session is removed in a teardown handler",
        lambda ctx: (
            ctx.answer("lifetimes.db_session") == "scoped_session"
            and ctx.answer("initialization.database") != "none"
        ),
        _scoped_session_removed,
        decides=("lifetimes.db_session",),
    ),
)

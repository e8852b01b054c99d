"""The ``planner`` command line: a thin layer over the library.

Errors are handled once, here: a ``PlannerError`` becomes its message on
stderr and its exit code, with no traceback. Logging is configured once, by
the ``-v`` flag. Heavy imports happen inside commands so ``--help`` is quick.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from planner import __version__
from planner.errors import PlannerError


class PlannerGroup(TyperGroup):
    """Turns expected errors into a message and an exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except PlannerError as exc:
            typer.echo(f"planner: error: {exc.message}", err=True)
            raise typer.Exit(exc.exit_code) from None


app = typer.Typer(
    cls=PlannerGroup,
    name="planner",
    help=(
        "Run an architecture kickoff meeting for a Python web service: seven heuristics, "
        "a decision record, ADRs and a project skeleton that follows them."
    ),
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"planner {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    verbose: Annotated[
        int,
        typer.Option("--verbose", "-v", count=True, help="Log what planner does (-vv for debug)."),
    ] = 0,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    if verbose:
        _configure_logging(verbose)


def _configure_logging(verbose: int) -> None:
    """Send planner's log records to stderr; imported lazily to keep --help fast."""
    import logging

    class StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
        """Always writes to the current ``sys.stderr`` (test runners swap it)."""

        @property
        def stream(self) -> Any:
            return sys.stderr

        @stream.setter
        def stream(self, value: Any) -> None:
            pass

    root = logging.getLogger("planner")
    root.setLevel(logging.INFO if verbose == 1 else logging.DEBUG)
    for old in [h for h in root.handlers if getattr(h, "planner_cli", False)]:
        root.removeHandler(old)
    handler = StderrHandler()
    handler.planner_cli = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)


def _register() -> None:
    from planner.cli import adopt, check, new, record, render, revisit

    new.register(app)
    revisit.register(app)
    render.register(app)
    check.register(app)
    record.register(app)
    adopt.register(app)


_register()


def main() -> None:
    """Console-script entry point."""
    app(prog_name="planner")

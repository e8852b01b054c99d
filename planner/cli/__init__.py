"""The ``planner`` command line: a thin layer over the library.

Errors are handled once, here: a ``PlannerError`` becomes its message on
stderr and its exit code, with no traceback. Logging is configured once, by
the ``-v`` flag, which every subcommand accepts too (``planner render -v``).
Heavy imports happen inside commands so ``--help`` is quick.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup, TyperOption

from planner import __version__
from planner.errors import PlannerError

_VERBOSE_HELP = "Log what planner does (-vv for debug)."


def verbosity(ctx: typer.Context) -> int:
    """How many ``-v`` were given, before and after the subcommand together."""
    return int(ctx.meta.get("planner.verbose", 0))


def _count_verbose(ctx: typer.Context, param: Any, value: int) -> None:
    if value:
        ctx.meta["planner.verbose"] = ctx.meta.get("planner.verbose", 0) + value
        _configure_logging(ctx.meta["planner.verbose"])


def undecodable_argument(args: list[str]) -> str | None:
    """A message for the first argument that is not valid UTF-8, or None.

    On POSIX, Python turns bytes that are not UTF-8 into lone surrogates.
    Written into the record they make YAML that planner itself cannot read,
    so such arguments (answers, summaries, folder names) are refused here.
    """
    for i, arg in enumerate(args):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            pass
        else:
            continue
        shown = os.fsencode(arg).decode("utf-8", "backslashreplace")
        option, eq, _ = arg.partition("=")
        if arg.startswith("-") and eq:
            what = f"{option}: '{shown}'"
        elif i > 0 and args[i - 1].startswith("-"):
            what = f"{args[i - 1]}: '{shown}'"
        else:
            what = f"argument {i + 1} '{shown}'"
        return (
            f"{what} is not valid UTF-8; planner keeps every answer, name and path"
            " as UTF-8 text (rename it or retype it)"
        )
    return None


class PlannerGroup(TyperGroup):
    """Turns expected errors into a message and an exit code; lends ``-v`` to every command."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None and not any(p.name == "verbose" for p in command.params):
            command.params.append(
                TyperOption(
                    param_decls=["--verbose", "-v"],
                    count=True,
                    expose_value=False,
                    callback=_count_verbose,
                    help=_VERBOSE_HELP,
                )
            )
        return command

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        problem = undecodable_argument(args)
        if problem is not None:
            typer.echo(f"planner: error: {problem}", err=True)
            raise typer.Exit(2)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except PlannerError as exc:
            typer.echo(f"planner: error: {exc.message}", err=True)
            raise typer.Exit(exc.exit_code) from None
        finally:
            _unconfigure_logging()


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
    add_completion=False,
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
        typer.Option(
            "--verbose",
            "-v",
            count=True,
            callback=_count_verbose,
            help=_VERBOSE_HELP,
        ),
    ] = 0,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    del verbose, version  # both act through their callbacks


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


def _unconfigure_logging() -> None:
    """Undo ``-v`` after the command, so the next in-process run starts quiet."""
    logging = sys.modules.get("logging")
    if logging is None:
        return
    root = logging.getLogger("planner")
    ours = [h for h in root.handlers if getattr(h, "planner_cli", False)]
    for handler in ours:
        root.removeHandler(handler)
    if ours:
        root.setLevel(logging.NOTSET)


def _register() -> None:
    from planner.cli import adopt, check, completion, new, record, render, revisit, status

    new.register(app)
    revisit.register(app)
    render.register(app)
    check.register(app)
    record.register(app)
    completion.register(app)
    status.register(app)
    adopt.register(app)


_register()


def main() -> None:
    """Console-script entry point."""
    if "_PLANNER_COMPLETE" in os.environ:
        # A completion script is asking for candidates: teach typer the shells first.
        from typer._completion_classes import completion_init

        completion_init()
    app(prog_name="planner")

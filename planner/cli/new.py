"""``planner new``: hold the kickoff meeting and write the decision record."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planner.cli.complete import example_names
from planner.cli.options import PacksOpt, SetOpt, TemplatesOpt

if TYPE_CHECKING:
    from planner.kickoff import Kickoff
    from planner.wizard import Prompter

_HELP = """Run the kickoff meeting and write the decision record.

Walks through the seven heuristics (deployment, app initialization, resource
lifetimes, code layout, testing, logging, infrastructure changes) and writes
DIR/architecture/decisions.yaml after a review of every answer, then the
architecture document and ADRs under DIR/docs.

Without a terminal, answer with --answers, --set, --defaults or --no-input.
Ctrl-C keeps the answers given so far; --resume continues from them.
"""


def new(
    directory: Annotated[Path, typer.Argument(help="Project folder (created if missing).")] = Path(
        "."
    ),
    record: Annotated[Path, typer.Option("--record", help="Record path, relative to DIR.")] = Path(
        "architecture/decisions.yaml"
    ),
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            "-a",
            help="A YAML file with some or all answers (a record, or `id: value` lines).",
        ),
    ] = None,
    sets: SetOpt = None,
    packs: PacksOpt = None,
    templates: TemplatesOpt = None,
    example: Annotated[
        str | None,
        typer.Option(
            "--example",
            help="Answer everything from a shipped example meeting (demo, large, ports).",
            autocompletion=example_names,
        ),
    ] = None,
    defaults: Annotated[
        bool,
        typer.Option(
            "--defaults", help="Take the default for every question not answered otherwise."
        ),
    ] = False,
    no_input: Annotated[
        bool,
        typer.Option(
            "--no-input", help="Never prompt; fail if a question has no answer and no default."
        ),
    ] = False,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue an interrupted meeting from its draft.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing record.")] = False,
    date: Annotated[
        dt.datetime | None,
        typer.Option("--date", formats=["%Y-%m-%d"], help="Meeting date (default: today)."),
    ] = None,
) -> None:
    from planner import kickoff, terminal
    from planner.cli.output import show_outcome
    from planner.cli.paths import require_dirs, require_file, require_files
    from planner.errors import AnswerError, NoInputError, PlannerError
    from planner.files.lock import project_lock
    from planner.files.writer import check_writable

    if answers is not None:
        require_file(answers, "answers file")
    packs = require_files(packs, "question pack")
    templates = require_dirs(templates, "template folder")
    if example and directory == Path("."):
        directory = Path(example)
    request = kickoff.NewRequest(
        target=directory,
        record=record,
        answers_file=answers,
        sets=sets or [],
        packs=packs or [],
        example=example,
        defaults=defaults,
        no_input=no_input,
        resume=resume,
        force=force,
        date=date.date() if date else None,
    )
    flags_given = bool(answers or sets or example or defaults or no_input or resume)
    interactive = not no_input and terminal.is_interactive()
    if not interactive and not flags_given:
        raise NoInputError(
            f"no terminal to ask questions on; answer with {kickoff.NON_INTERACTIVE_FLAGS}"
        )
    check_writable(request.record_path.parent)
    # One writer from checking the target to the last write.
    with project_lock(directory):
        meeting = kickoff.start(request)
        missing = meeting.unanswered()
        if missing and no_input:
            names = ", ".join(q.id for q in missing)
            raise AnswerError(
                f"no answer and no default for: {names}; give them with --set ID=VALUE"
            )
        if missing and not interactive:
            names = ", ".join(q.id for q in missing)
            raise NoInputError(
                f"no terminal to ask the remaining questions ({names}); "
                f"answer with {kickoff.NON_INTERACTIVE_FLAGS}"
            )
        if missing:
            _hold_meeting(meeting, terminal.make_prompter())
        try:
            outcome = kickoff.finish(meeting, template_dirs=templates or [])
        except PlannerError as exc:
            saved = kickoff.save_draft(meeting) if missing else None
            if saved is not None:
                exc.message += (
                    f"\nThe answers are kept in {saved}; "
                    "fix the problem and run again with --resume."
                )
            raise
        show_outcome(outcome, quiet_unchanged=True)
        conflicts = getattr(outcome, "conflicts", [])
        if conflicts:
            typer.echo(f"{len(conflicts)} file(s) with conflicts to resolve:", err=True)
            for path in conflicts:
                typer.echo(f"  {path}", err=True)
            raise typer.Exit(1)


def _hold_meeting(meeting: Kickoff, prompter: Prompter) -> None:
    """Run the wizard; on Ctrl-C, cancel or a crash, keep the answers as a draft."""
    from planner import kickoff, wizard
    from planner.errors import Aborted

    try:
        meeting.open_items.update(wizard.run(meeting.interview, prompter))
    except (KeyboardInterrupt, EOFError):
        saved = kickoff.save_draft(meeting)
        where = f"; answers so far are in {saved}, continue with --resume" if saved else ""
        raise Aborted(f"interrupted{where}") from None
    except Aborted as exc:
        saved = kickoff.save_draft(meeting)
        where = f"; answers so far are in {saved}, continue with --resume" if saved else ""
        raise Aborted(f"{exc.message}{where}") from None
    except BaseException:
        kickoff.save_draft(meeting)
        raise


def register(app: typer.Typer) -> None:
    app.command("new", help=_HELP)(new)

"""``planner revisit`` and ``planner diff``: change decisions with history; compare them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from planner.cli.complete import heuristic_ids
from planner.cli.options import RecordArg, SetOpt

_HELP = """Revisit decisions: re-ask with earlier answers as defaults, then update everything.

Changed decisions get new ADRs that supersede the old ones, the record keeps the
history, and generated files are updated by a three-way merge: files you edited
keep your edits, and lines both sides changed get conflict markers.
Exit code 1 means there are conflicts to resolve.
"""


def revisit(
    record: RecordArg = None,
    only: Annotated[
        list[str] | None,
        typer.Option(
            "--only",
            help="Re-ask only these heuristics (comma-separated).",
            autocompletion=heuristic_ids,
        ),
    ] = None,
    answers: Annotated[
        Path | None, typer.Option("--answers", "-a", help="New answers from a YAML file.")
    ] = None,
    sets: SetOpt = None,
    defaults: Annotated[
        bool, typer.Option("--defaults", help="Keep every earlier answer not given otherwise.")
    ] = False,
    no_input: Annotated[bool, typer.Option("--no-input", help="Never prompt.")] = False,
    summary: Annotated[
        str, typer.Option("--summary", help="Why the decisions changed (for the history).")
    ] = "",
    dry_run: Annotated[
        bool, typer.Option("--dry-run", "-n", help="Show the changes and the file plan only.")
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="With --dry-run, show each file's diff.")
    ] = False,
    restore: Annotated[
        bool, typer.Option("--restore", help="Recreate generated files you deleted.")
    ] = False,
    prune: Annotated[
        bool, typer.Option("--prune", help="Remove untouched files the decisions no longer need.")
    ] = False,
    date: Annotated[
        dt.datetime | None,
        typer.Option(
            "--date", formats=["%Y-%m-%d"], help="Date of this revision (default: today)."
        ),
    ] = None,
) -> None:
    import contextlib

    from planner import revisit as core
    from planner import terminal
    from planner.cli.output import show_outcome
    from planner.cli.paths import record_path, require_file
    from planner.errors import Aborted, NoInputError
    from planner.files.lock import project_lock
    from planner.kickoff import NON_INTERACTIVE_FLAGS
    from planner.questions.engine import fill_defaults
    from planner.render import default_root

    record = record_path(record)
    if answers is not None:
        require_file(answers, "answers file")
    request = core.RevisitRequest(
        record=record,
        only=[part.strip() for value in only or [] for part in value.split(",") if part.strip()],
        answers_file=answers,
        sets=sets or [],
        defaults=defaults,
        no_input=no_input,
        date=date.date() if date else None,
        summary=summary,
        at_terminal=not no_input and terminal.is_interactive(),
    )
    # One writer from reading the record to the last write (a dry run writes nothing).
    with contextlib.nullcontext() if dry_run else project_lock(default_root(record)):
        session = core.start(request)
        interactive = request.at_terminal
        missing = session.unanswered()
        if missing and not interactive:
            if not (answers or sets or defaults or no_input):
                raise NoInputError(
                    f"no terminal to ask questions on; answer with {NON_INTERACTIVE_FLAGS}"
                )
            session.interview.answers.update(
                {q.id: session.interview.default_for(q) for q in missing}
            )
            fill_defaults(session.interview)
        prompter = None
        if missing and interactive:
            from planner import wizard

            prompter = terminal.make_prompter()
            try:
                wizard.run(
                    session.interview,
                    prompter,
                    open_items=session.open_items,
                    old=session.old_answers,
                    keeps_draft=False,
                )
            except (KeyboardInterrupt, EOFError):
                _stopped("interrupted; nothing was written")
            except Aborted as exc:
                _stopped(exc.message)
        new_record, found = core.build(session)
        if not found:
            typer.echo("Nothing changed; nothing was written.")
            return
        typer.echo("Decisions that change:")
        for change in found:
            typer.echo(f"  {change}")
        if prompter is not None and not dry_run:
            plan = core.apply_revisit(
                session, new_record, dry_run=True, restore=restore, prune=prune
            )
            show_outcome(plan, quiet_unchanged=True)
            try:
                go_ahead = prompter.confirm("Apply these changes?")
            except (KeyboardInterrupt, EOFError):
                go_ahead = False
            if not go_ahead:
                _stopped("nothing was written")
        outcome = core.apply_revisit(
            session, new_record, dry_run=dry_run, restore=restore, prune=prune
        )
        show_outcome(outcome, diff=diff and dry_run, quiet_unchanged=True)
        if outcome.conflicts:
            typer.echo(
                f"{len(outcome.conflicts)} file(s) with conflict markers to resolve:", err=True
            )
            for path in outcome.conflicts:
                typer.echo(f"  {path}", err=True)
            raise typer.Exit(1)


def diff_command(
    old: Annotated[Path, typer.Argument(help="A decision record.")],
    new: Annotated[Path | None, typer.Argument(help="Another record (or use --rev twice).")] = None,
    rev: Annotated[
        list[int] | None, typer.Option("--rev", help="A revision of OLD (give two).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Show which decisions differ between two records, or two revisions of one.

    Exits 1 when a decision differs and 0 when none does, as diff(1) does.
    """
    from planner import revisit as core
    from planner.cli.paths import require_file
    from planner.errors import AnswerError
    from planner.questions.model import DEFERRED
    from planner.record.io import load_record

    first = load_record(require_file(old, "decision record"))
    if new is not None:
        before = first.record
        after = load_record(require_file(new, "decision record"), first.bank).record
    elif rev and len(rev) == 2:
        before, after = core.record_at(first.record, rev[0]), core.record_at(first.record, rev[1])
    else:
        raise AnswerError("give two records, or one record and --rev A --rev B")
    found = core.changes(first.bank, before.flat_answers(), after.flat_answers())
    if as_json:

        def plain(value: object) -> object:
            return "decide later" if value is DEFERRED else value

        rows = [
            {
                "heuristic": c.heuristic,
                "question": c.question,
                "old": plain(c.old),
                "new": plain(c.new),
            }
            for c in found
        ]
        typer.echo(json.dumps(rows, indent=2))
    elif not found:
        typer.echo("No decision differs.")
    else:
        for change in found:
            typer.echo(str(change))
    if found:
        raise typer.Exit(1)


def _stopped(why: str) -> NoReturn:
    """Stopping on purpose is not an error: say so, without "error:", and exit 130."""
    typer.echo(f"planner: {why}", err=True)
    raise typer.Exit(130)


def register(app: typer.Typer) -> None:
    app.command("revisit", help=_HELP)(revisit)
    app.command("diff")(diff_command)

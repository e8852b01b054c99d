"""``planner new``: hold the kickoff meeting and write the decision record."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from planner.cli.complete import example_names
from planner.cli.options import PacksOpt, SetOpt, TemplatesOpt

if TYPE_CHECKING:
    from planner.files.apply import Outcome
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
        again = _resume_command(directory, record, packs or [], templates or [], date)
        held = bool(missing) or (resume and interactive)
        if held and not resume and meeting.draft_path.exists():
            typer.echo(
                f"planner: an earlier meeting's answers are kept in {meeting.draft_path}; "
                f"to continue that meeting instead, press Ctrl-C and run: {again}",
                err=True,
            )
        if held:  # a resumed meeting always comes back to its review
            _hold_meeting(meeting, terminal.make_prompter(), again)
        try:
            outcome = kickoff.finish(meeting, template_dirs=templates or [])
        except KeyboardInterrupt:
            if not held:
                raise
            _stopped(kickoff.save_draft(meeting), "interrupted while writing", again)
        except Exception as exc:
            saved = kickoff.save_draft(meeting) if held else None
            if saved is None:
                raise
            note = f"The answers are kept in {saved}; fix the problem and run `{again}`."
            if isinstance(exc, PlannerError):
                exc.message += "\n" + note
                raise
            raise PlannerError(f"could not write the project ({exc!r})\n{note}") from exc
        if _verbose() or not held:
            show_outcome(outcome, quiet_unchanged=True)
        else:
            show_summary(meeting, outcome)
        conflicts = getattr(outcome, "conflicts", [])
        if conflicts:
            typer.echo(f"{len(conflicts)} file(s) with conflicts to resolve:", err=True)
            for path in conflicts:
                typer.echo(f"  {path}", err=True)
            raise typer.Exit(1)


def _verbose() -> bool:
    import logging

    return logging.getLogger("planner").isEnabledFor(logging.INFO)


def _resume_command(
    directory: Path,
    record: Path,
    packs: list[Path],
    templates: list[Path],
    date: dt.datetime | None,
) -> str:
    """The exact command that continues this meeting from its draft (the draft holds the
    answers; what is not an answer, such as packs, templates and the date, is repeated)."""
    import shlex

    words = ["planner", "new", str(directory), "--resume"]
    if record != Path("architecture/decisions.yaml"):
        words += ["--record", str(record)]
    for pack in packs:
        words += ["--questions", str(pack)]
    for folder in templates:
        words += ["--templates", str(folder)]
    if date is not None:
        words += ["--date", f"{date:%Y-%m-%d}"]
    return " ".join(shlex.quote(w) for w in words)


def show_summary(meeting: Kickoff, outcome: Outcome) -> None:
    """A few lines after a meeting: what was written, what to read, what is open, what next."""
    import re

    from planner.files.plan import Action
    from planner.questions.model import DEFERRED
    from planner.render import record_location

    root = meeting.request.target
    written = [s.path for s in outcome.steps if s.action is not Action.UNCHANGED]
    adrs = [p for p in written if re.fullmatch(r"docs/adr/\d+-.*\.md", p)]
    record_rel = record_location(meeting.record_path, root)
    guide = "docs/architecture.md"
    typer.echo("")
    typer.echo(f"Wrote {len(written)} files in {root}/:")
    typer.echo(f"  the decisions     {root / record_rel}")
    if guide in written:
        typer.echo(f"  read this first   {root / guide}")
    if adrs:
        typer.echo(f"  {str(len(adrs)) + ' ADRs':<18}{root / 'docs' / 'adr'}/")
    others = len([p for p in written if p not in adrs and p not in (guide, record_rel)])
    if others:
        typer.echo(
            f"  and {others} more: the project skeleton and its tooling (-v lists each file)"
        )
    resolved = meeting.interview.resolved()
    open_ids = [qid for qid, value in resolved.items() if value is DEFERRED]
    if open_ids:
        typer.echo("Left for later:")
        for qid in open_ids:
            question = meeting.bank.question(qid)
            section = meeting.bank.section(question.section) if question else None
            if question is None or section is None:
                continue
            item = meeting.open_items.get(qid)
            who = ", ".join(p for p in ((item.owner, item.revisit) if item else ()) if p)
            typer.echo(f"  {section.title} › {question.title}: {who or 'nobody named yet'}")
    typer.echo("Next:")
    typer.echo(f"  cd {root} && python3 -m venv .venv && . .venv/bin/activate")
    typer.echo("  pip install -e '.[test]' && pytest    install it and run its tests")
    if "README.md" in written:
        typer.echo(f"  serve it: the commands under 'Run it' in {root / 'README.md'}")
    typer.echo(f"  planner check {root}    check the code against the decisions")


def _hold_meeting(meeting: Kickoff, prompter: Prompter, again: str) -> None:
    """Run the wizard; on Ctrl-C, cancel or a crash, keep everything typed as a draft."""
    from planner import kickoff, wizard
    from planner.errors import Aborted

    try:
        wizard.run(
            meeting.interview,
            prompter,
            open_items=meeting.open_items,
            resumed=meeting.resumed,
        )
    except (KeyboardInterrupt, EOFError):
        _stopped(kickoff.save_draft(meeting), "interrupted", again)
    except Aborted as exc:
        _stopped(kickoff.save_draft(meeting), exc.message, again)
    except BaseException:
        kickoff.save_draft(meeting)
        raise


def _stopped(saved: Path | None, why: str, again: str) -> NoReturn:
    """A voluntary stop is not an error: say where the answers are and how to go on."""
    where = f"; the answers so far are in {saved}\nContinue with: {again}" if saved else ""
    typer.echo(f"planner: {why}{where}", err=True)
    raise typer.Exit(130)


def register(app: typer.Typer) -> None:
    app.command("new", help=_HELP)(new)

"""``planner render``: write the documents (and skeleton) a decision record calls for."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from planner.cli.options import RecordArg, TemplatesOpt

_HELP = """Render the architecture document, the ADRs and the project skeleton from a record.

Files that planner wrote before and nobody edited are updated; files someone
edited are never replaced without --force (use --dry-run --diff to look first).
Prints the files that change and a summary; -v lists the unchanged ones too.
Without RECORD, the nearest architecture/decisions.yaml is used, looking in the
current folder and then upwards, as git looks for .git.
"""


def render(
    ctx: typer.Context,
    record: RecordArg = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Output folder (default: the folder that holds architecture/)."
        ),
    ] = None,
    templates: TemplatesOpt = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", "-n", help="Show what would change; write nothing.")
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="With the file list, show a diff of each change.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Replace files edited since planner wrote them.")
    ] = False,
    skeleton: Annotated[
        bool,
        typer.Option(
            "--skeleton/--no-skeleton",
            help="Also write the project skeleton (the default), or the documents only.",
        ),
    ] = True,
) -> None:
    import contextlib

    from planner.cli import verbosity
    from planner.cli.output import show_outcome
    from planner.cli.paths import record_path, require_dirs
    from planner.files.apply import apply, snapshot
    from planner.files.lock import project_lock
    from planner.record.io import load_record
    from planner.render import default_root, plan_all

    record = record_path(record)
    templates = require_dirs(templates, "template folder")
    root = out if out is not None else default_root(record)
    # One writer from reading the record to the last write (a dry run writes nothing).
    with contextlib.nullcontext() if dry_run else project_lock(root):
        before = snapshot(record)
        loaded = load_record(record)
        plan = plan_all(
            loaded.record,
            loaded.bank,
            root,
            record_file=record,
            template_dirs=templates or [],
            skeleton=skeleton,
        )
        outcome = apply(plan, root, force=force, dry_run=dry_run, expect={record: before})
    show_outcome(outcome, diff=diff, quiet_unchanged=verbosity(ctx) == 0)
    from planner.status import adr_notes

    for note in adr_notes(root, loaded.record):
        typer.echo(f"note: {note.path}: {note.message}", err=True)


def register(app: typer.Typer) -> None:
    app.command("render", help=_HELP)(render)

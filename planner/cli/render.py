"""``planner render``: write the documents (and skeleton) a decision record calls for."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from planner.cli.options import DEFAULT_RECORD, TemplatesOpt

_HELP = """Render the architecture document, the ADRs and the project skeleton from a record.

Files that planner wrote before and nobody edited are updated; files someone
edited are never replaced without --force (use --dry-run --diff to look first).
"""


def render(
    record: Annotated[Path, typer.Argument(help="The decision record.")] = DEFAULT_RECORD,
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
    from planner.cli.output import show_outcome
    from planner.files.apply import apply
    from planner.record.io import load_record
    from planner.render import default_root, plan_all

    loaded = load_record(record)
    root = out if out is not None else default_root(record)
    plan = plan_all(
        loaded.record,
        loaded.bank,
        root,
        record_file=record,
        template_dirs=templates or [],
        skeleton=skeleton,
    )
    outcome = apply(plan, root, force=force, dry_run=dry_run)
    show_outcome(outcome, diff=diff)
    from planner.status import adr_notes

    for note in adr_notes(root, loaded.record):
        typer.echo(f"note: {note.path}: {note.message}", err=True)


def register(app: typer.Typer) -> None:
    app.command("render", help=_HELP)(render)

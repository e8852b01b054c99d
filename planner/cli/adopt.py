"""``planner adopt``: describe the architecture an existing codebase already has."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from planner.cli.options import TemplatesOpt

_HELP = """Read the decisions an existing codebase has made and write them as a proposed record.

Each answer comes with its evidence (files, lines) and how sure planner is;
what the code cannot tell, or contradicts itself on, is left open for the
meeting. Writes architecture/decisions.yaml and its schema (with --docs also
the architecture document and ADRs); never the project skeleton. The code is
parsed, never imported or run, and git is never called.
"""


def adopt(
    path: Annotated[Path, typer.Argument(help="The project folder.")] = Path("."),
    package: Annotated[
        str | None, typer.Option("--package", help="The application package (default: found).")
    ] = None,
    record: Annotated[Path, typer.Option("--record", help="Record path, relative to PATH.")] = Path(
        "architecture/decisions.yaml"
    ),
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", "-n", help="Print the record and the evidence; write nothing."),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="The evidence report as JSON.")] = False,
    docs: Annotated[
        bool, typer.Option("--docs", help="Also write the architecture document and the ADRs.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing record.")] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Parse every file; neither read nor write the cache.")
    ] = False,
    templates: TemplatesOpt = None,
    date: Annotated[
        dt.datetime | None,
        typer.Option("--date", formats=["%Y-%m-%d"], help="Record date (default: today)."),
    ] = None,
) -> None:
    import contextlib
    from pathlib import PurePosixPath

    from planner.adopt import report
    from planner.adopt.record import build
    from planner.adopt.run import adopt as read_codebase
    from planner.cli.output import show_outcome
    from planner.errors import TargetExistsError
    from planner.files.apply import Outcome, apply, snapshot, update
    from planner.files.lock import project_lock
    from planner.files.plan import FilePlan
    from planner.kickoff import record_bytes
    from planner.questions.loader import load_bank
    from planner.record.io import SCHEMA_FILENAME, dump_record
    from planner.record.schema import schema_text
    from planner.render import check_record_path, plan_all, record_location

    bank = load_bank()
    record_file = path / record
    with contextlib.nullcontext() if dry_run else project_lock(path):
        if (record_file.exists() or record_file.is_symlink()) and not force and not dry_run:
            raise TargetExistsError(
                f"{record_file} already exists; planner adopt starts a record, "
                "`planner revisit` changes one (or pass --force to replace it)"
            )
        before = snapshot(record_file)
        adoption = read_codebase(
            path, bank, package=package, use_cache=not no_cache, save_cache=not dry_run
        )
        decided = build(adoption, bank, date=date.date() if date else dt.date.today())
        evidence = (
            report.as_json(adoption, bank, decided)
            if as_json
            else report.text(adoption, bank, decided)
        )
        if dry_run:
            if not as_json:
                typer.echo(dump_record(decided, bank))
            typer.echo(evidence, nl=False)
            return
        if docs:
            plan = plan_all(
                decided,
                bank,
                path,
                record_file=record_file,
                template_dirs=templates or [],
                skeleton=False,
            )
        else:
            plan = FilePlan()
        record_rel = record_location(record_file, path)
        schema_rel = str(PurePosixPath(record_rel).parent / SCHEMA_FILENAME)
        check_record_path(plan, record_rel, schema_rel)
        plan.add(record_rel, record_bytes(decided, bank), tracked=False)
        plan.add(schema_rel, schema_text(bank), tracked=False)
        outcome: Outcome
        if force:
            # --force replaces the record only: documents go through keep/merge as in revisit
            outcome = update(plan, path, expect={record_file: before})
        else:
            outcome = apply(plan, path, expect={record_file: before})
    typer.echo(evidence, nl=False)
    if not as_json:
        show_outcome(outcome, quiet_unchanged=True)
    conflicts = getattr(outcome, "conflicts", [])
    if conflicts:
        typer.echo(f"{len(conflicts)} file(s) with conflicts to resolve:", err=True)
        for conflict in conflicts:
            typer.echo(f"  {conflict}", err=True)
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("adopt", help=_HELP)(adopt)

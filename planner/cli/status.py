"""``planner status``: what needs a person now, for the weekly meeting or a CI job."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

_HELP = """Show what needs a person: overdue open decisions, drifted files, ADR problems.

Lists the questions the meeting left open (owner and revisit date; overdue
first), generated files edited by hand or behind the record, ADRs whose status
headers disagree or that were superseded outside planner, and how many
findings `planner check` has per rule in a project planner generated. Writes
nothing. Exit code 1 when an open decision is past its revisit date.
"""


def status(
    directory: Annotated[Path, typer.Argument(help="The project folder.", metavar="[DIR]")] = Path(
        "."
    ),
    record: Annotated[
        Path | None,
        typer.Option("--record", help="The record (default: DIR/architecture/decisions.yaml)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
    today: Annotated[
        dt.datetime | None,
        typer.Option("--today", formats=["%Y-%m-%d"], help="Judge due dates as of this day."),
    ] = None,
) -> None:
    import json

    from planner.status import project_status

    record_file = record if record is not None else directory / "architecture" / "decisions.yaml"
    day = today.date() if today else dt.date.today()
    report = project_status(record_file, today=day)
    if as_json:
        typer.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
        raise typer.Exit(report.exit_code)
    lines = []
    ordered = sorted(report.open, key=lambda o: (not o.overdue, o.due or dt.date.max))
    if ordered:
        lines.append("Open decisions:")
        for item in ordered:
            when = f"revisit {item.revisit}" if item.revisit else "no revisit date"
            who = f"owner {item.owner}" if item.owner else "no owner"
            flag = "OVERDUE  " if item.overdue else "open     "
            lines.append(f"  {flag}{item.question}: {who}, {when}")
    if report.files:
        lines.append("Generated files:")
        lines += [f"  {f.path}: {f.state}" for f in report.files]
    if report.adrs:
        lines.append("ADRs:")
        lines += [f"  {a.path}: {a.message}" for a in report.adrs]
    if report.check:
        counts = ", ".join(f"{rule} {n}" for rule, n in report.check.items())
        lines.append(f"Code against the decisions (planner check): {counts}")
    if not lines:
        lines.append("Nothing needs a person: no open decisions, no drift, ADRs agree.")
    else:
        lines.append(
            f"{len(report.overdue)} overdue, {len(report.open)} open, "
            f"{len(report.files)} file(s) drifted, {len(report.adrs)} ADR note(s), "
            + (
                f"{sum(report.check.values())} check finding(s)."
                if report.check is not None
                else "check not run (no code planner generated or adopted)."
            )
        )
    typer.echo("\n".join(lines))
    raise typer.Exit(report.exit_code)


def register(app: typer.Typer) -> None:
    app.command("status", help=_HELP)(status)

"""``planner check``: does the code still follow the recorded decisions?"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from planner.cli.complete import check_formats

_HELP = """Check a codebase against its decision record; exit 1 when something drifted.

The rules follow the recorded answers: a logger in every module, tests where
the test layout puts them, a domain free of Flask and SQLAlchemy, and so on.
Without a record, give the decisions with --rules ID=VALUE and --package.
Silence one line with `# planner: ignore[RULE]`.
"""


def _split(values: list[str] | None) -> list[str]:
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def check(
    path: Annotated[Path, typer.Argument(help="The project folder.")] = Path("."),
    record: Annotated[
        Path | None,
        typer.Option(
            "--record", help="The decision record (default: PATH/architecture/decisions.yaml)."
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option("--format", "-f", help="text, json or sarif.", autocompletion=check_formats),
    ] = "text",
    as_json: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
    select: Annotated[
        list[str] | None, typer.Option("--select", help="Only these rules (comma-separated).")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help="Skip these rules (comma-separated).")
    ] = None,
    rules: Annotated[
        list[str] | None,
        typer.Option(
            "--rules", help="A decision as ID=VALUE, e.g. testing.layout=mirror (repeatable)."
        ),
    ] = None,
    package: Annotated[
        str | None,
        typer.Option("--package", help="The application package (default: from the record)."),
    ] = None,
    exclude: Annotated[
        list[str] | None, typer.Option("--exclude", help="Glob of files to skip (repeatable).")
    ] = None,
) -> None:
    from planner.check.report import FORMATS
    from planner.check.runner import CheckError, run_check
    from planner.kickoff import parse_set
    from planner.questions.loader import load_bank
    from planner.record.io import load_record

    fmt = "json" if as_json else output_format
    if fmt not in FORMATS:
        raise CheckError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    record_path = record or path / "architecture" / "decisions.yaml"
    answers: dict[str, object] = {}
    config: dict[str, list[str]] = {}
    rule_excludes: dict[str, list[str]] = {}
    if record is not None or record_path.is_file():
        loaded = load_record(record_path)
        answers = loaded.record.flat_answers()
        package = package or loaded.record.project.package
        config = loaded.record.check
        rule_excludes = loaded.record.check_rules
        bank = loaded.bank
    elif not rules:
        raise CheckError(
            f"no decision record at {record_path}; "
            "give one with --record, or the decisions with --rules"
        )
    else:
        bank = load_bank()
    for item in _split(rules):
        qid, value = parse_set(bank, item)
        answers[qid] = value
    if not package:
        raise CheckError(
            "which package? give --package NAME (or check a project with a decision record)"
        )
    report = run_check(
        path,
        package,
        answers,
        select=_split(select) or config.get("select", []),
        ignore=[*_split(ignore), *config.get("ignore", [])],
        exclude=[*(exclude or []), *config.get("exclude", [])],
        rule_excludes=rule_excludes,
    )
    typer.echo(FORMATS[fmt](report), nl=False)
    if not report.clean:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("check", help=_HELP)(check)

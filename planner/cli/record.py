"""``planner validate`` and ``planner schema``: check and describe decision records."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from planner.cli.options import PacksOpt, RecordArg


def check_settings(record_file: Path, check: object, lines: dict[str, int]) -> None:
    """The settings ``planner check`` would read for this record, checked as it checks them:
    ``[tool.planner.check]`` of the project's pyproject.toml, then the record's ``check:``."""
    from planner.check.config import CheckConfigError, from_pyproject, problems
    from planner.render import default_root

    from_pyproject(default_root(record_file))
    found = problems(check, str(record_file), "check.", lines)
    if found:
        raise CheckConfigError(found)


def validate(record: RecordArg = None) -> None:
    """Check a decision record against its schema and the question bank, and the
    settings planner check reads: the record's check section and [tool.planner.check]
    in the project's pyproject.toml."""
    from planner.cli.paths import record_path
    from planner.record.io import load_record

    record = record_path(record)
    loaded = load_record(record)
    check_settings(record, loaded.record.check, loaded.record.check_lines)
    decisions = loaded.record.decisions.values()
    counts: dict[str, int] = {}
    for decision in decisions:
        counts[decision.status] = counts.get(decision.status, 0) + 1
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    typer.echo(f"{record}: valid ({len(decisions)} heuristics: {summary})")
    if loaded.upgrade is not None:
        typer.echo(
            f"{record}: on record version {loaded.upgrade.from_version}, older than this "
            f"planner's {loaded.upgrade.to_version}; upgraded in memory, and written as "
            f"version {loaded.upgrade.to_version} only when planner next saves the record"
        )


def schema(
    packs: PacksOpt = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file instead of standard output."),
    ] = None,
) -> None:
    """Print the JSON Schema of decision records, for editors' YAML support."""
    from planner.cli.paths import require_files
    from planner.files.writer import atomic_write
    from planner.questions.loader import load_bank
    from planner.record.schema import schema_text

    text = schema_text(load_bank(require_files(packs, "question pack")))
    if output is None:
        typer.echo(text, nl=False)
    else:
        atomic_write(output, text.encode("utf-8"))
        typer.echo(f"wrote {output}")


def register(app: typer.Typer) -> None:
    app.command("validate")(validate)
    app.command("schema")(schema)

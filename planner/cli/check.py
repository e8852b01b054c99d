"""``planner check``: does the code still follow the recorded decisions?"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from planner.cli.complete import check_formats

_HELP = """Check a codebase against its decision record; exit 1 when something drifted.

The rules follow the recorded answers: a logger in every module, tests where
the test layout puts them, a domain free of Flask and SQLAlchemy, and so on.
Without a record, give the decisions with --rules ID=VALUE (repeatable) and
the package with --package or [tool.planner.check] in pyproject.toml.
Silence one line with `# planner: ignore[RULE]`. Adopt it on a codebase with
history with --baseline FILE --update-baseline, then --baseline FILE in CI.
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
            "--rules",
            help="A decision as ID=VALUE, e.g. testing.layout=mirror or "
            "layout.features=auth,blog (repeatable).",
        ),
    ] = None,
    package: Annotated[
        str | None,
        typer.Option("--package", help="The application package (default: from the record)."),
    ] = None,
    exclude: Annotated[
        list[str] | None, typer.Option("--exclude", help="Glob of files to skip (repeatable).")
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            help="Accept the findings listed in this file; only new ones fail. "
            "Fixed ones are dropped from it.",
        ),
    ] = None,
    update_baseline: Annotated[
        bool,
        typer.Option("--update-baseline", help="Write every current finding to --baseline."),
    ] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Parse every file; neither read nor write the cache.")
    ] = False,
) -> None:
    import gc

    gc.disable()  # a short-lived process whose objects hold no cycles worth collecting
    # Only what this run needs: the baseline, the record and the wizard's modules are
    # imported when used, so a check in CI starts quickly.
    from planner.check.config import CheckConfig, from_pyproject, merge
    from planner.check.report import FORMATS
    from planner.check.runner import CheckError, run_check
    from planner.errors import PlannerError
    from planner.questions.model import Value

    fmt = "json" if as_json else output_format
    if fmt not in FORMATS:
        raise CheckError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if not path.is_dir():
        what = "is not a folder" if path.exists() else "no such folder"
        raise CheckError(f"{path}: {what}; give the project folder to check")
    if update_baseline and baseline is None:
        raise CheckError("--update-baseline needs --baseline FILE (where to write it)")
    config, pyproject = from_pyproject(path)
    record_path = record or path / "architecture" / "decisions.yaml"
    answers: dict[str, Value] = {}
    recorded = False
    if record is not None or record_path.is_file():
        from planner.record.io import load_record

        loaded = load_record(record_path)
        answers = loaded.record.flat_answers()
        package = package or loaded.record.project.package
        config = merge(
            config, loaded.record.check, str(record_path), "check.", loaded.record.check_lines
        )
        bank = loaded.bank
        recorded = True
    elif not rules and pyproject is None:
        raise CheckError(
            f"no decision record at {record_path}; give one with --record, "
            "the decisions with --rules ID=VALUE, or settings in [tool.planner.check]"
        )
    else:
        from planner.questions.loader import load_bank

        bank = load_bank()
    given: dict[str, str] = {}
    if rules:
        from planner.questions.values import parse_set
    for item in rules or []:
        try:
            qid, value = parse_set(bank, item)
        except PlannerError as exc:
            raise CheckError(exc.message.replace("--set", "--rules")) from None
        previous = answers.get(qid) if qid in given else None
        if isinstance(previous, list) and isinstance(value, list):
            value = [*previous, *(v for v in value if v not in previous)]
        elif qid in given and previous != value:
            raise CheckError(
                f"--rules {item!r}: {qid} was already given as {given[qid]!r}; give it once"
            )
        answers[qid] = value
        given[qid] = item.partition("=")[2]
    package = package or config.package
    if not package:
        raise CheckError(
            "which package? give --package NAME, `package` in [tool.planner.check], "
            "or check a project with a decision record"
        )
    report = run_check(
        path,
        package,
        answers,
        config=config if config != CheckConfig() else None,
        select=_split(select),
        ignore=_split(ignore),
        exclude=exclude or [],
        use_cache=not no_cache,
        recorded=recorded,
    )
    if baseline is not None:
        from planner.check import baseline as baselines

        if update_baseline:
            baselines.write(baseline, path, [baselines.entry(f) for f in report.findings])
            report.baselined, report.findings = len(report.findings), []
        else:
            applied = baselines.apply(report.findings, baselines.load(baseline, path))
            report.findings, report.baselined, report.fixed = (
                applied.findings,
                applied.accepted,
                applied.fixed,
            )
            if applied.fixed:
                baselines.write(baseline, path, applied.kept)  # it only ever shrinks
    typer.echo(FORMATS[fmt](report), nl=False)
    if not report.clean:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("check", help=_HELP)(check)

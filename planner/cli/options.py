"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from planner.cli.complete import answers

SetOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--set",
        "-s",
        help="Answer one question: ID=VALUE, e.g. logging.format=json (repeatable; ? = later).",
        autocompletion=answers,
    ),
]
PacksOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--questions",
        "-q",
        help="A team question pack (YAML) that adds or overrides questions (repeatable).",
    ),
]
RecordArg = Annotated[
    Path | None,
    typer.Argument(
        help="The decision record (default: architecture/decisions.yaml, here or in a parent).",
        show_default=False,
    ),
]
TemplatesOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--templates",
        "-t",
        help="A folder of template overrides, searched before the shipped templates (repeatable).",
    ),
]

"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

SetOpt = Annotated[
    Optional[list[str]],  # noqa: UP045 - typer needs Optional here
    typer.Option("--set", "-s", help="Answer one question: ID=VALUE, e.g. logging.format=json (repeatable; ? = decide later)."),
]
PacksOpt = Annotated[
    Optional[list[Path]],  # noqa: UP045
    typer.Option("--questions", "-q", help="A team question pack (YAML) that adds or overrides questions (repeatable)."),
]
RecordArg = Annotated[
    Path, typer.Argument(help="The decision record.")
]

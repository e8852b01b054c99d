"""``planner completion SHELL``: tab completion for bash, zsh and fish."""

from __future__ import annotations

from typing import Annotated

import typer

from planner.cli.complete import SHELLS, shell_names

_HELP = """Print the tab-completion script for bash, zsh or fish (or --install it).

Commands, options and their values complete: --example names, check --format,
revisit --only heuristics, --set question ids and their choices, and file names.

\b
  bash:  planner completion bash --install  (with the bash-completion package)
         or, in ~/.bashrc:  eval "$(planner completion bash)"
  zsh:   in ~/.zshrc, after compinit:  eval "$(planner completion zsh)"
  fish:  planner completion fish --install
"""


def completion(
    shell: Annotated[
        str, typer.Argument(help="bash, zsh or fish.", metavar="SHELL", autocompletion=shell_names)
    ],
    install: Annotated[
        bool,
        typer.Option(
            "--install",
            help="Write the script where the shell finds it by itself, instead of printing it.",
        ),
    ] = False,
) -> None:
    from planner.cli.complete import install_path, script
    from planner.errors import AnswerError
    from planner.files.writer import atomic_write

    if shell not in SHELLS:
        raise AnswerError(f"no completion for {shell!r}: choose bash, zsh or fish")
    text = script(shell)
    if not install:
        typer.echo(text, nl=False)
        return
    path = install_path(shell)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, text.encode("utf-8"))
    typer.echo(f"wrote {path}")
    if shell == "zsh":
        typer.echo("zsh reads it when ~/.zshrc has, before compinit:  fpath=(~/.zfunc $fpath)")
    typer.echo("Open a new shell to use it.")


def register(app: typer.Typer) -> None:
    app.command("completion", help=_HELP)(completion)

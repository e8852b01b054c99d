"""How commands show a file plan's outcome: one line per file, then a summary."""

from __future__ import annotations

import typer

from planner.files.apply import Outcome
from planner.files.plan import Action

_VERB = {
    (Action.NEW, False): "created",
    (Action.UPDATE, False): "updated",
    (Action.CONFLICT, False): "conflict",
    (Action.UNCHANGED, False): "unchanged",
    (Action.NEW, True): "would create",
    (Action.UPDATE, True): "would update",
    (Action.CONFLICT, True): "would conflict",
    (Action.UNCHANGED, True): "unchanged",
    (Action.KEEP, False): "kept (yours)",
    (Action.KEEP, True): "would keep",
    (Action.MERGE, False): "merged",
    (Action.MERGE, True): "would merge",
    (Action.DELETED, False): "left deleted",
    (Action.DELETED, True): "left deleted",
    (Action.OBSOLETE, False): "obsolete (kept)",
    (Action.OBSOLETE, True): "obsolete",
    (Action.REMOVE, False): "removed",
    (Action.REMOVE, True): "would remove",
    (Action.REPLACED, False): "replaced",
    (Action.REPLACED, True): "would replace",
}


def show_outcome(outcome: Outcome, *, diff: bool = False, quiet_unchanged: bool = False) -> None:
    for step in outcome.steps:
        if quiet_unchanged and step.action is Action.UNCHANGED:
            continue
        typer.echo(f"{_VERB[(step.action, outcome.dry_run)]:<15} {step.path}")
        if diff and step.action is not Action.UNCHANGED:
            typer.echo(step.diff(), nl=False)
    typer.echo(outcome.summary())

"""Carry out a file plan: report it (dry run) or write it, never losing an edit."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from planner.errors import PlannerError
from planner.files import baseline
from planner.files.plan import Action, FilePlan, Step, classify
from planner.files.writer import commit

logger = logging.getLogger(__name__)


class ConflictError(PlannerError):
    """Files on disk differ from what planner wrote and would be overwritten."""

    def __init__(self, steps: list[Step]) -> None:
        self.steps = steps
        names = "\n".join(f"  {s.path}" for s in steps)
        super().__init__(
            f"{len(steps)} file{'s' if len(steps) != 1 else ''} changed since planner wrote "
            f"{'them' if len(steps) != 1 else 'it'}, so nothing was written:\n{names}\n"
            "Use --dry-run --diff to see what would change, or --force to replace them."
        )


@dataclass
class Outcome:
    steps: list[Step]
    written: list[str]
    dry_run: bool

    def count(self, action: Action) -> int:
        return sum(1 for s in self.steps if s.action is action)

    def summary(self) -> str:
        parts = [f"{self.count(a)} {a.value}" for a in Action if self.count(a)]
        verb = "would write" if self.dry_run else "wrote"
        counts = ", ".join(parts) or "nothing"
        return f"{verb} {len(self.written)} of {len(self.steps)} files ({counts})"


def apply(plan: FilePlan, root: Path, *, force: bool = False, dry_run: bool = False) -> Outcome:
    """Write the files that change; refuse (writing nothing) if any was edited, unless ``force``."""
    old_baseline = baseline.load(root)
    steps = classify(plan, root, old_baseline)
    conflicts = [s for s in steps if s.action is Action.CONFLICT]
    if conflicts and not force and not dry_run:
        raise ConflictError(conflicts)
    changing = [s for s in steps if s.action is not Action.UNCHANGED]
    written = [s.path for s in changing]
    if dry_run:
        return Outcome(steps, written, dry_run=True)
    files = {s.path: s.new for s in changing}
    new_baseline = dict(old_baseline)
    new_baseline.update({p: plan.files[p] for p in plan.tracked})
    if new_baseline != old_baseline:
        files[baseline.BASELINE] = baseline.dump(new_baseline)
    if files:
        commit(root, files, durable={p for p in files if p not in plan.tracked})
    logger.info("%d files changed under %s", len(written), root)
    return Outcome(steps, written, dry_run=False)

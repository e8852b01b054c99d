"""Carry out a file plan: report it (dry run) or write it, never losing an edit."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from planner import bounded_read
from planner.errors import PlannerError, WriteError
from planner.files import baseline, journal
from planner.files.lock import project_lock
from planner.files.plan import Action, FilePlan, Step, classify
from planner.files.writer import commit, contained

logger = logging.getLogger(__name__)


class ConflictError(PlannerError):
    """Files on disk differ from what planner wrote and would be overwritten."""

    def __init__(self, steps: list[Step], baseline: dict[str, bytes] | None = None) -> None:
        self.steps = steps
        known = baseline or {}
        why = {
            True: "changed since planner wrote it",
            False: "already there, not written by planner",
        }
        lines = [f"  {s.path} ({why[s.path in known]})" for s in steps]
        count = f"{len(steps)} file{'s' if len(steps) != 1 else ''}"
        super().__init__(
            f"{count} would be overwritten, so nothing was written:\n" + "\n".join(lines) + "\n"
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


class ChangedMeanwhileError(PlannerError):
    """A file planner read (the record) changed on disk before planner wrote its result."""


class PendingWriteError(PlannerError):
    """A dry run found an interrupted write it must not recover."""


def _writing(root: Path, dry_run: bool) -> contextlib.AbstractContextManager[None]:
    """The project lock for a write; a dry run takes it only to finish an interrupted write."""
    if dry_run:
        if journal.pending(root):
            raise PendingWriteError(
                f"{root / journal.JOURNAL} says an earlier write was interrupted; a dry run "
                "changes nothing, so run the command without --dry-run to finish or undo it"
            )
        return contextlib.nullcontext()
    return project_lock(root)


def snapshot(path: Path) -> bytes | None:
    """The bytes of ``path`` now (None when it does not exist), to pass as ``expect`` later."""
    try:
        return bounded_read.read_bytes(path)
    except FileNotFoundError:
        return None
    except (OSError, PlannerError):
        return None  # the loader reports unreadable files with their name


def check_unchanged(expect: Mapping[Path, bytes | None]) -> None:
    """Refuse when a file read earlier (path -> bytes, None: absent) differs now."""
    for target, before in expect.items():
        try:
            now: bytes | None = bounded_read.read_bytes(target)
        except FileNotFoundError:
            now = None
        except OSError as exc:
            raise WriteError(f"cannot read {target}: {exc.strerror}") from None
        if now != before:
            what = "was created" if before is None else "was deleted" if now is None else "changed"
            raise ChangedMeanwhileError(
                f"{target} {what} since planner read it (someone else saved it meanwhile), "
                "so nothing was written; run the command again to start from the new version"
            )


def _ordered(files: dict[str, bytes], plan: FilePlan) -> dict[str, bytes]:
    """Generated files first, then the record and its schema, the baseline last of all."""
    return dict(
        sorted(
            files.items(),
            key=lambda item: (item[0] == baseline.BASELINE, item[0] not in plan.tracked, item[0]),
        )
    )


def apply(
    plan: FilePlan,
    root: Path,
    *,
    force: bool = False,
    dry_run: bool = False,
    expect: Mapping[Path, bytes | None] | None = None,
) -> Outcome:
    """Write the files that change; refuse (writing nothing) if any was edited, unless ``force``.

    ``expect`` maps files read before (the record) to their bytes then: if one
    changed, nothing is written.
    """
    with _writing(root, dry_run):
        if not dry_run:
            check_unchanged(expect or {})
        return _apply(plan, root, force=force, dry_run=dry_run, expect=expect or {})


def _apply(
    plan: FilePlan,
    root: Path,
    *,
    force: bool,
    dry_run: bool,
    expect: Mapping[Path, bytes | None],
) -> Outcome:
    if not dry_run:
        journal.sweep(root, list(plan.files))
    old_baseline = baseline.load(root)
    steps = classify(plan, root, old_baseline)
    conflicts = [s for s in steps if s.action is Action.CONFLICT]
    if conflicts and not force and not dry_run:
        raise ConflictError(conflicts, old_baseline)
    if force:
        steps = [
            Step(s.path, Action.REPLACED, s.old, s.new) if s.action is Action.CONFLICT else s
            for s in steps
        ]
    changing = [s for s in steps if s.action is not Action.UNCHANGED]
    written = [s.path for s in changing]
    if dry_run:
        return Outcome(steps, written, dry_run=True)
    files = {s.path: s.new for s in changing}
    new_baseline = dict(old_baseline)
    new_baseline.update({p: plan.remembered(p) for p in plan.tracked})
    if new_baseline != old_baseline:
        files[baseline.BASELINE] = baseline.dump(new_baseline)
    if files:
        commit(
            root,
            _ordered(files, plan),
            durable={p for p in files if p not in plan.tracked},
            verify=lambda: check_unchanged(expect),
        )
    logger.info("%d files changed under %s", len(written), root)
    return Outcome(steps, written, dry_run=False)


@dataclass
class UpdateOutcome(Outcome):
    conflicts: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def _classify_update(
    plan: FilePlan, root: Path, old_baseline: dict[str, bytes], *, restore: bool
) -> list[Step]:
    from planner.files.merge import merge_bytes

    steps = []
    for step in classify(plan, root, old_baseline):
        base = old_baseline.get(step.path)
        if step.path not in plan.tracked and step.action is Action.CONFLICT:
            steps.append(Step(step.path, Action.UPDATE, step.old, step.new))
        elif (
            step.action is Action.NEW
            and base is not None
            and not restore
            and step.path in plan.tracked
        ):
            steps.append(Step(step.path, Action.DELETED, None, step.new))
        elif step.action is Action.CONFLICT and step.old is not None and step.path in plan.tracked:
            if base is not None and base == step.new:
                steps.append(Step(step.path, Action.KEEP, step.old, step.old))
                continue
            merged = merge_bytes(base, step.old, step.new)
            if merged is None:  # binary or not UTF-8: never merged, kept byte for byte
                steps.append(Step(step.path, Action.CONFLICT, step.old, step.old))
                continue
            action = Action.CONFLICT if merged.conflicts else Action.MERGE
            steps.append(Step(step.path, action, step.old, merged.text.encode("utf-8")))
        else:
            steps.append(step)
    for path in sorted(set(old_baseline) - set(plan.files)):
        target = contained(root, path)
        if target.is_file():
            action = Action.REMOVE if target.read_bytes() == old_baseline[path] else Action.OBSOLETE
            steps.append(Step(path, action, target.read_bytes(), b""))
    return steps


class UnresolvedConflictsError(PlannerError):
    """Files still hold conflict markers from the last revisit."""


def _refuse_unresolved(root: Path, old_baseline: dict[str, bytes]) -> None:
    """Refuse to merge again over markers a person has not resolved yet (they would nest)."""
    from planner.files.merge import has_markers

    pending = []
    for path in sorted(old_baseline):
        target = contained(root, path)
        if target.is_file() and not target.is_symlink() and has_markers(target.read_bytes()):
            pending.append(path)
    if pending:
        raise UnresolvedConflictsError(
            f"{len(pending)} file(s) still hold conflict markers from the last revisit, "
            "so nothing was written:\n"
            + "".join(f"  {p}\n" for p in pending)
            + "Resolve them (keep the lines you want, remove the <<<<<<< ======= >>>>>>> "
            "lines) and run the command again."
        )


def update(
    plan: FilePlan,
    root: Path,
    *,
    dry_run: bool = False,
    restore: bool = False,
    prune: bool = False,
    expect: Mapping[Path, bytes | None] | None = None,
) -> UpdateOutcome:
    """Bring generated files up to date without losing edits: replace, keep, merge or mark."""
    with _writing(root, dry_run):
        if not dry_run:
            check_unchanged(expect or {})
        return _update(
            plan, root, dry_run=dry_run, restore=restore, prune=prune, expect=expect or {}
        )


def _update(
    plan: FilePlan,
    root: Path,
    *,
    dry_run: bool,
    restore: bool,
    prune: bool,
    expect: Mapping[Path, bytes | None],
) -> UpdateOutcome:
    if not dry_run:
        journal.sweep(root, list(plan.files))
    old_baseline = baseline.load(root)
    if not dry_run:
        _refuse_unresolved(root, old_baseline)
    steps = _classify_update(plan, root, old_baseline, restore=restore)
    if not prune:
        steps = [
            Step(s.path, Action.OBSOLETE, s.old, s.new) if s.action is Action.REMOVE else s
            for s in steps
        ]
    writing = [
        s for s in steps if s.action in (Action.NEW, Action.UPDATE, Action.MERGE, Action.CONFLICT)
    ]
    removing = [s.path for s in steps if s.action is Action.REMOVE]
    conflicts = [s.path for s in steps if s.action is Action.CONFLICT]
    outcome = UpdateOutcome(steps, [s.path for s in writing], dry_run, conflicts, removing)
    if dry_run:
        return outcome
    files = {s.path: s.new for s in writing if s.new != s.old}
    new_baseline = {p: d for p, d in old_baseline.items() if p not in removing}
    new_baseline.update({p: plan.remembered(p) for p in plan.tracked})
    if new_baseline != old_baseline:
        files[baseline.BASELINE] = baseline.dump(new_baseline)
    if files or removing:
        commit(
            root,
            _ordered(files, plan),
            durable={p for p in files if p not in plan.tracked},
            remove=removing,
            verify=lambda: check_unchanged(expect),
        )
    logger.info(
        "updated %d files, %d conflicts, removed %d", len(writing), len(conflicts), len(removing)
    )
    return outcome

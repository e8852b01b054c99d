"""Turn a decision record into files: documents, ADRs and (later) a project skeleton."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from planner.files.plan import FilePlan
from planner.questions.model import Bank
from planner.record.model import Record


def record_location(record_file: Path, root: Path) -> str:
    """How documents refer to the record: its path relative to the output folder."""
    return Path(os.path.relpath(record_file.resolve(), root.resolve())).as_posix()


def default_root(record_file: Path) -> Path:
    """The project folder of a record: the nearest folder up from it that holds ``.planner/``.

    ``planner new`` puts ``.planner/`` in the project folder whatever ``--record``
    says, so render, revisit and status find the same root (and the same lock)
    for ``team/decisions.yaml`` as for ``architecture/decisions.yaml``. Without
    ``.planner/`` (a record not rendered yet): the parent of ``architecture/``,
    else the record's folder.
    """
    parent = record_file.parent
    fallback = parent.parent if parent.name == "architecture" else parent
    if (fallback / ".planner").is_dir():
        return fallback
    here = Path(os.path.abspath(parent))
    for candidate in (here, *here.parents):
        if (candidate / ".planner").is_dir():
            return candidate
    return fallback


def plan_all(
    record: Record,
    bank: Bank,
    root: Path,
    *,
    record_file: Path,
    template_dirs: Sequence[Path] = (),
    skeleton: bool = True,
) -> FilePlan:
    """Every file planner generates for ``record`` under ``root``."""
    from planner.render.documents import plan_documents
    from planner.render.environment import Templates

    templates = Templates(template_dirs)
    plan = plan_documents(
        record, bank, root, templates, record_path=record_location(record_file, root)
    )
    if skeleton and record.adopted is None:  # an adopted record describes code that exists
        from planner.render.skeleton.render import plan_skeleton

        plan.update(plan_skeleton(record, bank, templates))
    check_record_path(plan, record_location(record_file, root))
    return plan


def check_record_path(plan: FilePlan, *paths: str) -> None:
    """Refuse a record (or schema) path that is one of planner's own or generated files."""
    from planner.errors import AnswerError

    for path in paths:
        if path == ".planner" or path.startswith(".planner/"):
            raise AnswerError(
                f"--record {path}: .planner/ holds planner's own files; choose another path"
            )
        if path in plan.files:
            raise AnswerError(
                f"--record {path}: planner generates a file there; "
                "choose another path (the default is architecture/decisions.yaml)"
            )

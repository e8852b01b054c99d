"""Adopt a codebase: gather check's facts once, then let each heuristic read its answers."""

from __future__ import annotations

import logging
from pathlib import Path

from planner.adopt import (
    deployment,
    infrastructure,
    initialization,
    layout,
    lifetimes,
    logs,
    testing,
)
from planner.adopt.codebase import Codebase, find_package
from planner.adopt.commit import head_commit
from planner.adopt.model import AdoptError, Adoption, Answer
from planner.adopt.names import check_settings
from planner.check.files import python_files
from planner.check.runner import gather_all
from planner.questions.model import Bank

logger = logging.getLogger(__name__)


def load_codebase(
    root: Path, package: str | None = None, use_cache: bool = True, save_cache: bool = True
) -> Codebase:
    """The package's facts, through check's cache (the same one ``planner check`` fills).

    ``save_cache=False`` reads the cache when there is one and never writes it.
    """
    if not root.is_dir():
        raise AdoptError(f"{root}: {'is not a folder' if root.exists() else 'no such folder'}")
    name, folder, notes = find_package(root, package)
    files = sorted(python_files(folder))
    facts, cached = gather_all(files, folder.parent, root, use_cache, save=save_cache)
    return Codebase(root, name, folder, facts, cached, notes)


def adopt(
    root: Path,
    bank: Bank,
    *,
    package: str | None = None,
    use_cache: bool = True,
    save_cache: bool = True,
) -> Adoption:
    """Every answer the code gives, with evidence; questions it cannot answer left open."""
    code = load_codebase(root, package, use_cache, save_cache)
    framework_answer = infrastructure.framework(code, bank)
    framework = (
        str(framework_answer.value)
        if framework_answer is not None and not framework_answer.open
        else None
    )
    layout_answers, shape = layout.adopt(code, bank, framework)
    found: list[Answer | None] = [
        *deployment.adopt(code, bank),
        *initialization.adopt(code, bank, framework),
        *lifetimes.adopt(code, bank),
        *layout_answers,
        *testing.adopt(code, bank),
        *logs.adopt(code, bank),
        infrastructure.isolation(code, bank),
        framework_answer,
    ]
    answers = {a.qid: a for a in found if a is not None and bank.question(a.qid) is not None}
    logger.info(
        "adopted %s: %d answers from %d files", code.package, len(answers), len(code.modules)
    )
    return Adoption(
        root=str(root),
        package=code.package,
        answers=answers,
        check=check_settings(code, shape, answers),
        commit=head_commit(root),
        files=len(code.modules),
        cached=code.cached,
        notes=code.notes,
    )

"""Bring decision records written by an older planner up to the current version.

A record on an older version is upgraded in memory, on the plain data, before
it is validated; the file on disk is left alone. It is written in the new
version only when planner writes the record anyway (``revisit``, ``new
--force``). Each step answers, for the questions the newer bank added, what
the older planner meant, so the upgraded record says exactly what the old one
said and no more.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from planner.marked_yaml import Document

CURRENT_VERSION = 2
"""The record version this planner writes (``planner.record.model.RECORD_VERSION``)."""

Decisions = dict[str, Any]


@dataclass(frozen=True)
class Upgrade:
    """What happened while loading: the version on disk and what the upgrade filled in."""

    from_version: int
    to_version: int
    notes: tuple[str, ...] = ()

    @property
    def upgraded(self) -> bool:
        return self.from_version != self.to_version


def _answers(decisions: Decisions, heuristic: str) -> dict[str, Any] | None:
    """The answers mapping of one heuristic, or None when it is absent or malformed."""
    decision = decisions.get(heuristic)
    if not isinstance(decision, dict):
        return None
    answers = decision.get("answers")
    if answers is None:
        answers = decision["answers"] = {}
    return answers if isinstance(answers, dict) else None


def _is_open(decisions: Decisions, heuristic: str, key: str) -> bool:
    decision = decisions.get(heuristic)
    opened = decision.get("open") if isinstance(decision, dict) else None
    return isinstance(opened, dict) and key in opened


def _fill(decisions: Decisions, heuristic: str, key: str, value: Any, notes: list[str]) -> None:
    answers = _answers(decisions, heuristic)
    if answers is None or key in answers or _is_open(decisions, heuristic, key):
        return
    answers[key] = value
    notes.append(f"{heuristic}.{key}: {value}")


def _v1_to_v2(decisions: Decisions, notes: list[str]) -> None:
    """Version 1 asked fewer questions; fill in what a version 1 record implied.

    - The web framework was asked only under ports and adapters; every other
      version 1 project was Flask.
    - Configuration was always read when the app was created (INI002 held).
    - A feature's public interface was its package: LAY002 allowed imports of
      ``pkg.feature`` and reported anything deeper.
    - Test files were always named ``test_<module>.py``.
    - "No logger in every module" still gave a logger to each module that logs.
    """
    _fill(decisions, "infrastructure", "framework", "flask", notes)
    _fill(decisions, "initialization", "config_read", "at_creation", notes)
    layout = _answers(decisions, "layout")
    if layout is not None and layout.get("style") == "by_feature":
        _fill(decisions, "layout", "public_interface", "package_root", notes)
    testing = _answers(decisions, "testing")
    if testing is not None and "layout" in testing:
        _fill(decisions, "testing", "naming", "test_prefix", notes)
    logs = _answers(decisions, "logging")
    if logs is not None and logs.get("module_logger") is False:
        _fill(decisions, "logging", "logger_scope", "where_used", notes)


STEPS: dict[int, Callable[[Decisions, list[str]], None]] = {1: _v1_to_v2}
"""From version N to N + 1, applied to ``decisions`` and every ``history[].previous``."""


def upgrade(doc: Document) -> tuple[Document, Upgrade]:
    """``doc`` upgraded to the current version (a copy), and what was done.

    Leaves the document untouched when its version is current, missing or not
    one this planner knows: the parser then reports the problem with its line.
    """
    data = doc.data
    version = data.get("version") if isinstance(data, dict) else None
    if (
        not isinstance(version, int)
        or isinstance(version, bool)
        or version not in STEPS
        or version >= CURRENT_VERSION
    ):
        current = version if isinstance(version, int) and not isinstance(version, bool) else 0
        return doc, Upgrade(current, current)
    data = copy.deepcopy(data)
    notes: list[str] = []
    for step in range(version, CURRENT_VERSION):
        targets = [data.get("decisions")]
        history = data.get("history")
        if isinstance(history, list):
            targets += [entry.get("previous") for entry in history if isinstance(entry, dict)]
        for index, decisions in enumerate(targets):
            if isinstance(decisions, dict):
                STEPS[step](decisions, notes if index == 0 else [])
    data["version"] = CURRENT_VERSION
    upgraded = Document(doc.source, data, doc.marks, doc.key_marks, doc.text)
    return upgraded, Upgrade(version, CURRENT_VERSION, tuple(notes))

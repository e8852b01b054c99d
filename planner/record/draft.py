"""Drafts: everything typed in an interrupted meeting, kept next to the record.

A draft holds the answers in force (``answers``), answers given further on
that a person went back over and has not confirmed again (``later``: they come
back as the suggested answers), and who/when for questions left for later
(``open``). An older flat draft (``id: value`` lines) still loads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from planner import bounded_read, marked_yaml
from planner.errors import InputFileError, RecordError
from planner.files.writer import atomic_write
from planner.questions.model import DEFERRED, Bank, Value
from planner.record.model import OpenItem
from planner.record.parse import parse_flat_answers

_HEADER = "# Answers given so far; `planner new DIR --resume` continues from here.\n"
_PARTS = ("answers", "later", "open")


@dataclass
class Draft:
    answers: dict[str, Value] = field(default_factory=dict)
    later: dict[str, Value] = field(default_factory=dict)
    open: dict[str, OpenItem] = field(default_factory=dict)


def draft_path(record: Path) -> Path:
    return record.with_name(f".{record.stem}.draft{record.suffix}")


def _plain(answers: Mapping[str, Value]) -> dict[str, Any]:
    return {k: ("?" if v is DEFERRED else v) for k, v in answers.items()}


def save_draft(
    path: Path,
    answers: Mapping[str, Value],
    *,
    later: Mapping[str, Value] | None = None,
    open_items: Mapping[str, OpenItem] | None = None,
) -> Path:
    data: dict[str, Any] = {"answers": _plain(answers)}
    if later:
        data["later"] = _plain(later)
    items = {
        k: {"owner": v.owner, "revisit": v.revisit}
        for k, v in (open_items or {}).items()
        if v.owner or v.revisit
    }
    if items:
        data["open"] = items
    text = _HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    atomic_write(path, text.encode("utf-8"))
    return path


def _part(doc: marked_yaml.Document, name: str) -> marked_yaml.Document:
    def inside(marks: dict[Any, Any]) -> dict[Any, Any]:
        return {p[1:]: m for p, m in marks.items() if p[:1] == (name,)}

    return marked_yaml.Document(
        doc.source, doc.data.get(name), inside(doc.marks), inside(doc.key_marks)
    )


def load_draft(path: Path, bank: Bank) -> Draft:
    try:
        doc = marked_yaml.load(bounded_read.read_bytes(path), str(path))
    except InputFileError as exc:
        raise RecordError(exc.problems) from None
    if doc.data is None:
        return Draft()
    data = doc.data
    if not (isinstance(data, dict) and isinstance(data.get("answers"), dict | None)) or not (
        set(data) <= set(_PARTS)
    ):
        return Draft(answers=parse_flat_answers(doc, bank))
    found = Draft(
        answers=parse_flat_answers(_part(doc, "answers"), bank),
        later=parse_flat_answers(_part(doc, "later"), bank) if data.get("later") else {},
    )
    for qid, item in (data.get("open") or {}).items():
        if bank.question(str(qid)) is not None and isinstance(item, dict):
            found.open[str(qid)] = OpenItem(
                owner=str(item.get("owner") or ""), revisit=str(item.get("revisit") or "")
            )
    return found


def discard(path: Path) -> None:
    path.unlink(missing_ok=True)

"""Drafts: the answers of an interrupted meeting, kept next to the record."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from planner import marked_yaml
from planner.errors import InputFileError, RecordError
from planner.files.writer import atomic_write
from planner.questions.model import DEFERRED, Bank, Value
from planner.record.parse import parse_flat_answers

_HEADER = "# Answers given so far; `planner new --resume` continues from here.\n"


def draft_path(record: Path) -> Path:
    return record.with_name(f".{record.stem}.draft{record.suffix}")


def save_draft(path: Path, answers: Mapping[str, Value]) -> Path:
    data: dict[str, Any] = {k: ("?" if v is DEFERRED else v) for k, v in answers.items()}
    text = _HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    atomic_write(path, text.encode("utf-8"))
    return path


def load_draft(path: Path, bank: Bank) -> dict[str, Value]:
    try:
        doc = marked_yaml.load(path.read_bytes(), str(path))
    except InputFileError as exc:
        raise RecordError(exc.problems) from None
    if doc.data is None:
        return {}
    answers = parse_flat_answers(doc, bank)
    return {k: (DEFERRED if v == "?" else v) for k, v in answers.items()}


def discard(path: Path) -> None:
    path.unlink(missing_ok=True)

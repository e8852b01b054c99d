"""Read and write decision records: YAML on disk, typed objects in memory.

The dump is canonical (fixed key order, bank order for answers, short lists
inline, multi-line text as blocks), so saving an unchanged record gives the
same bytes and diffs in review show only what changed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from planner import bounded_read, marked_yaml
from planner.errors import InputFileError, RecordError
from planner.files.writer import atomic_write
from planner.questions.loader import load_bank
from planner.questions.model import Bank, Value
from planner.record import patch
from planner.record.migrations import Upgrade, upgrade
from planner.record.model import DEFAULT_ADR_STYLE, SCHEMA_ID, Decision, Record
from planner.record.parse import Parsed, parse_flat_answers, parse_record, read_packs

logger = logging.getLogger(__name__)

SCHEMA_FILENAME = "decisions.schema.json"
HEADER = (
    f"# yaml-language-server: $schema={SCHEMA_FILENAME}\n"
    "# Architecture decision record kept by planner. Edit it by hand if you like;\n"
    "# `planner validate` checks it and `planner revisit` changes it with history.\n"
)


@dataclass
class LoadedRecord:
    record: Record
    bank: Bank
    path: Path
    text: str = ""
    """The record's text as read; a revisit edits this text in place."""
    upgrade: Upgrade | None = None
    """Set when the file is on an older record version and was upgraded in memory."""
    original: Any = None
    """With ``upgrade``: the data as the older version wrote it (what ``text`` says)."""


def _document(path: Path) -> marked_yaml.Document:
    try:
        raw = bounded_read.read_bytes(path)
    except FileNotFoundError:
        raise RecordError(
            [marked_yaml.Document(str(path), None).problem((), "file not found")]
        ) from None
    except OSError as exc:
        raise RecordError(
            [marked_yaml.Document(str(path), None).problem((), f"cannot read: {exc.strerror}")]
        ) from None
    try:
        return marked_yaml.load(raw, str(path))
    except RecordError:
        raise
    except InputFileError as exc:
        raise RecordError(exc.problems) from None


def _bank_for(doc: marked_yaml.Document, base: Path, bank: Bank | None) -> Bank:
    if bank is not None:
        return bank
    packs = read_packs(doc)
    missing = [
        doc.problem(("packs", i), f"question pack {p!r} not found next to the record")
        for i, p in enumerate(packs)
        if not p.strip() or not (base / p).is_file()
    ]
    if missing:
        raise RecordError(missing)
    return load_bank([base / p for p in packs])


def load_record(path: Path, bank: Bank | None = None) -> LoadedRecord:
    """Load and fully validate a decision record."""
    read = _document(path)
    original = read.data  # as written: a revisit of an older record edits this text
    doc, upgraded = upgrade(read)
    bank = _bank_for(doc, path.parent, bank)
    parsed = parse_record(doc, bank)
    logger.info("loaded record %s (%d decisions)", path, len(parsed.record.decisions))
    return LoadedRecord(
        parsed.record,
        bank,
        path,
        doc.text,
        upgraded if upgraded.upgraded else None,
        original if upgraded.upgraded else None,
    )


def load_answers(path: Path, bank: Bank) -> Parsed | dict[str, Value]:
    """An answers file: a partial record, or a flat ``question: value`` mapping."""
    doc, _ = upgrade(_document(path))
    data = doc.data
    if isinstance(data, dict) and any("." in str(key) for key in data):
        return parse_flat_answers(doc, bank)
    return parse_record(doc, bank, partial=True)


# -- dumping ------------------------------------------------------------------


class _Flow(list[Any]):
    """A list emitted inline: ``[a, b, c]``."""


class _FlowMap(dict[str, Any]):
    """A mapping emitted inline: ``{owner: Ana, revisit: Q3}``."""


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


def _flow(dumper: yaml.SafeDumper, data: _Flow) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


_Dumper.add_representer(str, _str)


def _flow_map(dumper: yaml.SafeDumper, data: _FlowMap) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)


_Dumper.add_representer(_Flow, _flow)
_Dumper.add_representer(_FlowMap, _flow_map)


def _list(values: list[Any]) -> list[Any]:
    scalars = all(isinstance(v, (str, int, bool)) and "\n" not in str(v) for v in values)
    if scalars and sum(len(str(v)) + 2 for v in values) <= 70:
        return _Flow(values)
    return list(values)


def _settings(value: Any) -> Any:
    """``check`` settings as written, lists of short scalars in flow style."""
    if isinstance(value, dict):
        return {k: _settings(v) for k, v in value.items()}
    if isinstance(value, list):
        return _list([_settings(v) for v in value])
    return value


def _open_item(owner: str, revisit: str) -> dict[str, str]:
    item = {"owner": owner, "revisit": revisit}
    return _FlowMap(item) if len(owner) + len(revisit) <= 50 else item


def _plain(value: Value) -> Any:
    return _list(value) if isinstance(value, list) else value


def _decision_data(decision: Decision, bank: Bank) -> dict[str, Any]:
    section = bank.section(decision.heuristic)
    order = [q.key for q in section.answer_questions] if section else []

    def ordered(mapping: dict[str, Any]) -> list[str]:
        return sorted(mapping, key=lambda k: order.index(k) if k in order else len(order))

    out: dict[str, Any] = {"status": decision.status, "date": decision.date}
    out["answers"] = {k: _plain(decision.answers[k]) for k in ordered(decision.answers)}
    if decision.open:
        out["open"] = {
            k: _open_item(decision.open[k].owner, decision.open[k].revisit)
            for k in ordered(decision.open)
        }
    out["rationale"] = decision.rationale
    if decision.considered:
        out["considered"] = {k: _list(decision.considered[k]) for k in ordered(decision.considered)}
    return out


def record_data(record: Record, bank: Bank) -> dict[str, Any]:
    """The record as plain data in canonical order (also used for JSON output)."""
    project: dict[str, Any] = {
        "name": record.project.name,
        "package": record.project.package,
        "description": record.project.description,
    }
    project.update({k: _plain(v) for k, v in record.project.extra.items()})
    meeting: dict[str, Any] = {
        "date": record.meeting.date,
        "participants": _list(record.meeting.participants),
    }
    meeting.update({k: _plain(v) for k, v in record.meeting.extra.items()})
    data: dict[str, Any] = {
        "schema": SCHEMA_ID,
        "version": record.version,
        "project": project,
        "meeting": meeting,
    }
    if record.packs:
        data["packs"] = _list(record.packs)
    heuristics = [s.id for s in bank.heuristics]
    data["decisions"] = {
        hid: _decision_data(record.decisions[hid], bank)
        for hid in sorted(
            record.decisions, key=lambda h: heuristics.index(h) if h in heuristics else 0
        )
    }
    history = []
    for revision in record.history:
        entry: dict[str, Any] = {
            "revision": revision.number,
            "date": revision.date,
            "participants": _list(revision.participants),
            "summary": revision.summary,
        }
        if revision.planner:
            entry["planner"] = revision.planner
        if revision.previous:
            entry["previous"] = {h: _decision_data(d, bank) for h, d in revision.previous.items()}
        history.append(entry)
    data["history"] = history
    if record.check:
        data["check"] = _settings(record.check)
    if record.adr_style != DEFAULT_ADR_STYLE:
        data["adr"] = {"style": record.adr_style}
    if record.adopted is not None:
        data["adopted"] = record.adopted
    return data


def _dump(data: Any) -> str:
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=88,
    )


def dump_record(record: Record, bank: Bank) -> str:
    """The record as canonical YAML text, header comment included."""
    return HEADER + _dump(record_data(record, bank))


_NOT_IN_PLACE = "%s is rewritten in canonical form, without its comments: %s"


def dump_revised(loaded: LoadedRecord, record: Record) -> str:
    """``record`` written over the text ``loaded`` was read from, keeping the team's words.

    Only the values that changed are rewritten; comments, blank lines, key
    order and quoting elsewhere keep their bytes (see ``planner.record.patch``).
    The edited text must read back as exactly ``record``; if it does not, or
    its shape is one we do not edit in place, the canonical dump is used.
    """
    bank = loaded.bank
    new = record_data(record, bank)
    if not loaded.text:
        return dump_record(record, bank)
    try:
        old = loaded.original if loaded.upgrade is not None else record_data(loaded.record, bank)
        text = patch.patch(loaded.text, old, new, _dump)
        again = parse_record(marked_yaml.load(text, str(loaded.path)), bank).record
    except (patch.CannotPatch, InputFileError) as exc:
        logger.warning(_NOT_IN_PLACE, loaded.path, exc)
        return dump_record(record, bank)
    if record_data(again, bank) != new:
        logger.warning(_NOT_IN_PLACE, loaded.path, "the edit did not read back")
        return dump_record(record, bank)
    return text


def _current(path: Path) -> bytes | None:
    try:
        return bounded_read.read_bytes(path)
    except (OSError, bounded_read.UnreadableInputError):
        return None


def save_record(path: Path, record: Record, bank: Bank) -> bool:
    """Write the record atomically; return False when the file already had these bytes."""
    text = dump_record(record, bank).encode("utf-8")
    if path.is_file() and _current(path) == text:
        logger.info("record %s unchanged", path)
        return False
    atomic_write(path, text)
    logger.info("wrote record %s", path)
    return True

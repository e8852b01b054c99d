"""A JSON Schema for decision records, generated from the question bank.

Editors running the YAML language server read it (the record's first line
points at it) to complete and check answers while a person edits by hand.
"""

from __future__ import annotations

import json
from typing import Any

from planner.check.config import settings_schema
from planner.questions.model import Bank, Question, Section
from planner.record.model import ADR_STYLES, RECORD_VERSION, SCHEMA_ID, STATUSES

_DATE = {"type": "string", "format": "date"}
_STRINGS = {"type": "array", "items": {"type": "string"}}


def _answer_schema(question: Question) -> dict[str, Any]:
    base: dict[str, Any] = {"title": question.title, "description": question.prompt}
    if question.help:
        base["description"] += "\n\n" + question.help
    rules = question.validate
    if question.type == "select":
        base["enum"] = list(question.choice_values)
        base["markdownEnumDescriptions"] = [
            f"**{c.label}**{f' ({c.legacy})' if c.legacy else ''}: {c.description}"
            for c in question.choices
        ]
    elif question.type == "checkbox":
        base.update(type="array", uniqueItems=True, items={"enum": list(question.choice_values)})
    elif question.type == "confirm":
        base["type"] = "boolean"
    elif question.type == "number":
        base["type"] = "integer"
        if rules.min is not None:
            base["minimum"] = rules.min
        if rules.max is not None:
            base["maximum"] = rules.max
    else:
        text: dict[str, Any] = {"type": "string"}
        if rules.pattern:
            text["pattern"] = f"^(?:{rules.pattern})$"
        if rules.max_length:
            text["maxLength"] = rules.max_length
        if rules.required:
            text["minLength"] = 1
        if question.type == "list":
            base.update(type="array", items=text)
            if rules.unique:
                base["uniqueItems"] = True
            if rules.min_items is not None:
                base["minItems"] = rules.min_items
        else:
            base.update(text)
    return base


def _decision_schema(section: Section) -> dict[str, Any]:
    answers = {q.key: _answer_schema(q) for q in section.answer_questions}
    keys = {"type": "string", "enum": list(answers)}
    return {
        "type": "object",
        "title": f"{section.number}. {section.title}",
        "description": section.intro,
        "additionalProperties": False,
        "properties": {
            "status": {"enum": list(STATUSES)},
            "date": {"anyOf": [_DATE, {"type": "null"}]},
            "rationale": {"type": "string"},
            "answers": {"type": "object", "additionalProperties": False, "properties": answers},
            "open": {
                "type": "object",
                "propertyNames": keys,
                "additionalProperties": {
                    "type": ["object", "null"],
                    "additionalProperties": False,
                    "properties": {"owner": {"type": "string"}, "revisit": {"type": "string"}},
                },
            },
            "considered": {
                "type": "object",
                "propertyNames": keys,
                "additionalProperties": _STRINGS,
            },
        },
    }


def _meta_schema(section: Section, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    props = {q.key: _answer_schema(q) for q in section.questions}
    props.update(extra or {})
    required = [q.key for q in section.questions if q.validate.required] + list(extra or {})
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": props,
        "required": required,
    }


def record_schema(bank: Bank) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that a record for ``bank`` must satisfy."""
    project = bank.section("project")
    meeting = bank.section("meeting")
    assert project is not None and meeting is not None
    defs = {f"decision_{s.id}": _decision_schema(s) for s in bank.heuristics}
    decisions = {s.id: {"$ref": f"#/$defs/decision_{s.id}"} for s in bank.heuristics}
    revision = {
        "type": "object",
        "required": ["revision", "date"],
        "additionalProperties": False,
        "properties": {
            "revision": {"type": "integer", "minimum": 1},
            "date": _DATE,
            "participants": _STRINGS,
            "summary": {"type": "string"},
            "planner": {"type": "string", "description": "The planner version that wrote it."},
            "previous": {"type": "object", "properties": decisions, "additionalProperties": False},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_ID}-v{RECORD_VERSION}.json",
        "title": "planner decision record",
        "$defs": defs,
        "type": "object",
        "additionalProperties": False,
        "required": ["version", "project", "meeting", "decisions"],
        "properties": {
            "schema": {"const": SCHEMA_ID},
            "version": {"const": RECORD_VERSION},
            "project": _meta_schema(project),
            "meeting": _meta_schema(meeting, {"date": _DATE}),
            "packs": _STRINGS,
            "decisions": {
                "type": "object",
                "additionalProperties": False,
                "required": list(decisions),
                "properties": decisions,
            },
            "history": {"type": "array", "items": revision},
            "adr": {
                "type": "object",
                "additionalProperties": False,
                "properties": {"style": {"enum": list(ADR_STYLES)}},
            },
            "check": settings_schema(),
            "adopted": {"type": "string", "minLength": 1},
        },
    }


def schema_text(bank: Bank) -> str:
    return json.dumps(record_schema(bank), indent=2, ensure_ascii=False) + "\n"

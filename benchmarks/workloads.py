"""Inputs for benchmarks (and the tests that check them): generated packs and records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from planner.files.plan import FilePlan
from planner.questions.engine import Interview, fill_defaults
from planner.questions.loader import load_bank
from planner.record.build import build_record
from planner.render import plan_all


def pack_with_decisions(folder: Path, count: int) -> Path:
    """A question pack adding ``count`` heuristics of one three-way choice each."""
    sections = []
    for i in range(count):
        choices = [
            {
                "value": f"option_{c}",
                "label": f"Option {c}",
                "description": f"Choice {c} of custom decision {i}.",
                "pros": [f"Pro {c} of decision {i}."],
                "cons": [f"Con {c} of decision {i}."],
                "consequences": [f"Consequence {c} of decision {i}."],
            }
            for c in "abc"
        ]
        question = {
            "id": "choice",
            "type": "select",
            "prompt": f"How do we settle custom matter {i}?",
            "help": f"Matter {i} shapes part of the system.",
            "default": "option_a",
            "choices": choices,
        }
        sections.append(
            {"id": f"custom_{i:04d}", "title": f"Custom matter {i}", "questions": [question]}
        )
    path = folder / f"pack-{count}.yaml"
    path.write_text(yaml.safe_dump({"version": 1, "sections": sections}, sort_keys=False))
    return path


def render_pack_record(pack: Path, root: Path) -> FilePlan:
    """Build the default record for the bank plus ``pack`` and plan its documents."""
    bank = load_bank([pack])
    interview = Interview(bank, target_name="bench")
    fill_defaults(interview)
    record = build_record(bank, interview.resolved(), date=dt.date(2026, 11, 24), packs=[str(pack)])
    return plan_all(record, bank, root, record_file=root / "architecture" / "decisions.yaml")

"""Helpers for rendering tests: render a record into a folder, parse Markdown structure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from planner.files.apply import apply
from planner.files.plan import FilePlan
from planner.questions.engine import Interview, fill_defaults
from planner.questions.model import Bank, Value
from planner.record.build import build_record
from planner.record.model import Record
from planner.render import plan_all

DATE = dt.date(2026, 11, 24)


@pytest.fixture
def make_record(bank: Bank) -> Callable[..., Record]:
    def make(**answers: Value) -> Record:
        fixed = {k.replace("__", "."): v for k, v in answers.items()}
        interview = Interview(bank, fixed=fixed, target_name="shop")
        assert fill_defaults(interview) == []
        return build_record(bank, interview.resolved(), date=DATE)

    return make


@pytest.fixture
def plan_for(bank: Bank, tmp_path: Path) -> Callable[..., FilePlan]:
    def plan(record: Record, root: Path | None = None, **kwargs: Any) -> FilePlan:
        root = root or tmp_path / "out"
        return plan_all(
            record, bank, root, record_file=root / "architecture" / "decisions.yaml", **kwargs
        )

    return plan


@pytest.fixture
def render_to(bank: Bank, plan_for: Callable[..., FilePlan]) -> Callable[..., Path]:
    def render(record: Record, root: Path, **kwargs: Any) -> Path:
        apply(plan_for(record, root, **kwargs), root)
        return root

    return render


def outline(markdown: str) -> list[tuple[str, str]]:
    """The block structure of a Markdown document: (token type, heading text) pairs."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    out = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            out.append((token.tag, tokens[i + 1].content))
        elif token.type in ("table_open", "fence", "html_block", "hr"):
            out.append((token.type, token.info if token.type == "fence" else ""))
    return out

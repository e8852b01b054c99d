"""The shipped example meetings: valid, and reproducible with ``planner new --example``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner import resources
from planner.record.io import load_record

EXAMPLES = sorted(resources.examples())


def test_three_examples_ship() -> None:
    assert EXAMPLES == ["demo", "large", "ports"]


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_is_valid(name: str) -> None:
    loaded = load_record(resources.examples()[name])
    assert loaded.record.meeting.participants


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.usefixtures("no_terminal")
def test_new_example_reproduces_the_checked_in_record(
    name: str, tmp_path: Path, invoke: Callable[..., Any]
) -> None:
    target = tmp_path / name
    result = invoke("new", target, "--example", name)
    assert result.exit_code == 0, result.output
    written = (target / "architecture" / "decisions.yaml").read_bytes()
    assert written == resources.examples()[name].read_bytes()


def test_examples_cover_the_interesting_choices() -> None:
    records = {name: load_record(path).record for name, path in resources.examples().items()}
    assert records["ports"].decisions["infrastructure"].answers["framework"] == "falcon"
    assert records["large"].decisions["deployment"].open["config_management"].owner
    assert len(records["large"].decisions["layout"].answers["features"]) >= 8


@pytest.mark.parametrize("name", EXAMPLES)
def test_checked_in_documents_are_current(name: str) -> None:
    """Fails when a template or the bank changed and the examples were not re-rendered.

    Refresh them with: planner new examples/NAME --example NAME --force
    """
    from planner.files.plan import FilePlan
    from planner.record.io import dump_record
    from planner.render import default_root, plan_all

    record_file = resources.examples()[name]
    loaded = load_record(record_file)
    root = default_root(record_file)
    plan: FilePlan = plan_all(loaded.record, loaded.bank, root, record_file=record_file)
    stale = [path for path, data in plan.files.items() if (root / path).read_bytes() != data]
    assert stale == [], f"stale example files in {root}: {stale}"
    assert record_file.read_text(encoding="utf-8") == dump_record(loaded.record, loaded.bank)

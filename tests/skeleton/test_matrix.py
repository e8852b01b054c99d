"""Every pair of decisions, generated and checked: the projects' own tests, ruff and ruff format pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.questions.loader import load_bank
from planner.render.skeleton.pairwise import pairwise
from tests.skeleton.conftest import generate, run_checks

pytestmark = pytest.mark.matrix

COMBINATIONS = pairwise(
    load_bank(),
    extra={
        "layout.features": [["accounts"], ["users", "billing_items"]],
        "testing.coverage": [0, 80],
    },
)


def label(combo: dict[str, object]) -> str:
    keys = (
        "deployment.artifact",
        "initialization.wiring",
        "initialization.database",
        "lifetimes.db_session",
        "layout.style",
        "layout.views",
        "testing.layout",
        "logging.format",
    )
    return "-".join(str(combo.get(k, "na")) for k in keys)


def test_matrix_covers_every_pair() -> None:
    assert 10 <= len(COMBINATIONS) <= 60


@pytest.mark.parametrize(
    "combo", COMBINATIONS, ids=[f"{i:02d}-{label(c)}" for i, c in enumerate(COMBINATIONS)]
)
def test_generated_project_passes_its_own_checks(combo: dict[str, object], tmp_path: Path) -> None:
    root = tmp_path / "project"
    answers = {k: v for k, v in combo.items() if not k.startswith(("project.", "meeting."))}
    spec = generate(root, answers)
    run_checks(root, spec)


@pytest.mark.parametrize("name", ["demo", "large", "ports"])
def test_checked_in_example_projects_pass_their_own_checks(name: str, tmp_path: Path) -> None:
    import shutil

    from planner import resources
    from planner.record.io import load_record
    from planner.render.skeleton.spec import build_spec

    record_file = resources.examples()[name]
    loaded = load_record(record_file)
    root = tmp_path / name
    shutil.copytree(record_file.parent.parent, root)
    run_checks(root, build_spec(loaded.record, loaded.bank))

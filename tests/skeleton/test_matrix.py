"""Every pair of decisions, generated and checked: the projects' own tests and ruff pass."""

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
    exclude={"infrastructure.framework": ["falcon"]},
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

"""Round trip over the skeleton matrix: generate, delete the record, adopt, compare, check.

The expected answers are what each generated project does, judged from the
skeleton's documented behaviour (README, "The project skeleton"): Falcon has no
flask.g, app.extensions or Flask-SQLAlchemy, so those answers come out as the
composition root and scoped_session it uses instead; the skeleton writes no
host-setup files, so configuration management can only be left open; a
re-export-only ``__init__`` is the one module without a logger when
module_logger is false, so the code has a logger in every module that runs code.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.adopt.record import build
from planner.adopt.run import adopt
from planner.check.config import CheckConfig, merge
from planner.check.report import text
from planner.check.runner import run_check
from planner.questions.loader import load_bank
from planner.questions.model import DEFERRED, Value
from planner.record.io import load_record
from planner.render.skeleton.spec import build_spec
from tests.skeleton.conftest import generate
from tests.skeleton.test_matrix import COMBINATIONS, label

pytestmark = pytest.mark.matrix

# Answers the generated code always determines.
DETERMINED = (
    "deployment.artifact",
    "deployment.ci",
    "deployment.wsgi_server",
    "initialization.entry_point",
    "initialization.wiring",
    "initialization.config_source",
    "initialization.database",
    "lifetimes.other_resources",
    "layout.style",
    "layout.src_layout",
    "layout.features",
    "testing.layout",
    "testing.coverage",
    "logging.module_logger",
    "logging.format",
    "logging.destination",
    "logging.request_id",
    "infrastructure.isolation",
)


def expected(root: Path) -> dict[str, Value]:
    """What the generated code does, from its record and the skeleton's Falcon substitutions."""
    loaded = load_record(root / "architecture" / "decisions.yaml")
    spec = build_spec(loaded.record, loaded.bank)
    want: dict[str, Value] = {
        "deployment.artifact": spec.artifact,
        "deployment.ci": spec.ci,
        "deployment.wsgi_server": spec.wsgi_server,
        "deployment.config_management": DEFERRED,
        "initialization.entry_point": spec.entry_point,
        "initialization.wiring": spec.wiring,
        "initialization.config_source": spec.config_source,
        "initialization.database": spec.database,
        "lifetimes.other_resources": list(spec.other_resources),
        "layout.style": spec.layout,
        "layout.src_layout": spec.src_layout,
        "layout.features": sorted(spec.features),
        "testing.layout": spec.test_layout,
        "testing.coverage": spec.coverage,
        "logging.module_logger": True,
        "logging.format": spec.log_format,
        "logging.destination": spec.log_destination,
        "logging.request_id": spec.request_id,
        "infrastructure.isolation": (
            "ports_and_adapters" if spec.ports else "repository" if spec.repository else "none"
        ),
    }
    if spec.has_db:
        want["initialization.db_init"] = spec.db_init
        want["lifetimes.db_session"] = spec.db_session
    want["layout.views"] = DEFERRED if spec.falcon else spec.views
    if want["infrastructure.isolation"] == "ports_and_adapters":
        want["infrastructure.framework"] = spec.framework
    return want


@pytest.mark.parametrize(
    "combo", COMBINATIONS, ids=[f"{i:02d}-{label(c)}" for i, c in enumerate(COMBINATIONS)]
)
def test_adopting_a_generated_project_gives_back_its_decisions(
    combo: dict[str, object], tmp_path: Path
) -> None:
    root = tmp_path / "project"
    generate(root, {k: v for k, v in combo.items() if not k.startswith(("project.", "meeting."))})
    want = expected(root)
    (root / "architecture" / "decisions.yaml").unlink()

    bank = load_bank()
    adoption = adopt(root, bank)
    record = build(adoption, bank, date=dt.date(2026, 11, 25))
    got = record.flat_answers()
    for qid in DETERMINED:
        assert adoption.answers[qid].sure != "open", f"{qid} left open: {adoption.answers[qid]}"
    mismatches = {
        qid: (value, got.get(qid), adoption.answers.get(qid))
        for qid, value in want.items()
        if got.get(qid) != value
    }
    assert not mismatches, mismatches
    assert all(d.status == "proposed" for d in record.decisions.values())
    assert record.history[0].summary.startswith("Adopted from code")

    config = merge(CheckConfig(), record.check, "adopted record")
    report = run_check(root, record.project.package, got, config=config, use_cache=False)
    assert report.clean, text(report)

"""Every pair of decisions, generated and checked: the projects' own tests, ruff and ruff format pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.questions.loader import load_bank
from planner.render.skeleton.nearest import NEAREST, nearest, resources_note
from planner.render.skeleton.pairwise import pairwise
from tests.skeleton.conftest import generate, run_checks

pytestmark = pytest.mark.matrix

# Answers the skeleton cannot generate as recorded build the nearest skeleton (see
# planner/render/skeleton/nearest.py); pairing them with everything would only repeat the
# projects of their stand-ins, so they are left out of the pairs and covered by STAND_INS.
EXCLUDED: dict[str, list[object]] = {
    **{qid: list(values) for qid, values in NEAREST.items()},
    "layout.public_interface": ["services_module", "no_rule"],  # no effect on the files
}

PAIRS = pairwise(
    load_bank(),
    extra={
        "layout.features": [["accounts"], ["users", "billing_items"]],
        "testing.coverage": [0, 80],
    },
    exclude=EXCLUDED,
)

STAND_INS: list[dict[str, object]] = [
    {
        "deployment.artifact": "source_paas",
        "deployment.ci": "circleci",
        "deployment.wsgi_server": "dev_server",
        "initialization.config_source": "classes",
        "initialization.config_read": "import_time",
        "initialization.wiring": "bootstrap",
        "initialization.db_init": "create_all_at_startup",
        "lifetimes.db_session": "dbapi_on_g",
        "lifetimes.other_resources": ["http_client", "smtp", "metrics"],
        "layout.style": "single_context",
        "testing.layout": "none_yet",
        "logging.format": "unconfigured",
        "logging.destination": "per_environment",
    },
    {
        "project.package": "app",
        "deployment.artifact": "source_venv",
        "deployment.ci": "travis",
        "initialization.wiring": "middleware_singletons",
        "initialization.db_init": "create_all_then_migrate",
        "lifetimes.other_resources": ["cache", "message_queue", "job_queue", "rate_limit_storage"],
        "layout.style": "by_feature",
        "layout.public_interface": "no_rule",
        "testing.layout": "flat",
        "testing.naming": "test_suffix",
        "logging.module_logger": False,
        "logging.logger_scope": "shared",
        "infrastructure.framework": "falcon",
        "infrastructure.isolation": "none",
    },
    {
        "project.package": "app",
        "deployment.artifact": "not_deployed",
        "deployment.ci": "other",
        "initialization.database": "postgresql",
        "initialization.db_init": "test_fixtures_only",
        "lifetimes.db_session": "dbapi_on_g",
        "layout.style": "single_context",
        "testing.layout": "flat",
        "infrastructure.framework": "falcon",
        "infrastructure.isolation": "repository",
    },
    {
        "layout.style": "by_feature",
        "layout.public_interface": "services_module",
        "testing.layout": "flat",
        "layout.features": ["users", "billing_items"],
    },
]

COMBINATIONS = PAIRS + STAND_INS


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
        "infrastructure.framework",
    )
    return "-".join(str(combo.get(k, "na")) for k in keys)


def test_matrix_covers_every_pair() -> None:
    assert 10 <= len(COMBINATIONS) <= 60


def test_stand_ins_cover_every_answer_planner_cannot_generate() -> None:
    covered = {(q, v) for combo in STAND_INS for q, v in combo.items() if isinstance(v, str)}
    wanted = {(qid, value) for qid, values in NEAREST.items() for value in values}
    assert wanted <= covered
    pairs = {(q, str(v)) for combo in PAIRS for q, v in combo.items()}
    assert ("layout.style", "by_feature") in pairs and ("layout.style", "by_layer") in pairs
    for style in ("by_feature", "by_layer", "ports_and_adapters"):
        assert any(
            c["layout.style"] == style and c["infrastructure.framework"] == "falcon" for c in PAIRS
        ), style


@pytest.mark.parametrize("combo", STAND_INS, ids=[f"stand-in-{i}" for i in range(len(STAND_INS))])
def test_stand_ins_are_said_plainly_in_the_readme(combo: dict[str, object], tmp_path: Path) -> None:
    root = tmp_path / "project"
    answers = {k: v for k, v in combo.items() if k != "project.name"}
    generate(root, answers)
    readme = (root / "README.md").read_text(encoding="utf-8").replace("\\", "")  # unescape
    notes = [stand_in.note for qid, value in combo.items() if (stand_in := nearest(qid, value))]
    resources = combo.get("lifetimes.other_resources")
    if isinstance(resources, list):
        note = resources_note(tuple(resources))
        notes += [note] if note else []
    if notes:
        assert "## Where the skeleton departs from the record" in readme
    for note in notes:
        assert " ".join(note.split()) in " ".join(readme.split()), note
    if combo.get("deployment.ci") in ("circleci", "travis", "other"):
        assert not (root / ".github").exists() and not (root / ".gitlab-ci.yml").exists()


@pytest.mark.parametrize(
    "combo", COMBINATIONS, ids=[f"{i:02d}-{label(c)}" for i, c in enumerate(COMBINATIONS)]
)
def test_generated_project_passes_its_own_checks(combo: dict[str, object], tmp_path: Path) -> None:
    root = tmp_path / "project"
    answers = {
        k: v for k, v in combo.items() if k != "project.name" and not k.startswith("meeting.")
    }
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

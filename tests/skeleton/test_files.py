"""Generated files are valid in their own languages, whatever text the team typed."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.files.plan import FilePlan
from planner.questions.engine import Interview, fill_defaults
from planner.questions.loader import load_bank
from planner.record.build import build_record
from planner.render import plan_all
from tests.skeleton.conftest import serve_home, write_plan
from tests.skeleton.test_matrix import COMBINATIONS

BANK = load_bank()


def plan_for(answers: dict[str, Any], root: Path) -> FilePlan:
    interview = Interview(BANK, fixed=answers, target_name="svc")
    fill_defaults(interview)
    record = build_record(BANK, interview.resolved(), date=dt.date(2026, 11, 24))
    return plan_all(record, BANK, root, record_file=root / "architecture" / "decisions.yaml")


def check_languages(plan: FilePlan) -> None:
    for path, data in plan.files.items():
        text = data.decode("utf-8")
        if path.endswith(".py"):
            compile(text, path, "exec")
        elif path.endswith(".toml"):
            tomllib.loads(text)
        elif path.endswith((".yml", ".yaml")):
            yaml.safe_load(text)
        elif path.endswith(".json"):
            json.loads(text)


@pytest.mark.parametrize("index", range(0, len(COMBINATIONS), 3))
def test_matrix_files_parse(index: int, tmp_path: Path) -> None:
    answers = {
        k: v for k, v in COMBINATIONS[index].items() if not k.startswith(("project.", "meeting."))
    }
    check_languages(plan_for(answers, tmp_path))


def test_ci_workflow_and_packaging(tmp_path: Path) -> None:
    plan = plan_for(
        {
            "deployment.artifact": "rpm",
            "deployment.ci": "gitlab",
            "initialization.database": "postgresql",
        },
        tmp_path,
    )
    pipeline = yaml.safe_load(plan.files[".gitlab-ci.yml"])
    assert "pytest" in pipeline["test"]["script"]
    assert pipeline["test"]["services"][0]["name"].startswith("postgres")
    assert "packaging/svc.spec" in plan.files and "packaging/svc.service" in plan.files
    github = yaml.safe_load(plan_for({}, tmp_path / "b").files[".github/workflows/ci.yml"])
    assert [s.get("run") for s in github["jobs"]["test"]["steps"]][-1] == "pytest"


def test_docker_image_runs_as_non_root(tmp_path: Path) -> None:
    dockerfile = plan_for({}, tmp_path).files["Dockerfile"].decode()
    assert dockerfile.count("FROM ") == 2 and "\nUSER app\n" in dockerfile
    assert 'CMD ["gunicorn"' in dockerfile


SHAPES: dict[str, dict[str, Any]] = {
    "factory": {},
    "module": {"initialization.entry_point": "module"},
    "falcon": {
        "layout.style": "ports_and_adapters",
        "infrastructure.isolation": "ports_and_adapters",
        "infrastructure.framework": "falcon",
    },
}

free_text = st.text(
    st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)),
    min_size=1,
    max_size=80,
).filter(lambda s: s.strip() != "")


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=free_text,
    description=st.text(
        st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=300
    ),
    shape=st.sampled_from(["factory", "module", "falcon"]),
)
def test_free_text_cannot_break_generated_files(
    name: str, description: str, shape: str, tmp_path: Path
) -> None:
    """Every file parses, and the generated app serves ``/`` with the name as plain text."""
    answers: dict[str, Any] = {
        "project.name": name,
        "project.package": "svc",
        "project.description": description,
        "deployment.artifact": "rpm",
        **SHAPES[shape],
    }
    with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
        root = Path(folder)
        plan = plan_for(answers, root)
        check_languages(plan)
        assert (
            tomllib.loads(plan.files["pyproject.toml"].decode())["project"]["description"]
            == description
        )
        write_plan(plan, root)
        page = serve_home(root, "svc", src_layout=True)
    shown = re.search(r"<h1>(.*?)</h1>", page, re.DOTALL)
    assert shown is not None and html.unescape(shown.group(1)) == name, page


@pytest.mark.parametrize("layout", ["mirror", "by_kind", "flat", "colocated"])
def test_test_files_follow_the_recorded_naming(layout: str, tmp_path: Path) -> None:
    """`<module>_test.py` when the record says so (pytest finds both namings), in every
    layout, with the wheel and coverage leaving those files out as they do test_*.py."""
    answers = {
        "testing.layout": layout,
        "testing.naming": "test_suffix",
        "layout.features": ["orders"],
    }
    files = plan_for(answers, tmp_path).files
    tests = [p for p in files if Path(p).name.endswith("_test.py")]
    assert tests and not [p for p in files if Path(p).name.startswith("test_")]
    expected = {
        "mirror": "tests/orders/models_test.py",
        "by_kind": "tests/unit/orders_models_test.py",
        "flat": "tests/orders_models_test.py",
        "colocated": "src/svc/orders/models_test.py",
    }[layout]
    assert expected in files, sorted(tests)
    pyproject = tomllib.loads(files["pyproject.toml"].decode())
    excluded = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"].get("exclude", [])
    if layout == "colocated":
        assert "**/*_test.py" in excluded
    assert "planner" not in pyproject["tool"]  # no stand-in test patterns for planner check

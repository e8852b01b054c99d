"""Generating skeletons for a set of answers, and running their own checks."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from planner.files.apply import apply
from planner.questions.engine import Interview, fill_defaults
from planner.questions.loader import load_bank
from planner.questions.model import Value
from planner.record.build import build_record
from planner.record.io import dump_record
from planner.render import plan_all
from planner.render.skeleton.spec import Spec, build_spec

POSTGRES_ENV = "PLANNER_TEST_POSTGRES_URL"


def generate(root: Path, answers: Mapping[str, Value], name: str = "Matrix App") -> Spec:
    """Write the project for ``answers`` (defaults elsewhere) under ``root``."""
    bank = load_bank()
    interview = Interview(bank, fixed={"project.name": name, **answers}, target_name=root.name)
    fill_defaults(interview)
    record = build_record(bank, interview.resolved(), date=dt.date(2026, 11, 24))
    record_file = root / "architecture" / "decisions.yaml"
    plan = plan_all(record, bank, root, record_file=record_file)
    plan.add("architecture/decisions.yaml", dump_record(record, bank), tracked=False)
    apply(plan, root)
    return build_spec(record, bank)


def postgres_url() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(
                f"{POSTGRES_ENV} is not set; .ci/run starts PostgreSQL and sets it", pytrace=False
            )
        pytest.skip(f"no PostgreSQL server ({POSTGRES_ENV} is not set)")
    return url


@contextlib.contextmanager
def fresh_postgres_database() -> Iterator[str]:
    """A new, empty PostgreSQL database for one generated project; dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = make_url(postgres_url())
    name = f"planner_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin.set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


def run_checks(root: Path, spec: Spec) -> None:
    """The generated project's own test suite and linters, in this interpreter's environment."""
    check_clean(root)
    with contextlib.ExitStack() as stack:
        env = {**os.environ, "PYTHONPATH": str(root / "src") if spec.src_layout else str(root)}
        env.pop("PYTEST_ADDOPTS", None)
        if spec.database == "postgresql":
            env[f"{spec.env_prefix}_TEST_DATABASE_URL"] = stack.enter_context(
                fresh_postgres_database()
            )
        _run(root, spec, env)


def check_clean(root: Path) -> None:
    """``planner check`` finds nothing in a freshly generated project (with its settings,
    read as the command reads them: pyproject.toml, then the record's)."""
    from planner.check.config import from_pyproject, merge
    from planner.check.report import text
    from planner.check.runner import run_check
    from planner.record.io import load_record

    loaded = load_record(root / "architecture" / "decisions.yaml")
    config, _ = from_pyproject(root)
    config = merge(config, loaded.record.check, "the decision record")
    answers = loaded.record.flat_answers()
    report = run_check(root, loaded.record.project.package, answers, config=config)
    assert report.clean, text(report)


def _run(root: Path, spec: Spec, env: dict[str, str]) -> None:
    commands = [
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x"],
        [sys.executable, "-m", "ruff", "check", "--no-cache", "."],
        [sys.executable, "-m", "ruff", "format", "--check", "--no-cache", "."],
    ]
    if spec.ports:
        commands.append(
            [
                sys.executable,
                "-c",
                "from importlinter.cli import lint_imports_command; lint_imports_command()",
            ]
        )
    for command in commands:
        result = subprocess.run(
            command, cwd=root, env=env, capture_output=True, text=True, timeout=600
        )
        assert result.returncode == 0, (
            f"{' '.join(command[2:])} failed in {root}:\n{result.stdout[-6000:]}\n{result.stderr[-3000:]}"
        )


HOME_PAGE = """
import importlib
import sys

module = importlib.import_module("{package}.app")

build = getattr(module, "create_app", None) or module.configure
app = build({{"SECRET_KEY": "s3cret-never-shown", "DATABASE_URL": sys.argv[1]}})
if hasattr(app, "test_client"):
    response = app.test_client().get("/?c=id")
    open(sys.argv[2], "w", encoding="utf-8").write(response.get_data(as_text=True))
    sys.exit(0 if response.status_code == 200 else 1)
import falcon.testing

response = falcon.testing.TestClient(app).simulate_get("/", params={{"c": "id"}})
open(sys.argv[2], "w", encoding="utf-8").write(response.text)
sys.exit(0 if response.status_code == 200 else 1)
"""


def write_plan(plan: Any, root: Path) -> None:
    """The planned files, written as they are (no baseline, no record)."""
    for path, data in plan.files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def serve_home(root: Path, package: str, src_layout: bool) -> str:
    """``GET /`` of the generated app at ``root`` in a fresh interpreter, as a production app.

    The app is built with a real secret key and outside debug and testing, the
    way a server builds it; the page's text is returned.
    """
    env = {**os.environ, "PYTHONPATH": str(root / "src") if src_layout else str(root)}
    env = {k: v for k, v in env.items() if not k.startswith(("FLASK_", package.upper() + "_"))}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            HOME_PAGE.format(package=package),
            "sqlite:///" + str(root / "home.sqlite"),
            str(root / "home.html"),
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return (root / "home.html").read_text(encoding="utf-8")

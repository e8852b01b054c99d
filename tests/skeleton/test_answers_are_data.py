"""Text typed in the meeting is data in the generated service too: never template source.

A generated project renders some of its files again at run time (Flask's
Jinja templates, Alembic's Mako script template). If a project name reached
one of those files as source, ``{{ ... }}`` in it would run on every request.
These tests generate projects with hostile names and serve their pages as a
production server would.
"""

from __future__ import annotations

import html
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from planner.render.skeleton.render import is_template
from tests.skeleton.conftest import generate, serve_home
from tests.skeleton.test_files import plan_for

RCE = "{{lipsum.__globals__.os.popen(request.args.c).read()}}"
HOSTILE_NAMES = [
    RCE,
    "{{ config }}",
    "{{7*7}} {% for x in range(3) %}loop{% endfor %}",
    "${7*7} <% import os %>",
    "Shop {# comment #} </title><script>alert(1)</script>",
]
FLASK_MIGRATIONS: dict[str, Any] = {"initialization.db_init": "migrations"}
FALCON: dict[str, Any] = {
    "layout.style": "ports_and_adapters",
    "infrastructure.isolation": "ports_and_adapters",
    "infrastructure.framework": "falcon",
}
MODULE_APP: dict[str, Any] = {"initialization.entry_point": "module"}


@pytest.mark.parametrize(
    "answers", [{}, FLASK_MIGRATIONS, FALCON], ids=["flask", "flask-alembic", "falcon"]
)
def test_files_that_are_templates_never_contain_what_the_team_typed(
    answers: dict[str, Any], tmp_path: Path
) -> None:
    sentinel = "Zq9SENTINEL"
    plan = plan_for(
        {
            **answers,
            "project.name": f"{sentinel} name {{{{7*7}}}}",
            "project.description": f"{sentinel} description",
            "project.package": "svc",
        },
        tmp_path,
    )
    templates = [path for path in plan.files if is_template(path)]
    if not answers.get("infrastructure.framework"):
        assert "src/svc/templates/index.html" in templates
    if answers is FLASK_MIGRATIONS:
        assert "src/svc/migrations/script.py.mako" in templates
    assert [path for path in templates if sentinel.encode() in plan.files[path]] == []
    # the name still reaches the app, as a Python value in its settings
    assert sentinel.encode() in plan.files["src/svc/settings.py"]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
@pytest.mark.parametrize("answers", [{}, MODULE_APP, FALCON], ids=["factory", "module", "falcon"])
def test_home_page_shows_a_hostile_name_as_text(
    name: str, answers: dict[str, Any], tmp_path: Path
) -> None:
    root = tmp_path / "project"
    spec = generate(root, {**answers, "project.package": "svc"}, name=name)
    page = serve_home(root, spec.package, spec.src_layout)
    assert html.escape(name) in page
    assert "uid=" not in page and "49" not in page and "looploop" not in page
    assert "s3cret-never-shown" not in page


def _create_app(root: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from svc.app import create_app; create_app()"],
        cwd=root,
        env={**env, "PYTHONPATH": str(root / "src")},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("answers", [{}, FALCON], ids=["flask", "falcon"])
def test_no_production_app_with_the_shipped_secret_key(
    answers: dict[str, Any], tmp_path: Path
) -> None:
    root = tmp_path / "project"
    generate(root, {**answers, "project.package": "svc"})
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("FLASK_", "SVC_"))}
    clean["SVC_DATABASE_URL"] = "sqlite:///" + str(tmp_path / "db.sqlite")
    refused = _create_app(root, clean)
    assert refused.returncode != 0
    last = refused.stderr.strip().splitlines()[-1]
    assert "InsecureConfiguration" in last and "SVC_SECRET_KEY" in last, refused.stderr
    assert _create_app(root, {**clean, "SVC_SECRET_KEY": "k" * 64}).returncode == 0
    debug = {"FLASK_DEBUG": "1"} if not answers else {"SVC_DEBUG": "true"}
    assert _create_app(root, {**clean, **debug}).returncode == 0

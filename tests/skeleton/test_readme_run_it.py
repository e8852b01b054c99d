"""A generated project's README "Run it", followed literally, serves the app.

The commands are taken from the README's code block and run in a shell in the
generated folder, as a newcomer would paste them: a fresh virtual
environment, the project installed, the settings the README asks for, the
database initialised, the server started. The one edit a reader makes is the
one the README asks for: the example PostgreSQL URL becomes a real database.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

from tests.skeleton.conftest import fresh_postgres_database, generate
from tests.skeleton.deploy import exercise, free_port, serving

pytestmark = pytest.mark.slow


def run_it_commands(readme: str) -> list[str]:
    section = readme.split("## Run it", 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(r"```sh\n(.*?)```", section, re.DOTALL)
    return [line for line in block.splitlines() if line.strip()]


@pytest.mark.parametrize(
    "answers",
    [
        {},
        {"initialization.database": "postgresql", "deployment.wsgi_server": "waitress"},
        {"initialization.database": "postgresql", "initialization.config_source": "file"},
    ],
    ids=["sqlite-gunicorn", "postgresql-waitress", "postgresql-toml-file"],
)
def test_run_it_as_written(answers: dict[str, Any], tmp_path: Path) -> None:
    project = tmp_path / "project"
    spec = generate(project, answers)
    commands = run_it_commands((project / "README.md").read_text(encoding="utf-8"))
    example_url = f"postgresql+psycopg://app:secret@localhost:5432/{spec.package}"
    port = free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith((spec.env_prefix + "_", "VIRTUAL_ENV", "PYTHON"))
    }
    env.update({f"{spec.env_prefix}_BIND": f"127.0.0.1:{port}", f"{spec.env_prefix}_WORKERS": "1"})
    with fresh_postgres_database() if spec.database == "postgresql" else _nothing() as url:
        if spec.database == "postgresql":
            assert any(example_url in line for line in commands), commands
            commands = [line.replace(example_url, url) for line in commands]
        script = "set -e\n" + "\n".join(commands[:-1]) + "\nexec " + commands[-1] + "\n"
        base = f"http://127.0.0.1:{port}"
        with serving(["bash", "-c", script], base, cwd=project, env=env, startup=900):
            exercise(base, spec.features[0].replace("_", "-"))


class _nothing:
    def __enter__(self) -> str:
        return ""

    def __exit__(self, *exc: object) -> None:
        return None


def test_departures_read_as_text_in_the_readme(tmp_path: Path) -> None:
    spec = generate(
        tmp_path / "p",
        {
            "layout.style": "ports_and_adapters",
            "infrastructure.isolation": "ports_and_adapters",
            "infrastructure.framework": "falcon",
            "lifetimes.db_session": "flask_sqlalchemy",
        },
    )
    readme = (tmp_path / "p" / "README.md").read_text(encoding="utf-8")
    assert spec.adjustments
    assert "`scoped_session`" in readme and "\\_" not in readme

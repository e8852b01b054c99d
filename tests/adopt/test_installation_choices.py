"""Shapes two Flask apps planner was never tuned on showed (ihatemoney 7.2.1, puppetboard 7.0.4).

Each tree is a small copy of the shape, written by hand; the expected answers are what
reading those files says, not what planner printed.
"""

from __future__ import annotations

from pathlib import Path

from planner.adopt.model import Answer
from planner.adopt.run import adopt
from planner.questions.loader import load_bank
from tests.adopt.conftest import LOGGER, write

FLASK_APP = "from flask import Flask\n\napp = Flask(__name__)\n"


def _answers(root: Path) -> dict[str, Answer]:
    return dict(adopt(root, load_bank(), use_cache=False, save_cache=False).answers)


def _cited(answer: Answer) -> set[str]:
    return {f"{e.path}:{e.line}" if e.line else e.path for e in answer.evidence}


POETRY_GROUP = """\
[tool.poetry]
name = "board"

[tool.poetry.dependencies]
python = "^3.9"
flask = "^3.1.0"

[tool.poetry.group.test.dependencies]
pytest = "^8.3.4"

[tool.poetry.group.docker.dependencies]
gunicorn = "^23.0.0"
"""


def test_gunicorn_only_in_a_poetry_group_is_likely(tmp_path: Path) -> None:
    write(tmp_path, {"pyproject.toml": POETRY_GROUP, "board/__init__.py": FLASK_APP})
    answer = _answers(tmp_path)["deployment.wsgi_server"]
    assert (answer.value, answer.sure) == ("gunicorn", "likely")
    assert _cited(answer) == {"pyproject.toml:12"}
    assert "'docker'" in answer.evidence[0].text


def test_gunicorn_in_an_optional_extra_is_likely(tmp_path: Path) -> None:
    pyproject = (
        '[project]\nname = "shop"\ndependencies = ["flask"]\n\n'
        '[project.optional-dependencies]\nserve = [\n    "gunicorn>=22",\n]\n'
    )
    write(tmp_path, {"pyproject.toml": pyproject, "shop/__init__.py": FLASK_APP})
    answer = _answers(tmp_path)["deployment.wsgi_server"]
    assert (answer.value, answer.sure) == ("gunicorn", "likely")
    assert _cited(answer) == {"pyproject.toml:7"}


def test_a_required_gunicorn_is_certain_and_an_optional_waitress_is_noted(tmp_path: Path) -> None:
    pyproject = (
        '[project]\nname = "shop"\ndependencies = ["flask", "gunicorn"]\n\n'
        '[project.optional-dependencies]\nwindows = ["waitress"]\n'
    )
    write(tmp_path, {"pyproject.toml": pyproject, "shop/__init__.py": FLASK_APP})
    answer = _answers(tmp_path)["deployment.wsgi_server"]
    assert (answer.value, answer.sure) == ("gunicorn", "certain")
    assert "waitress" in answer.finding


SUPERVISORD = (
    "[program:shop]\n"
    "command={{ bin_path }}/gunicorn -c /etc/shop/gunicorn.conf.py shop.wsgi:application\n"
    "user=shop\n"
)


def test_gunicorn_run_by_shipped_templates_is_found_with_the_line(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": '[project]\nname = "shop"\ndependencies = ["flask"]\n',
            "shop/__init__.py": FLASK_APP,
            "shop/conf-templates/supervisord.conf.j2": SUPERVISORD,
            "shop/conf-templates/gunicorn.conf.py.j2": "workers = 3\nbind = '127.0.0.1:8000'\n",
        },
    )
    answer = _answers(tmp_path)["deployment.wsgi_server"]
    assert (answer.value, answer.sure) == ("gunicorn", "likely")  # templates: rendered first
    assert _cited(answer) == {
        "shop/conf-templates/supervisord.conf.j2:2",
        "shop/conf-templates/gunicorn.conf.py.j2",
    }


def test_a_supervisord_config_that_runs_gunicorn_is_certain(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "shop/__init__.py": FLASK_APP,
            "deploy/supervisord.conf": SUPERVISORD.replace("{{ bin_path }}", "/srv/venv/bin"),
        },
    )
    answer = _answers(tmp_path)["deployment.wsgi_server"]
    assert (answer.value, answer.sure) == ("gunicorn", "certain")
    assert _cited(answer) == {"deploy/supervisord.conf:2"}


def test_templates_for_two_servers_leave_the_choice_to_the_installation(tmp_path: Path) -> None:
    apache = (
        "<VirtualHost *:80>\n"
        "    WSGIDaemonProcess shop user=www-data threads=5\n"
        "    WSGIScriptAlias / {{ pkg_path }}/wsgi.py\n"
        "</VirtualHost>\n"
    )
    write(
        tmp_path,
        {
            "shop/__init__.py": FLASK_APP,
            "shop/conf-templates/supervisord.conf.j2": SUPERVISORD,
            "shop/conf-templates/apache-vhost.conf.j2": apache,
        },
    )
    answer = _answers(tmp_path)["deployment.wsgi_server"]
    assert answer.open and not answer.contradiction
    assert "gunicorn" in answer.finding and "mod_wsgi" in answer.finding
    assert {
        "shop/conf-templates/supervisord.conf.j2:2",
        "shop/conf-templates/apache-vhost.conf.j2:2",
    } <= _cited(answer)


def test_nothing_about_a_server_is_open_with_the_plain_finding(tmp_path: Path) -> None:
    write(tmp_path, {"shop/__init__.py": LOGGER + FLASK_APP})
    answer = _answers(tmp_path)["deployment.wsgi_server"]
    assert answer.open
    assert answer.finding == "no WSGI server found in dependencies, config or scripts"


DATABASE_EXTRA = """\
[project]
name = "money"
dependencies = ["flask", "flask-sqlalchemy"]

[project.optional-dependencies]
database = [
    "psycopg2-binary~=2.9.11",
    "PyMySQL~=1.1.2",
]
dev = ["pytest"]
"""


def test_drivers_of_two_engines_in_an_extra_and_a_sqlite_default_are_open(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": DATABASE_EXTRA,
            "money/__init__.py": "",
            "money/default_settings.py": (
                'DEBUG = False\nSQLALCHEMY_DATABASE_URI = "sqlite:////tmp/money.db"\n'
            ),
            "money/models.py": "from flask_sqlalchemy import SQLAlchemy\n\ndb = SQLAlchemy()\n",
        },
    )
    answer = _answers(tmp_path)["initialization.database"]
    assert answer.open
    assert "installation chooses" in answer.finding
    assert "mysql, postgresql" in answer.finding and "SQLite" in answer.finding
    assert {"money/default_settings.py:2", "pyproject.toml:7", "pyproject.toml:8"} <= _cited(answer)


def test_a_single_driver_only_in_an_extra_is_a_guess(tmp_path: Path) -> None:
    pyproject = DATABASE_EXTRA.replace('    "PyMySQL~=1.1.2",\n', "")
    write(tmp_path, {"pyproject.toml": pyproject, "money/__init__.py": FLASK_APP})
    answer = _answers(tmp_path)["initialization.database"]
    assert (answer.value, answer.sure) == ("postgresql", "guess")
    assert _cited(answer) == {"pyproject.toml:7"}


def test_a_sqlite_default_url_alone_is_taken(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "money/__init__.py": "",
            "money/default_settings.py": 'SQLALCHEMY_DATABASE_URI = "sqlite:////tmp/money.db"\n',
        },
    )
    answer = _answers(tmp_path)["initialization.database"]
    assert (answer.value, answer.sure) == ("sqlite", "likely")

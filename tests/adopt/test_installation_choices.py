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


CORE = """\
import logging

from flask import Flask

APP = None


def get_app():
    global APP

    if APP is None:
        app = Flask(__name__)
        app.config.from_object("board.default_settings")
        app.config.from_envvar("BOARD_SETTINGS", silent=True)
        logging.basicConfig(level=app.config["LOGLEVEL"])
        APP = app

    return APP
"""
VIEW = "from board.core import get_app\n\napp = get_app()\n\n\n@app.route('/')\ndef index():\n    return ''\n"
QUERY = """\
import yaml

from board.core import get_app

app = get_app()


def presets(path):
    with open(path) as f:
        presets = yaml.safe_load(f)
    return presets
"""
DOCKER_SETTINGS = """\
import os

PUPPETDB_HOST = os.getenv("PUPPETDB_HOST", "puppetdb")
PUPPETDB_PORT = int(os.getenv("PUPPETDB_PORT", "8080"))
SECRET_KEY = os.getenv("SECRET_KEY", "x")
"""


def _board(root: Path) -> Path:
    return write(
        root,
        {
            "board/__init__.py": "",
            "board/core.py": CORE,
            "board/default_settings.py": "LOGLEVEL = 'info'\n",
            "board/docker_settings.py": DOCKER_SETTINGS,
            "board/app.py": "import board.views.index  # noqa: F401\n"
            "from board.core import get_app\n\napp = get_app()\n",
            "board/views/__init__.py": "",
            "board/views/index.py": VIEW,
            "board/views/query.py": QUERY,
        },
    )


def test_a_memoized_get_app_called_at_import_time_is_no_factory(tmp_path: Path) -> None:
    answer = _answers(_board(tmp_path))["initialization.entry_point"]
    assert answer.open and answer.contradiction
    assert "get_app()" in answer.finding and "module global" in answer.finding
    assert {
        "board/core.py:9",  # global APP
        "board/core.py:12",  # Flask(__name__)
        "board/core.py:18",  # return APP
        "board/app.py:4",  # app = get_app() at import time
        "board/views/index.py:3",
    } <= _cited(answer)


def test_a_settings_file_loaded_by_from_envvar_and_yaml_data_are_no_config_reads(
    tmp_path: Path,
) -> None:
    answers = _answers(_board(tmp_path))
    read = answers["initialization.config_read"]
    cited = {e.path for e in read.evidence}
    assert "board/docker_settings.py" not in cited and "board/views/query.py" not in cited
    # get_app() reads the configuration, and modules call it when they are imported
    assert (read.value, read.sure) == ("import_time", "likely")
    assert {"board/core.py:14", "board/app.py:4"} <= _cited(read)
    source = answers["initialization.config_source"]
    assert "board/views/query.py" not in {e.path for e in source.evidence}
    assert "board/core.py:14" in _cited(source)


def test_a_plain_factory_keeps_its_answer(tmp_path: Path) -> None:
    core = CORE.replace("    global APP\n\n    if APP is None:\n", "    if True:\n")
    core = core.replace("        APP = app\n\n    return APP\n", "    return app\n")
    write(
        tmp_path,
        {
            "board/__init__.py": "",
            "board/core.py": core,
            "board/wsgi.py": "from board.core import get_app\n\napp = get_app()\n",
        },
    )
    answer = _answers(tmp_path)["initialization.entry_point"]
    assert (answer.value, answer.sure) == ("factory", "certain")

"""The codebase's own names: defaults for common conventions, and settings in the record or pyproject."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.check.config import CheckConfig, CheckConfigError, from_pyproject, merge
from planner.check.runner import run_check

Invoke = Callable[..., Any]
LOGGER = "import logging\n\nlogger = logging.getLogger(__name__)\n"


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def found(
    root: Path, answers: dict[str, Any], select: list[str], **kw: Any
) -> list[tuple[str, str]]:
    report = run_check(root, "app", answers, select=select, **kw)
    return [(f.rule, f.path) for f in report.findings]


# -- defaults cover the common conventions without configuration ---------------------------


@pytest.mark.parametrize(
    ("wiring", "source"),
    [
        ("composition_root", "def bootstrap():\n    return {}\n"),
        ("composition_root", "class Bootstrap:\n    pass\n"),
        ("composition_root", "class AppServices:\n    pass\n"),
    ],
)
def test_composition_roots_by_common_names(tmp_path: Path, wiring: str, source: str) -> None:
    write(tmp_path, "app/__init__.py", "")
    write(tmp_path, "app/wiring.py", source)
    assert found(tmp_path, {"initialization.wiring": wiring}, ["INI003"]) == []


@pytest.mark.parametrize("name", ["create_app", "make_app", "init_application"])
def test_factories_by_common_names(tmp_path: Path, name: str) -> None:
    write(tmp_path, "app/__init__.py", f"def {name}():\n    pass\n")
    assert found(tmp_path, {"initialization.entry_point": "factory"}, ["INI001"]) == []


def test_service_layer_is_core_and_handlers_are_views(tmp_path: Path) -> None:
    write(tmp_path, "app/__init__.py", "")
    write(tmp_path, "app/service_layer/__init__.py", "")
    write(tmp_path, "app/service_layer/orders.py", "import flask\n")
    write(tmp_path, "app/handlers/__init__.py", "")
    write(tmp_path, "app/handlers/orders.py", "from sqlalchemy import select\n")
    answers = {"infrastructure.isolation": "ports_and_adapters", "layout.style": "by_layer"}
    assert found(tmp_path, answers, ["INF001", "INF002"]) == [
        ("INF002", "app/handlers/orders.py"),
        ("INF001", "app/service_layer/orders.py"),
    ]


def test_logging_set_up_elsewhere_and_logger_factories(tmp_path: Path) -> None:
    write(tmp_path, "app/__init__.py", "")
    write(tmp_path, "app/launch.py", "import logging\n\nlogging.basicConfig()\n")
    write(
        tmp_path,
        "app/web.py",
        "from flask import Flask\nfrom app.log import Logger\n\nlog = Logger.get('web')\n\n\n"
        "def create_app():\n    return Flask(__name__)\n",
    )
    write(tmp_path, "app/osl.py", "from oslo_log import log\n\nLOG = log.getLogger(__name__)\n")
    assert found(tmp_path, {}, ["LOG003"]) == []
    assert found(tmp_path, {}, ["LOG001"]) == [("LOG001", "app/launch.py")]


def test_test_conventions(tmp_path: Path) -> None:
    write(tmp_path, "app/__init__.py", "")
    write(tmp_path, "app/a.py", LOGGER)
    write(tmp_path, "tests/a_test.py", "")  # *_test.py
    write(tmp_path, "app/b.py", LOGGER)
    write(tmp_path, "app/tests/test_b.py", "")  # tests inside the package
    write(tmp_path, "app/auth/__init__.py", "")
    write(tmp_path, "app/auth/views.py", LOGGER)
    write(tmp_path, "tests/test_auth.py", "")  # one flat test file per feature
    write(tmp_path, "app/c.py", LOGGER)
    assert found(tmp_path, {"testing.layout": "mirror"}, ["TST001"]) == [("TST001", "app/c.py")]


def test_tests_by_kind_as_real_projects_lay_them_out(tmp_path: Path) -> None:
    """FlaskBB mirrors the package inside tests/unit (tests/unit/utils/test_fields.py), files
    a service's tests one level up (tests/unit/auth/test_activation.py for
    auth/services/activation.py) and calls its e2e kind `endtoend`; Zaqar keeps its kinds
    inside the package (zaqar/tests/unit/...)."""
    for module in (
        "utils/fields",
        "auth/services/activation",
        "auth/views",
        "storage/redis",
        "storage/mongo",
        "fixtures/settings",
        "storage/utils",
        "storage/redis/utils",
        "common/api/__init__",
        "common/api/api",
    ):
        write(tmp_path, f"app/{module}.py", LOGGER + "value = 1\n")
    for test in (
        "tests/unit/utils/test_fields.py",
        "tests/unit/utils/test_settings.py",
        "tests/unit/auth/test_activation.py",
        "tests/endtoend/test_auth_views.py",
        "app/tests/unit/storage/test_redis.py",
        "app/tests/unit/storage/test_utils.py",  # storage/utils.py's, not the driver's
        "app/tests/unit/common/test_api.py",  # common/api/api.py's: a package needs none
    ):
        write(tmp_path, test, "def test_it() -> None:\n    pass\n")
    assert found(tmp_path, {"testing.layout": "by_kind"}, ["TST001"]) == [
        ("TST001", "app/fixtures/settings.py"),  # tests/unit/utils/test_settings.py is another's
        ("TST001", "app/storage/mongo.py"),
        ("TST001", "app/storage/redis/utils.py"),
    ]


def test_migrations_cli_and_print_to_a_file(tmp_path: Path) -> None:
    write(tmp_path, "app/__init__.py", "")
    write(tmp_path, "app/alembic_migrations/versions/x.py", "print('upgrade')\n")
    write(tmp_path, "app/cli/__init__.py", LOGGER + "print('done')\n")
    write(tmp_path, "app/manage.py", LOGGER + "print('done')\n")
    write(tmp_path, "app/report.py", LOGGER + "import sys\nprint('oops', file=sys.stderr)\n")
    write(tmp_path, "app/web.py", LOGGER + "print('debug')\n")
    assert found(tmp_path, {}, ["LOG001", "LOG002"]) == [("LOG002", "app/web.py")]


def test_reexport_only_init_needs_no_logger(tmp_path: Path) -> None:
    write(
        tmp_path,
        "app/__init__.py",
        '"""The public names."""\nfrom app.core import thing\n\n__all__ = ["thing"]\n',
    )
    write(tmp_path, "app/core.py", LOGGER + "thing = 1\n")
    write(tmp_path, "app/other.py", "from app.core import thing\nvalue = thing + 1\n")
    assert found(tmp_path, {}, ["LOG001"]) == [("LOG001", "app/other.py")]


def test_a_package_that_only_names_and_aliases_needs_no_logger(tmp_path: Path) -> None:
    """Zaqar's package front doors: `from zaqar.storage.mongodb import driver` then
    `DataDriver = driver.DataDriver`. A package that calls or defines anything still needs one,
    and so does a plain module that only computes a value."""
    write(
        tmp_path, "app/__init__.py", '"""The app."""\nimport app.version\n\n__version__ = "1.0"\n'
    )
    write(
        tmp_path,
        "app/store/__init__.py",
        "from app.store import driver\n\nDriver = driver.Driver\n",
    )
    write(tmp_path, "app/store/driver.py", LOGGER + "class Driver:\n    pass\n")
    write(tmp_path, "app/web/__init__.py", "from app.web import app\n\nVERSION = app.version()\n")
    write(tmp_path, "app/web/app.py", LOGGER + "def version() -> str:\n    return '1'\n")
    write(tmp_path, "app/conf/__init__.py", "from app.conf import x\n\ndef load():\n    return x\n")
    write(tmp_path, "app/version.py", "from app.store import Driver\n\nNAME = Driver.__name__\n")
    assert found(tmp_path, {}, ["LOG001"]) == [
        ("LOG001", "app/conf/__init__.py"),
        ("LOG001", "app/version.py"),
        ("LOG001", "app/web/__init__.py"),
    ]


def test_a_feature_declares_its_public_modules(tmp_path: Path) -> None:
    write(tmp_path, "app/__init__.py", "")
    write(tmp_path, "app/auth/__init__.py", "def login_required(f):\n    return f\n")
    write(tmp_path, "app/auth/decorators.py", "def admin(f):\n    return f\n")
    write(tmp_path, "app/auth/db.py", "")
    write(
        tmp_path,
        "app/blog/views.py",
        "from app.auth import login_required\nfrom app.auth.decorators import admin\n"
        "from app.auth.db import x\n",
    )
    answers = {"layout.style": "by_feature", "layout.features": ["auth", "blog"]}
    assert [
        (f.path, f.line) for f in run_check(tmp_path, "app", answers, select=["LAY002"]).findings
    ] == [
        ("app/blog/views.py", 2),
        ("app/blog/views.py", 3),
    ]
    config = CheckConfig(public=("*.decorators",))
    report = run_check(tmp_path, "app", answers, select=["LAY002"], config=config)
    assert [(f.path, f.line) for f in report.findings] == [("app/blog/views.py", 3)]


def test_a_module_the_front_door_imports_is_one_of_its_names(tmp_path: Path) -> None:
    """Calibre-Web's services/__init__.py does `from . import gmail` (None when it cannot be
    imported); a task's `from cps.services import gmail` goes through that front door."""
    write(tmp_path, "app/__init__.py", "")
    write(
        tmp_path,
        "app/services/__init__.py",
        "try:\n    from . import gmail\nexcept ImportError:\n    gmail = None\n"
        "from .models import Account\n",
    )
    write(tmp_path, "app/services/gmail.py", "def send():\n    pass\n")
    write(tmp_path, "app/services/models.py", "class Account:\n    pass\n")
    write(tmp_path, "app/services/worker.py", "class Task:\n    pass\n")
    write(
        tmp_path,
        "app/tasks/mail.py",
        "from app.services import gmail\n"  # the front door's own name
        "from app.services.worker import Task\n"  # past the front door
        "from app.services.models import Account\n"  # re-exported name, private module
        "from app.services.gmail import send\n"  # into the module, not the name
        "import app.services.worker\n",
    )
    answers = {"layout.style": "by_feature", "layout.features": ["services", "tasks"]}
    report = run_check(tmp_path, "app", answers, select=["LAY002"])
    assert [(f.path, f.line) for f in report.findings] == [
        ("app/tasks/mail.py", 2),
        ("app/tasks/mail.py", 3),
        ("app/tasks/mail.py", 4),
        ("app/tasks/mail.py", 5),
    ]


# -- settings: pyproject and record, one model -------------------------------------------------


def test_pyproject_settings_apply_without_a_record(invoke: Invoke, tmp_path: Path) -> None:
    write(
        tmp_path,
        "pyproject.toml",
        "[tool.planner.check]\npackage = 'app'\ncore = ['kernel']\n"
        "extend-forbidden = ['django']\nrules = { LOG002 = { severity = 'warning' } }\n",
    )
    write(tmp_path, "app/__init__.py", LOGGER)
    write(tmp_path, "app/kernel/__init__.py", LOGGER + "import django\n")
    write(tmp_path, "app/web.py", LOGGER + "print('x')\n")
    result = invoke("check", tmp_path, "--rules", "infrastructure.isolation=ports_and_adapters")
    assert "app/kernel/__init__.py:4:1 INF001 the core reaches django" in result.stdout
    assert "app/web.py:4:1 LOG002 print() in application code; log instead [warning]" in (
        result.stdout
    )
    assert result.exit_code == 1  # INF001 is an error
    result = invoke("check", tmp_path, "--select", "LOG002")
    assert result.exit_code == 0  # only a warning


def test_the_record_wins_key_by_key_and_extend_adds(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", "[tool.planner.check]\ncore = ['kernel']\ncli = ['tools']\n")
    base, source = from_pyproject(tmp_path)
    assert source == tmp_path / "pyproject.toml"
    merged = merge(base, {"core": ["domain"], "extend-factories": ["assemble"]}, "decisions.yaml")
    assert merged.core == ("domain",) and merged.cli == ("tools",)
    assert merged.factories[-1] == "assemble" and "create_app" in merged.factories


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"cores": ["x"]}, "decisions.yaml:7: check.cores: unknown setting (did you mean 'core'?)"),
        ({"core": ["x"], "views": 3}, "decisions.yaml: check.views: expected a list of text"),
        (
            {"core": "x"},
            'decisions.yaml: check.core: expected a list of text, found text; write ["x"]',
        ),
        (
            {"rules": {"LOG002": {"severity": "fatal"}}},
            "decisions.yaml:9: check.rules.LOG002.severity: expected error or warning",
        ),
        ({"feature-depth": 0}, "check.feature-depth: expected a number from 1 to 5"),
    ],
)
def test_bad_settings_name_file_line_and_key(settings: dict[str, Any], message: str) -> None:
    with pytest.raises(CheckConfigError) as caught:
        merge(CheckConfig(), settings, "decisions.yaml", lines={"cores": 7, "rules.LOG002": 9})
    assert message in str(caught.value)


def test_bad_record_settings_exit_two_with_the_line(invoke: Invoke, tmp_path: Path) -> None:
    from tests.skeleton.conftest import generate

    root = tmp_path / "project"
    generate(root, {})
    record = root / "architecture" / "decisions.yaml"
    text = record.read_text() + "check:\n  select: [LOG002]\n  corez: [domain]\n"
    record.write_text(text)
    line = text.splitlines().index("  corez: [domain]") + 1
    result = invoke("check", root)
    assert result.exit_code == 2
    assert f"decisions.yaml:{line}: check.corez: unknown setting" in result.stderr

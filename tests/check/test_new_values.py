"""`planner check` respects the answers that describe what a service does today.

The project here is written by hand the way the Flask tutorial (flaskr) and other
real services are: settings read at import, a DB-API connection on ``g`` closed in
a teardown, a flat ``tests/`` folder, no logging configuration. Expected findings
come from reading that code, not from planner's output.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planner.check.runner import run_check

SETTINGS = """\
import os

DATABASE = os.environ["NOTES_DATABASE"]
SECRET_KEY = os.environ.get("NOTES_SECRET_KEY", "dev")
"""

DB = """\
import logging
import sqlite3

from flask import Flask, current_app, g

logger = logging.getLogger(__name__)


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(current_app.config["DATABASE"])
    return g.db


def close_db(error: BaseException | None = None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.close()


def init_app(app: Flask) -> None:
    app.teardown_appcontext(close_db)
"""

INIT = """\
import logging

from flask import Flask

from notes import db, settings

logger = logging.getLogger(__name__)


def create_app() -> Flask:
    app = Flask(__name__)
    app.config.from_object(settings)
    db.init_app(app)
    return app
"""

PYPROJECT = """\
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "notes"
version = "0.1"
"""


def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def notes_project(root: Path) -> Path:
    write(root, "notes/__init__.py", INIT)
    write(root, "notes/settings.py", SETTINGS)
    write(root, "notes/db.py", DB)
    write(root, "pyproject.toml", PYPROJECT)
    write(root, "tests/test_db.py", "def test_db() -> None:\n    pass\n")
    write(root, "tests/test_factory.py", "def test_factory() -> None:\n    pass\n")
    write(root, "tests/test_settings.py", "def test_settings() -> None:\n    pass\n")
    return root


BASE: dict[str, Any] = {
    "deployment.artifact": "source_venv",
    "initialization.entry_point": "factory",
    "initialization.wiring": "lazy",
    "initialization.config_source": "classes",
    "initialization.config_read": "import_time",
    "initialization.database": "sqlite",
    "initialization.db_init": "command",
    "lifetimes.db_session": "dbapi_on_g",
    "layout.style": "single_context",
    "layout.features": ["db"],
    "testing.layout": "flat",
    "testing.naming": "test_prefix",
    "logging.module_logger": False,
    "logging.logger_scope": "where_used",
    "logging.format": "unconfigured",
    "infrastructure.isolation": "none",
    "infrastructure.framework": "flask",
}


def findings(root: Path, **changes: Any) -> list[tuple[str, str, int]]:
    answers = {**BASE, **{k.replace("__", "."): v for k, v in changes.items()}}
    report = run_check(root, "notes", answers)
    return [(f.rule, f.path, f.line) for f in report.findings]


def test_the_service_as_it_is_recorded_is_clean(tmp_path: Path) -> None:
    root = notes_project(tmp_path)
    (root / "pyproject.toml").unlink()  # a source checkout needs no build backend
    assert findings(root) == []


def test_import_time_config_is_reported_once_the_team_decides_to_change_it(
    tmp_path: Path,
) -> None:
    root = notes_project(tmp_path)
    assert findings(root) == []
    assert findings(root, initialization__config_read="at_creation") == [
        ("INI002", "notes/settings.py", 3),
        ("INI002", "notes/settings.py", 4),
    ]


def test_flat_tests_are_found_in_the_tests_folder(tmp_path: Path) -> None:
    root = notes_project(tmp_path)
    write(root, "notes/search.py", "import logging\n\nlogger = logging.getLogger(__name__)\n")
    assert findings(root) == [("TST001", "notes/search.py", 1)]
    write(root, "tests/test_search.py", "def test_search() -> None:\n    pass\n")
    assert findings(root) == []
    # the same tests do not satisfy the mirror layout's subfolders for a sub-package
    write(root, "notes/admin/__init__.py", "")
    write(root, "notes/admin/audit.py", "import logging\n\nlogger = logging.getLogger(__name__)\n")
    assert findings(root) == [("TST001", "notes/admin/audit.py", 1)]
    write(root, "tests/test_admin_audit.py", "def test_audit() -> None:\n    pass\n")
    assert findings(root) == []


def test_no_tests_yet_is_not_reported_as_missing_tests(tmp_path: Path) -> None:
    root = notes_project(tmp_path)
    for test in (root / "tests").iterdir():
        test.unlink()
    assert findings(root, testing__layout="none_yet") == []
    assert ("TST001", "notes/db.py", 1) in findings(root, testing__layout="mirror")


def test_deployment_from_source_needs_no_build_backend(tmp_path: Path) -> None:
    root = notes_project(tmp_path)
    (root / "pyproject.toml").unlink()
    for artifact in ("source_paas", "source_venv", "not_deployed"):
        assert findings(root, deployment__artifact=artifact) == []
    assert findings(root, deployment__artifact="wheel") == [("DEP001", "pyproject.toml", 1)]


def test_unconfigured_logging_is_not_held_to_configure_first(tmp_path: Path) -> None:
    root = notes_project(tmp_path)
    # INIT builds the app without configuring logging first
    assert findings(root, logging__format="text") == [("LOG003", "notes/__init__.py", 11)]
    assert findings(root) == []


FEATURE = """\
import logging

from shop.{other}.{module} import {name}

logger = logging.getLogger(__name__)
"""


def feature_project(root: Path, module: str) -> Path:
    write(root, "shop/__init__.py", "")
    for feature in ("orders", "users"):
        write(root, f"shop/{feature}/__init__.py", "")
        for part in ("models", "services"):
            write(root, f"shop/{feature}/{part}.py", "import logging\n\nlogger = 1\n")
    write(
        root,
        "shop/orders/routes.py",
        FEATURE.format(other="users", module=module, name="X"),
    )
    return root


def cross(root: Path, interface: str) -> list[str]:
    answers = {
        "layout.style": "by_feature",
        "layout.features": ["orders", "users"],
        "layout.public_interface": interface,
    }
    report = run_check(root, "shop", answers, select=["LAY002"])
    return [f.path for f in report.findings]


def test_public_interface_decides_what_counts_as_reaching_in(tmp_path: Path) -> None:
    services = feature_project(tmp_path / "a", "services")
    models = feature_project(tmp_path / "b", "models")
    assert cross(services, "package_root") == ["shop/orders/routes.py"]
    assert cross(services, "services_module") == []
    assert cross(models, "services_module") == ["shop/orders/routes.py"]
    assert cross(models, "no_rule") == []

"""Each rule on a generated project broken on purpose, and the traps that must not fire."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.check.conftest import check, rules_of

PKG = "src/matrix_app"


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_generated_project_is_clean(project: Callable[..., Path]) -> None:
    report = check(project())
    assert report.clean, rules_of(report)
    assert report.files > 10


def test_module_without_logger(project: Callable[..., Path]) -> None:
    root = project()
    write(
        root,
        f"{PKG}/geo.py",
        '"""Geocoding."""\n\n\ndef locate(place: str) -> str:\n    return place\n',
    )
    write(root, "tests/test_geo.py", "def test_x() -> None:\n    pass\n")
    assert rules_of(check(root)) == [("LOG001", f"{PKG}/geo.py", 1)]


def test_logger_from_a_helper_counts(project: Callable[..., Path]) -> None:
    root = project()
    write(
        root, f"{PKG}/geo.py", "from matrix_app.logs import make_log\n\nlog = make_log(__name__)\n"
    )
    write(root, "tests/test_geo.py", "def test_x() -> None:\n    pass\n")
    assert check(root).clean


def test_print_and_import_time_config(project: Callable[..., Path]) -> None:
    root = project()
    write(
        root,
        f"{PKG}/geo.py",
        "import logging\nimport os\n\nlogger = logging.getLogger(__name__)\nKEY = os.environ['GEO_KEY']\nURL = os.getenv('GEO_URL')\n\n\n"
        "def locate() -> None:\n    print('hi')\n    os.environ.get('FINE_HERE')\n",
    )
    write(root, "tests/test_geo.py", "def test_x() -> None:\n    pass\n")
    assert rules_of(check(root)) == [
        ("INI002", f"{PKG}/geo.py", 5),
        ("INI002", f"{PKG}/geo.py", 6),
        ("LOG002", f"{PKG}/geo.py", 10),
    ]


def test_suppression_comment(project: Callable[..., Path]) -> None:
    root = project()
    write(
        root,
        f"{PKG}/geo.py",
        "import logging\n\nlogger = logging.getLogger(__name__)\nprint('ok')  # planner: ignore[LOG002]\n",
    )
    write(root, "tests/test_geo.py", "def test_x() -> None:\n    pass\n")
    assert check(root).clean


def test_missing_mirrored_test(project: Callable[..., Path]) -> None:
    root = project()
    (root / "tests" / "accounts" / "test_services.py").unlink()
    assert rules_of(check(root)) == [("TST001", f"{PKG}/accounts/services.py", 1)]


def test_missing_by_kind_test(project: Callable[..., Path]) -> None:
    root = project(testing__layout="by_kind")
    (root / "tests" / "unit" / "test_settings.py").unlink()
    assert rules_of(check(root)) == [("TST001", f"{PKG}/settings.py", 1)]


def test_domain_reaching_flask_through_a_helper(project: Callable[..., Path]) -> None:
    root = project(
        layout__style="ports_and_adapters", infrastructure__isolation="ports_and_adapters"
    )
    write(
        root,
        f"{PKG}/helpers.py",
        "import logging\n\nfrom flask import current_app\n\nlogger = logging.getLogger(__name__)\n",
    )
    write(root, "tests/test_helpers.py", "def test_x() -> None:\n    pass\n")
    domain = root / PKG / "domain" / "accounts.py"
    text = domain.read_text().replace(
        "from dataclasses import dataclass\n",
        "from dataclasses import dataclass\n\nfrom .. import helpers  # noqa: F401\n",
    )
    domain.write_text(text)
    findings = [f for f in check(root).findings if f.path == f"{PKG}/domain/accounts.py"]
    assert [f.rule for f in findings] == ["INF001"]
    # the services that use this domain module are caught too, through it
    assert any(f.path == f"{PKG}/services/accounts.py" for f in check(root).findings)
    line = text.splitlines().index("from .. import helpers  # noqa: F401") + 1
    assert findings[0].line == line
    assert (
        "matrix_app.domain.accounts -> matrix_app.helpers -> flask.current_app"
        in findings[0].message
    )


def test_type_checking_imports_are_not_dependencies(project: Callable[..., Path]) -> None:
    root = project(
        layout__style="ports_and_adapters", infrastructure__isolation="ports_and_adapters"
    )
    domain = root / PKG / "domain" / "accounts.py"
    domain.write_text(
        domain.read_text()
        + "\nfrom typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from flask import Flask  # noqa: F401\n"
    )
    assert check(root).clean


def test_views_importing_the_orm(project: Callable[..., Path]) -> None:
    root = project()
    routes = root / PKG / "accounts" / "routes.py"
    routes.write_text("from sqlalchemy import select  # noqa: F401\n" + routes.read_text())
    assert rules_of(check(root)) == [("INF002", f"{PKG}/accounts/routes.py", 1)]


def test_cross_feature_internals(project: Callable[..., Path]) -> None:
    root = project(layout__features=["users", "billing"])
    services = root / PKG / "billing" / "services.py"
    services.write_text(
        services.read_text() + "\nfrom matrix_app.users.models import User  # noqa: E402,F401\n"
    )
    report = check(root)
    assert [f.rule for f in report.findings] == ["LAY002"]


def test_missing_feature_and_factory_and_teardown(project: Callable[..., Path]) -> None:
    root = project(lifetimes__db_session="scoped_session")
    record = root / "architecture" / "decisions.yaml"
    record.write_text(
        record.read_text().replace("features: [accounts]", "features: [accounts, search]")
    )
    database = root / PKG / "database.py"
    database.write_text(database.read_text().replace("database.session.remove()", "pass"))
    app = root / PKG / "app.py"
    app.write_text(app.read_text().replace("def create_app(", "def assemble("))
    assert sorted(f.rule for f in check(root).findings) == ["INI001", "LAY001", "LIF001"]


def test_logging_configured_after_the_app(project: Callable[..., Path]) -> None:
    root = project()
    app = root / PKG / "app.py"
    text = app.read_text()
    text = text.replace(
        "    configure_logging(settings.logging_options(config))\n    app = Flask(__name__)\n",
        "    app = Flask(__name__)\n    configure_logging(settings.logging_options(config))\n",
    )
    app.write_text(text)
    assert [f.rule for f in check(root).findings] == ["LOG003"]


def test_deployment_files(project: Callable[..., Path]) -> None:
    root = project()
    (root / "Dockerfile").write_text(
        (root / "Dockerfile").read_text().replace("USER app", "USER root")
    )
    (root / ".github" / "workflows" / "ci.yml").write_text("jobs: [unclosed\n")
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('build-backend = "hatchling.build"\n', ""))
    assert sorted(f.rule for f in check(root).findings) == ["DEP001", "DEP002", "DEP003"]


def test_unparsable_files_are_reported_not_fatal(project: Callable[..., Path]) -> None:
    root = project()
    write(root, f"{PKG}/broken.py", "def oops(:\n")
    write(root, "tests/test_broken.py", "")
    assert ("PAR001", f"{PKG}/broken.py", 1) in rules_of(check(root))


def test_namespace_packages_and_relative_imports(tmp_path: Path) -> None:
    from planner.check.runner import run_check

    write(
        tmp_path,
        "shop/core/rules.py",
        "import logging\n\nfrom ..web import views\n\nlogger = logging.getLogger(__name__)\n",
    )
    write(
        tmp_path,
        "shop/web/views.py",
        "import logging\n\nimport flask\n\nlogger = logging.getLogger(__name__)\n",
    )
    answers = {
        "infrastructure.isolation": "ports_and_adapters",
        "layout.style": "by_layer",
        "testing.layout": "none",
    }
    report = run_check(tmp_path, "shop", answers, select=["INF001"])
    assert report.clean  # core/ is not a core layer name for by_layer
    answers["layout.style"] = "ports_and_adapters"
    (tmp_path / "shop" / "core").rename(tmp_path / "shop" / "domain")
    report = run_check(tmp_path, "shop", answers, select=["INF001"])
    assert [f.message for f in report.findings] == [
        "the core reaches flask: shop.domain.rules -> shop.web.views -> flask"
    ]


def test_rpm_packaging(project: Callable[..., Path]) -> None:
    root = project(deployment__artifact="rpm")
    assert check(root).clean
    for unit in (root / "packaging").glob("*.service"):
        unit.unlink()
    # anchored to a file (SARIF viewers cannot show a finding on a folder)
    assert rules_of(check(root)) == [("DEP004", f"{PKG}/__init__.py", 1)]


def test_wiring_as_decided(project: Callable[..., Path]) -> None:
    root = project(initialization__wiring="container")
    assert check(root).clean
    container = root / PKG / "container.py"
    container.write_text(container.read_text().replace("def resolve(", "def lookup("))
    assert "INI003" in [f.rule for f in check(root).findings]

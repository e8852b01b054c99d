"""The codebase's own names in the adopted record's ``check:``: ``planner adopt`` then
``planner check`` with that record, through the command line, on hand-made projects.

Each project is written so one name matters; the test shows check with the adopted
settings quiet where the code does what the record says, and still reporting a real
deviation planted next to it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from tests.adopt.conftest import LOGGER, write

PRINTS = LOGGER + "\n\ndef report(rows):\n    print(rows)\n"


def _adopt_and_check(
    invoke: Callable[..., Any], root: Path
) -> tuple[dict[str, Any], set[tuple[str, str, int]]]:
    adopted = invoke("adopt", root, "--no-cache", "--date", "2026-11-25")
    assert adopted.exit_code == 0, adopted.stderr
    record = yaml.safe_load((root / "architecture" / "decisions.yaml").read_text())
    checked = invoke("check", root, "--json", "--no-cache")
    assert checked.exit_code in (0, 1), checked.stderr
    findings = json.loads(checked.stdout)["findings"]
    return record, {(f["rule"], f["path"], f["line"]) for f in findings}


def _answer(record: dict[str, Any], qid: str) -> object:
    """The recorded answer, or ``?`` for a question the record leaves open."""
    section, name = qid.split(".")
    decision = record["decisions"][section]
    return "?" if name in (decision.get("open") or {}) else decision["answers"][name]


def test_a_composition_root_of_its_own_name_goes_into_check(
    invoke: Callable[..., Any], tmp_path: Path
) -> None:
    write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/wiring.py": LOGGER + "\n\ndef composition_root(settings):\n"
            "    return {'mailer': object(), 'orders': object()}\n",
            "shop/app.py": LOGGER + "from flask import Flask\n\nfrom shop.wiring import "
            "composition_root\n\n\ndef create_app():\n    app = Flask(__name__)\n"
            "    app.config['SERVICES'] = composition_root(app.config)\n    return app\n",
        },
    )
    record, found = _adopt_and_check(invoke, tmp_path)
    assert _answer(record, "initialization.wiring") == "composition_root"
    assert record["check"]["extend-composition-roots"] == ["composition_root"]
    assert not {f for f in found if f[0] == "INI003"}, found
    # without the name, check would not find the root: the setting is what keeps it quiet
    del record["check"]["extend-composition-roots"]
    (tmp_path / "architecture" / "decisions.yaml").write_text(yaml.safe_dump(record))
    checked = invoke("check", tmp_path, "--json", "--no-cache", "--select", "INI003")
    assert [f["rule"] for f in json.loads(checked.stdout)["findings"]] == ["INI003"]


def test_the_class_that_publishes_the_services_is_named_as_the_root(
    invoke: Callable[..., Any], tmp_path: Path
) -> None:
    names = ["printer", "files", "plugins", "users", "events"]
    write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/server.py": LOGGER
            + "from flask import Flask\n\napp = Flask(__name__)\n"
            + "".join(f"{n} = None\n" for n in names)
            + "\n\nclass Server:\n    def run(self):\n"
            + "".join(f"        global {n}\n" for n in names)
            + "".join(f"        {n} = object()\n" for n in names),
        },
    )
    record, _ = _adopt_and_check(invoke, tmp_path)
    assert _answer(record, "initialization.wiring") == "bootstrap"
    assert record["check"]["extend-composition-roots"] == ["Server"]


def test_storage_names_go_into_check_and_views_importing_them_are_reported(
    invoke: Callable[..., Any], tmp_path: Path
) -> None:
    view = LOGGER + "from flask import Blueprint\n\n{imports}\n\nbp = Blueprint('x', __name__)\n"
    write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/extensions.py": LOGGER + "from flask_caching import Cache\n"
            "from flask_sqlalchemy import SQLAlchemy\n\ncache = Cache()\ndb = SQLAlchemy()\n",
            "shop/core/__init__.py": "",
            "shop/core/db/__init__.py": LOGGER + "from flask_sqlalchemy import SQLAlchemy\n\n"
            "db = SQLAlchemy()\n",
            "shop/ub.py": LOGGER + "from sqlalchemy.orm import declarative_base\n\n"
            "Base = declarative_base()\n",
            "shop/orders/__init__.py": "",
            "shop/orders/repository.py": LOGGER + "from shop.extensions import db\n\n\n"
            "class OrderRepository:\n    def add(self, order):\n        db.session.add(order)\n",
            "shop/orders/views.py": view.format(
                imports="from shop.extensions import cache\n"
                "from shop.orders.repository import OrderRepository"
            ),
            "shop/users/__init__.py": "",
            "shop/users/repository.py": LOGGER + "from shop import ub\n\n\n"
            "class UserRepository:\n    pass\n",
            "shop/users/views.py": view.format(imports="from shop.extensions import db"),
            "shop/users/routes.py": view.format(imports="from shop.core.db import db"),
        },
    )
    record, found = _adopt_and_check(invoke, tmp_path)
    assert record["check"]["extend-storage"] == ["shop.core.db", "shop.extensions.db", "shop.ub"]
    # the repositories exist, yet two views use the ORM themselves: adopt says so and leaves
    # the question open; decided "repository", check reports exactly those two imports
    assert _answer(record, "infrastructure.isolation") == "?"
    assert not {f for f in found if f[0] == "INF002"}  # an open question enforces nothing
    decided = invoke(
        "check",
        tmp_path,
        "--json",
        "--no-cache",
        "--select",
        "INF002",
        "--rules",
        "infrastructure.isolation=repository",
    )
    got = {(f["path"], f["line"]) for f in json.loads(decided.stdout)["findings"]}
    assert got == {("shop/users/views.py", 6), ("shop/users/routes.py", 6)}


def test_storage_drivers_are_storage_and_their_controllers_are_not_views(
    invoke: Callable[..., Any], tmp_path: Path
) -> None:
    files = {
        "shop/__init__.py": "",
        "shop/storage/__init__.py": "",
        "shop/storage/base.py": LOGGER + "import abc\n\n\nclass Queue(abc.ABC):\n    pass\n\n\n"
        "class Message(abc.ABC):\n    pass\n",
        "shop/api/__init__.py": "",
        "shop/api/endpoints.py": LOGGER + "import falcon\n\nfrom shop.storage import base\n",
        "shop/app.py": LOGGER + "import falcon\n\n\ndef make_app():\n    return falcon.App()\n",
    }
    for driver, library in (("mongodb", "pymongo"), ("sqlalchemy", "sqlalchemy")):
        files[f"shop/storage/{driver}/__init__.py"] = ""
        files[f"shop/storage/{driver}/queues.py"] = (
            LOGGER + f"import {library}\n\nfrom shop.storage import base\n"
        )
        files[f"shop/storage/{driver}/controllers.py"] = (
            LOGGER + f"from shop.storage.{driver} import queues\n"
        )
    write(tmp_path, files)
    record, found = _adopt_and_check(invoke, tmp_path)
    assert _answer(record, "infrastructure.isolation") == "repository"
    assert record["check"]["extend-storage"] == [
        "shop.storage.mongodb",
        "shop.storage.sqlalchemy",
    ]
    assert "extend-views" not in record["check"]  # the drivers' controllers are no views
    assert not {f for f in found if f[0] == "INF002"}, found
    # a view that reaches a driver is a real deviation
    write(
        tmp_path,
        {
            "shop/api/endpoints.py": LOGGER + "import falcon\n\n"
            "from shop.storage.mongodb import queues\n"
        },
    )
    checked = invoke("check", tmp_path, "--json", "--no-cache", "--select", "INF002")
    got = [(f["path"], f["line"]) for f in json.loads(checked.stdout)["findings"]]
    assert got == [("shop/api/endpoints.py", 6)]


def test_a_console_script_package_nothing_else_imports_may_print(
    invoke: Callable[..., Any], tmp_path: Path
) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": '[project]\nname = "shop"\n\n[project.scripts]\n'
            'shop-bench = "shop.bench.conductor:main"\nshop-report = "shop.report:main"\n',
            "shop/__init__.py": "",
            "shop/bench/__init__.py": "",
            "shop/bench/conductor.py": PRINTS,
            "shop/bench/helpers.py": PRINTS,
            "shop/report.py": PRINTS,
            "shop/orders.py": PRINTS,
        },
    )
    record, found = _adopt_and_check(invoke, tmp_path)
    assert record["check"]["extend-cli"] == ["bench", "report"]
    # the service module that prints is still a deviation
    assert {f for f in found if f[0] == "LOG002"} == {("LOG002", "shop/orders.py", 7)}


def test_features_under_their_folder_exist_for_check(
    invoke: Callable[..., Any], tmp_path: Path
) -> None:
    files = {"shop/__init__.py": "", "shop/modules/__init__.py": ""}
    for feature in ("orders", "users"):
        for part in ("__init__", "controllers", "models", "views"):
            files[f"shop/modules/{feature}/{part}.py"] = LOGGER
    files["shop/modules/orders/views.py"] = LOGGER + "from shop.modules.users.models import x\n"
    files["shop/modules/users/views.py"] = LOGGER + "from shop.modules.orders.models import y\n"
    write(tmp_path, files)
    record, found = _adopt_and_check(invoke, tmp_path)
    assert _answer(record, "layout.features") == ["orders", "users"]
    assert record["check"]["feature-roots"] == ["modules"]
    # both features reach into each other's modules: that is the code's rule today
    assert _answer(record, "layout.public_interface") == "no_rule"
    assert not {f for f in found if f[0] in ("LAY001", "LAY002")}, found
    # a decided feature with no folder is still reported
    record["decisions"]["layout"]["answers"]["features"] = ["orders", "users", "billing"]
    (tmp_path / "architecture" / "decisions.yaml").write_text(yaml.safe_dump(record))
    checked = invoke("check", tmp_path, "--json", "--no-cache", "--select", "LAY001")
    got = [f["message"] for f in json.loads(checked.stdout)["findings"]]
    assert got == ["feature 'billing' is decided but has no code here"]


def test_features_keeping_to_each_others_front_door(
    invoke: Callable[..., Any], tmp_path: Path
) -> None:
    files = {"shop/__init__.py": ""}
    for feature in ("orders", "users"):
        for part in ("controllers", "models", "views"):
            files[f"shop/{feature}/{part}.py"] = LOGGER
    files["shop/orders/__init__.py"] = "from shop.orders.models import Order as Order\n"
    files["shop/users/__init__.py"] = "from shop.users.models import User as User\n"
    files["shop/orders/views.py"] = LOGGER + "from shop.users import User\n"
    write(tmp_path, files)
    record, found = _adopt_and_check(invoke, tmp_path)
    assert _answer(record, "layout.public_interface") == "package_root"
    assert not {f for f in found if f[0] == "LAY002"}, found


def test_terminal_helpers_test_support_and_vendored_code_go_into_check(
    invoke: Callable[..., Any], tmp_path: Path
) -> None:
    write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/util/__init__.py": "",
            "shop/util/console.py": PRINTS,
            "shop/util/money.py": PRINTS,
            "shop/util/console_test.py": "def test_x():\n    pass\n",
            "shop/util/money_test.py": "def test_x():\n    pass\n",
            "shop/testing/__init__.py": "",
            "shop/testing/fixtures.py": "import pytest\n\n\n@pytest.fixture\ndef app():\n"
            "    return None\n",
            "shop/vendor/__init__.py": "",
            "shop/vendor/mail.py": "def send(message):\n    print(message)\n",
            "shop/_version.py": '"""Version from git, as versioneer computes it."""\n\n\n'
            "def get(verbose):\n    if verbose:\n        print('looking at git')\n",
        },
    )
    record, found = _adopt_and_check(invoke, tmp_path)
    assert record["check"]["extend-cli"] == ["util.console"]
    assert record["check"]["extend-test-folders"] == ["testing"]
    assert record["check"]["exclude"] == ["shop/vendor/*", "shop/_version.py"]
    # the helper module that prints for a living is quiet; the money module's print is not;
    # neither the fixtures nor the vendored or generated modules are the team's to test
    assert found == {("LOG002", "shop/util/money.py", 7)}, found


def test_a_function_only_the_script_block_calls_may_print(
    invoke: Callable[..., Any], tmp_path: Path
) -> None:
    write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/comm.py": LOGGER + "\n\ndef upload_cli():\n    print('usage: ...')\n\n\n"
            "def send(data):\n    print(data)\n\n\nif __name__ == '__main__':\n"
            "    upload_cli()\n    send(b'x')\n",
            "shop/link.py": LOGGER + "from shop.comm import send\n\n\ndef go():\n    send(1)\n",
        },
    )
    checked = invoke(
        "check",
        tmp_path,
        "--json",
        "--no-cache",
        "--package",
        "shop",
        "--select",
        "LOG002",
        "--rules",
        "logging.module_logger=true",
    )
    got = [(f["path"], f["line"]) for f in json.loads(checked.stdout)["findings"]]
    # send() is called by the script block and by another module: its print is reported
    assert got == [("shop/comm.py", 11)]


def test_by_kind_tests_below_a_kind_folder_or_inside_the_package_count(
    invoke: Callable[..., Any], tmp_path: Path
) -> None:
    write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/utils/__init__.py": "",
            "shop/utils/helpers.py": LOGGER,
            "shop/orders/__init__.py": "",
            "shop/orders/pay.py": LOGGER,
            "shop/orders/ship.py": LOGGER,
            "tests/unit/utils/test_helpers.py": "def test_x():\n    pass\n",
            "shop/tests/functional/test_pay.py": "def test_x():\n    pass\n",
            "tests/unit/test_other.py": "def test_x():\n    pass\n",
        },
    )
    checked = invoke(
        "check",
        tmp_path,
        "--json",
        "--no-cache",
        "--package",
        "shop",
        "--rules",
        "testing.layout=by_kind",
        "--select",
        "TST001",
    )
    got = [f["path"] for f in json.loads(checked.stdout)["findings"]]
    assert got == ["shop/orders/ship.py"]


def test_a_function_storing_the_services_on_the_app_is_the_composition_root(
    invoke: Callable[..., Any], tmp_path: Path
) -> None:
    write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/services.py": LOGGER + "\n\nclass Mailer:\n    pass\n",
            "shop/app.py": LOGGER + "from flask import Flask\n\nfrom shop.services import Mailer\n"
            "\n\ndef init_application(app):\n    app.extensions['shop.mailer'] = Mailer()\n\n\n"
            "def create_app():\n    app = Flask(__name__)\n    init_application(app)\n"
            "    return app\n",
        },
    )
    record, found = _adopt_and_check(invoke, tmp_path)
    assert _answer(record, "initialization.wiring") == "composition_root"
    assert record["check"]["extend-composition-roots"] == ["init_application"]
    assert not {f for f in found if f[0] in ("INI001", "INI003")}, found

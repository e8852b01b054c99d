"""Hand-made codebases for the shapes real services have (indico, Zaqar, OctoPrint, Calibre-Web),
each answer judged by reading the few lines written here."""

from __future__ import annotations

from pathlib import Path

from planner.adopt.run import adopt
from planner.questions.loader import load_bank
from tests.adopt.conftest import LOGGER, write

FLASK_APP = "from flask import Flask\n\napp = Flask(__name__)\n"


def _answers(root: Path) -> dict[str, object]:
    return dict(adopt(root, load_bank(), use_cache=False).answers)


def test_every_package_under_the_feature_folder_is_a_feature(tmp_path: Path) -> None:
    files = {"shop/__init__.py": "", "shop/modules/__init__.py": ""}
    for feature in ("orders", "users", "api", "core"):
        for part in ("__init__", "controllers", "models", "views"):
            files[f"shop/modules/{feature}/{part}.py"] = LOGGER
    write(tmp_path, files)
    answer = adopt(tmp_path, load_bank(), use_cache=False).answers["layout.features"]
    # api and core are built like the others, so they are features here, not layers or support
    assert answer.value == ["api", "core", "orders", "users"]


def test_test_names_are_open_when_there_are_no_tests(tmp_path: Path) -> None:
    write(tmp_path, {"shop/__init__.py": "", "shop/app.py": LOGGER})
    answer = adopt(tmp_path, load_bank(), use_cache=False).answers["testing.naming"]
    assert answer.open
    assert "no test files" in answer.finding
    # a source tree without tests has none yet: then the names are not asked at all
    write(tmp_path, {"pyproject.toml": '[project]\nname = "shop"\n'})
    answers = adopt(tmp_path, load_bank(), use_cache=False).answers
    assert answers["testing.layout"].value == "none_yet"
    assert "testing.naming" not in answers


def test_loggers_made_per_package_and_imported_leave_the_scope_open(tmp_path: Path) -> None:
    use = "\n\ndef go():\n    logger.info('x')\n"
    write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/orders/__init__.py": "import logging\n\nlogger = logging.getLogger('orders')\n",
            "shop/orders/pay.py": "from shop.orders import logger" + use,
            "shop/orders/ship.py": "from shop.orders import logger" + use,
            "shop/users/__init__.py": "import logging\n\nlogger = logging.getLogger('users')\n",
            "shop/users/login.py": "from shop.users import logger" + use,
        },
    )
    answers = adopt(tmp_path, load_bank(), use_cache=False).answers
    assert answers["logging.module_logger"].value is False
    scope = answers["logging.logger_scope"]
    assert scope.open
    assert "3 modules log through a logger made in another module" in scope.finding
    assert "shop/orders/pay.py" in {e.path for e in scope.evidence}


def test_one_logger_imported_everywhere_is_shared(tmp_path: Path) -> None:
    use = "\n\ndef go():\n    log.info('x')\n"
    write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/util.py": "import logging\n\nlog = logging.getLogger('shop')\n",
            "shop/pay.py": "from shop.util import log" + use,
            "shop/ship.py": "from shop.util import log" + use,
        },
    )
    scope = adopt(tmp_path, load_bank(), use_cache=False).answers["logging.logger_scope"]
    assert scope.value == "shared"


def test_the_module_setting_logging_up_may_use_the_root_logger(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/logsetup.py": "import logging\n\n\ndef setup():\n"
            "    logging.getLogger().addHandler(logging.StreamHandler())\n"
            "    logging.debug('logging set up')\n",
            "shop/pay.py": LOGGER + "\n\ndef go():\n    logger.info('x')\n",
            "shop/ship.py": LOGGER + "\n\ndef go():\n    logger.info('x')\n",
            "shop/util.py": "def add(a, b):\n    return a + b\n",
        },
    )
    answers = adopt(tmp_path, load_bank(), use_cache=False).answers
    assert answers["logging.module_logger"].value is False
    assert answers["logging.logger_scope"].value == "where_used"


def test_a_request_id_filter_of_the_projects_own_counts(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/logs.py": "from flask import request\n\n\nclass AddRequestIDFilter:\n"
            "    def filter(self, record):\n        record.request_id = request.id\n"
            "        return True\n",
        },
    )
    answer = adopt(tmp_path, load_bank(), use_cache=False).answers["logging.request_id"]
    assert answer.value is True
    assert [str(e) for e in answer.evidence] == ["shop/logs.py: class AddRequestIDFilter"]


def test_oslo_middleware_request_id_counts(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/driver.py": "from oslo_middleware import request_id\n\n\n"
            "def wrap(app):\n    return request_id.RequestId(app)\n",
        },
    )
    answer = adopt(tmp_path, load_bank(), use_cache=False).answers["logging.request_id"]
    assert answer.value is True
    assert "shop/driver.py:1" in {f"{e.path}:{e.line}" for e in answer.evidence}


def test_config_file_loaded_by_the_factory_and_env_reads_of_tools_do_not_make_it_layered(
    tmp_path: Path,
) -> None:
    write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/config.py": "import os\n\n\ndef load_config():\n"
            "    with open(os.environ.get('SHOP_CONFIG', 'shop.conf')) as f:\n"
            "        return dict(line.split('=') for line in f)\n",
            "shop/app.py": "from flask import Flask\nfrom shop.config import load_config\n\n\n"
            "def create_app():\n    app = Flask(__name__)\n"
            "    app.config.update(load_config())\n    return app\n",
            "shop/cli.py": "import os\n\n\ndef a():\n    return os.environ.get('A')\n\n\n"
            "def b():\n    return os.environ.get('B')\n\n\ndef c():\n    return os.getenv('C')\n",
        },
    )
    answers = adopt(tmp_path, load_bank(), use_cache=False).answers
    answer = answers["initialization.config_source"]
    assert answer.value == "file"
    assert "shop/app.py:7" in {f"{e.path}:{e.line}" for e in answer.evidence}
    # read when the app is created: the factory's call is the evidence
    read = answers["initialization.config_read"]
    assert read.value == "at_creation"
    assert [f"{e.path}:{e.line}" for e in read.evidence] == ["shop/app.py:7"]


def test_oslo_config_reads_a_file(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/cmd/__init__.py": "",
            "shop/cmd/server.py": "from oslo_config import cfg\n\n\ndef run():\n"
            "    conf = cfg.CONF\n    conf(project='shop', prog='shop-server')\n",
        },
    )
    answer = adopt(tmp_path, load_bank(), use_cache=False).answers["initialization.config_source"]
    assert answer.value == "file"
    assert "shop/cmd/server.py:6" in {f"{e.path}:{e.line}" for e in answer.evidence}


def test_settings_kept_in_a_database_table_are_open(tmp_path: Path) -> None:
    reads = "".join(f"{n} = os.environ.get('{n}')\n" for n in ("A", "B", "C"))
    write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/constants.py": "import os\n\n" + reads,
            "shop/config_sql.py": "from sqlalchemy import Column, Integer\n"
            "from sqlalchemy.orm import declarative_base\n\nBase = declarative_base()\n\n\n"
            "class _Settings(Base):\n    __tablename__ = 'settings'\n"
            "    id = Column(Integer, primary_key=True)\n",
        },
    )
    answer = adopt(tmp_path, load_bank(), use_cache=False).answers["initialization.config_source"]
    assert answer.open
    assert "a table of the app's own database" in answer.finding
    assert "shop/config_sql.py" in {e.path for e in answer.evidence}


def test_resources_a_wrapper_session_and_a_memory_limiter_manage_nothing(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/advocate.py": "import requests\nfrom requests import Session as _S\n\n\n"
            "class Session(_S):\n    pass\n\n\ndef get(url):\n"
            "    with Session() as s:\n        return s.get(url)\n",
            "shop/app.py": "from flask import Flask\nfrom flask_limiter import Limiter\n"
            "from flask_limiter.util import get_remote_address\n\n\ndef create_app():\n"
            "    app = Flask(__name__)\n"
            "    Limiter(get_remote_address, app=app, storage_uri='memory://')\n    return app\n",
            "shop/cache.py": "from oslo_cache import core\n\n\ndef get_cache(conf):\n"
            "    return core.get_memoization_decorator(conf, None, 'cache')\n",
        },
    )
    answer = adopt(tmp_path, load_bank(), use_cache=False).answers["lifetimes.other_resources"]
    assert answer.value == ["cache"]
    assert "shop/cache.py:1" in {f"{e.path}:{e.line}" for e in answer.evidence}


def test_a_pooled_session_kept_by_a_class_is_an_http_client(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/provider.py": "import requests\n\n\nclass Amazon:\n"
            "    session = requests.Session()\n",
        },
    )
    answer = adopt(tmp_path, load_bank(), use_cache=False).answers["lifetimes.other_resources"]
    assert answer.value == ["http_client"]


def test_create_all_in_a_helper_the_start_up_function_calls_runs_at_start_up(
    tmp_path: Path,
) -> None:
    write(
        tmp_path,
        {
            "shop/__init__.py": "from flask import Flask\nfrom shop import ub\n\n"
            "app = Flask(__name__)\n\n\ndef create_app():\n    ub.init_db('app.db')\n"
            "    return app\n",
            "shop/ub.py": "from sqlalchemy import create_engine\n"
            "from sqlalchemy.orm import declarative_base\n\nBase = declarative_base()\n\n\n"
            "def init_db(path):\n    engine = create_engine('sqlite:///' + path)\n"
            "    Base.metadata.create_all(engine)\n\n\n"
            "def rebuild(engine):\n    Base.metadata.create_all(engine)\n",
        },
    )
    answer = adopt(tmp_path, load_bank(), use_cache=False).answers["initialization.db_init"]
    assert answer.value == "create_all_at_startup"
    assert [f"{e.path}:{e.line}" for e in answer.evidence] == ["shop/ub.py:9"]


def test_a_bootstrap_class_without_app_extensions_is_bootstrap(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/bootstrap.py": "import falcon\n\n\nclass Bootstrap:\n"
            "    def __init__(self, conf):\n        self.storage = object()\n\n"
            "    def transport(self):\n        return falcon.App()\n",
        },
    )
    answers = adopt(tmp_path, load_bank(), use_cache=False).answers
    assert answers["initialization.wiring"].value == "bootstrap"


def test_a_bootstrap_function_storing_into_app_extensions_is_a_composition_root(
    tmp_path: Path,
) -> None:
    write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/app.py": "from flask import Flask\n\n\ndef bootstrap(app):\n"
            "    app.extensions['shop'] = object()\n\n\n"
            "def create_app():\n    app = Flask(__name__)\n    bootstrap(app)\n    return app\n",
        },
    )
    answers = adopt(tmp_path, load_bank(), use_cache=False).answers
    assert answers["initialization.wiring"].value == "composition_root"


def test_a_start_up_method_publishing_services_as_globals_is_bootstrap(tmp_path: Path) -> None:
    names = ["printer", "files", "plugins", "users", "events"]
    body = "".join(f"        global {n}\n" for n in names) + "".join(
        f"        {n} = object()\n" for n in names
    )
    write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/server.py": "from flask import Flask\nfrom flask_login import LoginManager\n\n"
            "app = Flask(__name__)\nlogin = LoginManager()\n"
            + "".join(f"{n} = None\n" for n in names)
            + "\n\nclass Server:\n    def run(self):\n"
            + body
            + "        login.init_app(app)\n",
        },
    )
    answer = adopt(tmp_path, load_bank(), use_cache=False).answers["initialization.wiring"]
    assert answer.value == "bootstrap"
    assert [str(e) for e in answer.evidence] == [
        "shop/server.py:15: run() publishes 5 services as module attributes"
    ]


def test_storage_drivers_behind_interfaces_are_repositories(tmp_path: Path) -> None:
    files = {
        "shop/__init__.py": "",
        "shop/storage/__init__.py": "",
        "shop/storage/base.py": "import abc\n\n\nclass Queue(abc.ABC):\n    pass\n\n\n"
        "class Message(abc.ABC):\n    pass\n",
        "shop/transport/__init__.py": "",
        "shop/transport/queues.py": "from shop.storage import base\n",
    }
    for driver, library in (("mongodb", "pymongo"), ("sqlalchemy", "sqlalchemy")):
        files[f"shop/storage/{driver}/__init__.py"] = ""
        files[f"shop/storage/{driver}/queues.py"] = (
            f"import {library}\nfrom shop.storage import base\n\n\n"
            "class QueueController(base.Queue):\n    pass\n"
        )
    write(tmp_path, files)
    answer = adopt(tmp_path, load_bank(), use_cache=False).answers["infrastructure.isolation"]
    assert answer.value == "repository"
    assert [e.path for e in answer.evidence] == ["shop/storage/base.py"]
    # one view importing a database library itself: no longer storage behind interfaces
    write(tmp_path, {"shop/transport/queues.py": "import pymongo\n"})
    answer = adopt(tmp_path, load_bank(), use_cache=False).answers["infrastructure.isolation"]
    assert answer.value == "none"

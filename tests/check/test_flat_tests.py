"""TST001 with a flat tests folder inside the package and the recorded test file naming.

The tree is written by hand in the shape of ihatemoney 7.2.1 (an sdist from PyPI): its
tests are ``ihatemoney/tests/*_test.py``, one flat folder inside the package, named
``<module>_test.py`` (``history_test.py`` for ``history.py``) or after a sub-package
(``api_test.py`` for the modules of ``api/``), beside test files named after a topic
(``budget_test.py``, ``main_test.py``, ``import_test.py``) and test support
(``tests/common/``, ``conftest.py``). Read by name, ihatemoney's modules with a test are
history.py, api/common.py and api/v1/resources.py; models.py, web.py, utils.py, run.py,
wsgi.py and the others have none. manage.py is its command line, migrations/ its
migrations: neither needs a test.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.check.config import CheckConfig, CheckConfigError, merge
from planner.check.runner import run_check

Invoke = Callable[..., Any]
CODE = "import logging\n\nlogger = logging.getLogger(__name__)\n\n\ndef {name}():\n    return 1\n"
TEST = "def test_it() -> None:\n    assert True\n"
FLAT = {"testing.layout": "flat", "testing.naming": "test_suffix"}

MODULES = (
    "api/common",
    "api/v1/resources",
    "history",
    "models",
    "web",
    "utils",
    "run",
    "wsgi",
)
# Read by name: each module without <module>_test.py, or <sub-package>_test.py, in tests/.
GAPS = ["models", "run", "utils", "web", "wsgi"]


def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def ihatemoney_shape(root: Path) -> Path:
    package = root / "ihatemoney"
    write(package, "__init__.py", "")
    write(package, "api/__init__.py", "")
    write(package, "api/v1/__init__.py", 'from .resources import api\n\n__all__ = ["api"]\n')
    for module in MODULES:
        write(package, f"{module}.py", CODE.format(name=module.rpartition("/")[2]))
    write(package, "manage.py", "import click\n\n\n@click.group()\ndef cli():\n    pass\n")
    write(package, "migrations/env.py", "from alembic import context\n\ncontext.configure()\n")
    write(package, "migrations/versions/26d6a218c329_.py", "revision = '26d6a218c329'\n")
    write(package, "tests/__init__.py", "")
    write(
        package, "tests/conftest.py", "import pytest\n\n\n@pytest.fixture\ndef app():\n    pass\n"
    )
    write(package, "tests/common/__init__.py", "")
    write(package, "tests/common/ihatemoney_testcase.py", "class IhatemoneyTestCase:\n    pass\n")
    for test in ("api", "history", "budget", "main", "import"):
        write(package, f"tests/{test}_test.py", TEST)
    write(
        root,
        "pyproject.toml",
        '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n\n'
        '[project]\nname = "ihatemoney"\nversion = "7.2.1"\n',
    )
    return root


def missing(
    root: Path, answers: dict[str, Any], config: CheckConfig | None = None
) -> list[tuple[str, str]]:
    report = run_check(root, "ihatemoney", answers, config=config, select=["TST001"])
    return [(f.path, f.message) for f in report.findings]


def gaps(names: list[str], naming: str = "{}_test.py") -> list[tuple[str, str]]:
    return [
        (f"ihatemoney/{n}.py", f"no test at ihatemoney/tests/{naming.format(n)}") for n in names
    ]


def test_a_flat_tests_folder_inside_the_package_named_as_recorded(tmp_path: Path) -> None:
    root = ihatemoney_shape(tmp_path)
    assert missing(root, FLAT) == gaps(GAPS)
    # a test added under the recorded name closes the gap
    write(root, "ihatemoney/tests/models_test.py", TEST)
    assert missing(root, FLAT) == gaps(["run", "utils", "web", "wsgi"])


def test_the_per_feature_file_covers_the_sub_package_in_the_recorded_naming(
    tmp_path: Path,
) -> None:
    root = ihatemoney_shape(tmp_path)
    (root / "ihatemoney/tests/api_test.py").unlink()
    assert missing(root, FLAT)[:2] == [
        ("ihatemoney/api/common.py", "no test at ihatemoney/tests/api_common_test.py"),
        ("ihatemoney/api/v1/resources.py", "no test at ihatemoney/tests/api_v1_resources_test.py"),
    ]
    write(root, "ihatemoney/tests/test_api.py", TEST)  # the other naming: not the team's
    assert len(missing(root, FLAT)) == len(GAPS) + 2
    write(root, "ihatemoney/tests/v1_test.py", TEST)  # api/v1/'s own per-feature file
    assert missing(root, FLAT)[0][0] == "ihatemoney/api/common.py"
    assert len(missing(root, FLAT)) == len(GAPS) + 1
    # the prefix naming, in the tests folder beside the package
    prefix = {"testing.layout": "flat", "testing.naming": "test_prefix"}
    write(root, "tests/test_web.py", TEST)
    found = dict(missing(root, prefix))
    assert "ihatemoney/api/common.py" not in found  # ihatemoney/tests/test_api.py
    assert "ihatemoney/web.py" not in found  # tests/test_web.py
    # with a tests folder on both sides, the one beside the package is named first
    assert found["ihatemoney/history.py"] == "no test at tests/test_history.py"


def test_the_recorded_naming_decides_and_an_open_one_accepts_every_pattern(
    tmp_path: Path,
) -> None:
    root = ihatemoney_shape(tmp_path)
    write(root, "ihatemoney/tests/test_models.py", TEST)  # named the other way
    assert ("ihatemoney/models.py", "no test at ihatemoney/tests/models_test.py") in missing(
        root, FLAT
    )
    # naming left open, or not recorded: any configured pattern is a test (as before)
    for answers in ({"testing.layout": "flat"}, {**FLAT, "testing.naming": None}):
        assert missing(root, answers) == [
            (p, m.replace("ihatemoney/tests/", "ihatemoney/tests/test_").replace("_test.py", ".py"))
            for p, m in gaps(["run", "utils", "web", "wsgi"])
        ]
    # the prefix naming does not take history_test.py for history.py
    prefix = {"testing.layout": "flat", "testing.naming": "test_prefix"}
    assert ("ihatemoney/history.py", "no test at ihatemoney/tests/test_history.py") in missing(
        root, prefix
    )


def test_the_naming_holds_in_the_mirror_layout_too(tmp_path: Path) -> None:
    root = ihatemoney_shape(tmp_path)
    mirror = {"testing.layout": "mirror", "testing.naming": "test_suffix"}
    found = dict(missing(root, mirror))
    assert "ihatemoney/api/v1/resources.py" not in found  # api_test.py, per feature
    assert found["ihatemoney/models.py"] == "no test at ihatemoney/tests/models_test.py"
    write(root, "ihatemoney/tests/test_models.py", TEST)
    assert "ihatemoney/models.py" in dict(missing(root, mirror))
    assert "ihatemoney/models.py" not in dict(missing(root, {"testing.layout": "mirror"}))


def test_test_patterns_a_team_sets_win_over_the_recorded_naming(tmp_path: Path) -> None:
    root = ihatemoney_shape(tmp_path)
    write(root, "ihatemoney/tests/test_models.py", TEST)
    write(root, "ihatemoney/tests/check_web.py", TEST)
    # given by name, even the defaults themselves: the team's list, whatever the naming
    given = merge(CheckConfig(), {"test-patterns": ["test_{name}.py"]}, "decisions.yaml")
    assert "ihatemoney/models.py" not in dict(missing(root, FLAT, given))
    assert "ihatemoney/history.py" in dict(missing(root, FLAT, given))  # history_test.py
    defaults = merge(
        CheckConfig(), {"test_patterns": list(CheckConfig().test_patterns)}, "pyproject.toml"
    )
    assert "ihatemoney/models.py" not in dict(missing(root, FLAT, defaults))
    # extended: the recorded naming narrows the defaults only, the added pattern stays
    extended = merge(CheckConfig(), {"extend-test-patterns": ["check_{name}.py"]}, "x.yaml")
    found = dict(missing(root, FLAT, extended))
    assert "ihatemoney/web.py" not in found  # check_web.py
    assert found["ihatemoney/models.py"] == "no test at ihatemoney/tests/models_test.py"


def test_a_test_folder_given_as_a_path_says_the_package_is_looked_in(tmp_path: Path) -> None:
    with pytest.raises(CheckConfigError) as caught:
        merge(CheckConfig(), {"extend-test-folders": ["ihatemoney/tests"]}, "decisions.yaml")
    assert (
        "check.extend-test-folders[0]: 'ihatemoney/tests': expected a folder name (no path): "
        "a test folder of that name is looked for both beside the package and directly "
        "inside it; for 'ihatemoney/tests' give 'tests'"
    ) in str(caught.value)
    with pytest.raises(CheckConfigError) as caught:
        merge(CheckConfig(), {"test-folders": [".."]}, "decisions.yaml")
    assert "'..': expected a folder name (no path)" in str(caught.value)
    assert "give" not in str(caught.value)
    # and it is not needed: without it the tests inside the package are found
    root = ihatemoney_shape(tmp_path)
    assert missing(root, FLAT) == gaps(GAPS)


def test_adopt_then_check_reports_only_the_modules_without_a_test(
    invoke: Invoke, tmp_path: Path
) -> None:
    root = ihatemoney_shape(tmp_path)
    adopted = invoke("adopt", root, "--no-cache", "--date", "2026-11-25")
    assert adopted.exit_code == 0, adopted.stderr
    record = (root / "architecture" / "decisions.yaml").read_text()
    assert "layout: flat" in record and "naming: test_suffix" in record
    checked = invoke("check", root, "--json", "--no-cache", "--select", "TST001")
    assert checked.exit_code == 1, checked.stderr
    findings = json.loads(checked.stdout)["findings"]
    assert [(f["path"], f["message"]) for f in findings] == gaps(GAPS)

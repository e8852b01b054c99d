"""``planner validate`` checks the settings ``planner check`` reads, deeply, and ``check``
refuses them the same way before it looks at any code.

Every case is a hand-written bad ``check:`` section of a record or ``[tool.planner.check]``
table of a pyproject.toml. The line each problem must name is the line marked ``# <-``
in the snippet; the message is what a person needs to fix it.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Invoke = Callable[..., Any]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.skeleton.conftest import generate

    root = tmp_path_factory.mktemp("settings") / "project"
    generate(root, {})
    return root


@pytest.fixture
def project(pristine: Path, tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(pristine, root)
    shutil.rmtree(root / ".planner_cache", ignore_errors=True)
    return root


def _marked_line(text: str) -> int:
    (line,) = [n for n, item in enumerate(text.splitlines(), 1) if item.endswith("# <-")]
    return line


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _refused_alike(invoke: Invoke, root: Path, record: Path) -> str:
    """validate and check both exit 2 with the same message; nothing is written."""
    before = _snapshot(root)
    validated = invoke("validate", record)
    checked = invoke("check", root)
    assert validated.exit_code == 2, validated.output
    assert checked.exit_code == 2, checked.output
    assert validated.stderr == checked.stderr
    assert validated.stdout == "" and checked.stdout == ""
    assert _snapshot(root) == before  # not even the facts cache
    assert "Traceback" not in validated.stderr
    message: str = validated.stderr
    return message


RECORD_CASES = [
    # unknown keys, with a suggestion
    ("check:\n  cores: [domain]  # <-\n", "check.cores: unknown setting (did you mean 'core'?)"),
    (
        "check:\n  extend_factorys: [assemble]  # <-\n",
        "check.extend_factorys: unknown setting (did you mean 'extend-factories'?)",
    ),
    (
        "check:\n  rules:\n    LOG002:\n      severty: warning  # <-\n",
        "check.rules.LOG002.severty: unknown option 'severty' (did you mean 'severity'?)",
    ),
    # wrong types
    (
        "check:\n  views: routes  # <-\n",
        'check.views: expected a list of text, found text; write ["routes"]',
    ),
    (
        "check:\n  core:\n    - domain\n    - 3  # <-\n",
        "check.core[1]: expected text, found a number",
    ),
    ("check:\n  feature-depth: two  # <-\n", "check.feature-depth: expected a number from 1 to 5"),
    (
        "check:\n  rules:\n    TST001: [app/scripts/*]  # <-\n",
        "check.rules.TST001: expected exclude and/or severity, found a list",
    ),
    # unknown rule ids, in rules (severities, excludes), select and ignore
    (
        "check:\n  rules:\n    LOG02:  # <-\n      severity: warning\n",
        "check.rules.LOG02: unknown rule 'LOG02' (did you mean 'LOG002'?)",
    ),
    (
        "check:\n  rules:\n    log002: {severity: warning}  # <-\n",
        "check.rules.log002: unknown rule 'log002' (did you mean 'LOG002'? rule ids are upper case)",
    ),
    (
        "check:\n  ignore: [TST001, XYZ999]  # <-\n",
        "check.ignore[1]: 'XYZ999': unknown rule 'XYZ999'",
    ),
    (
        "check:\n  select: [LOG001, INF01]  # <-\n",
        "check.select[1]: 'INF01': unknown rule 'INF01' (did you mean 'INF001'?)",
    ),
    (
        "check:\n  rules:\n    LOG002:\n      severity: fatal  # <-\n",
        "check.rules.LOG002.severity: expected error or warning, found 'fatal'",
    ),
    # globs that can never match
    (
        "check:\n  exclude: ['app/vendored/[ab*']  # <-\n",
        "check.exclude[0]: 'app/vendored/[ab*': a [ is never closed",
    ),
    (
        "check:\n  exclude: [/srv/app/vendored/*]  # <-\n",
        "check.exclude[0]: '/srv/app/vendored/*': expected a path relative to the project",
    ),
    (
        "check:\n  rules:\n    TST001:\n      exclude: ['app\\scripts\\*']  # <-\n",
        "check.rules.TST001.exclude[0]: 'app\\\\scripts\\\\*': expected a path relative",
    ),
    (
        "check:\n  public: ['*.decorators', 'app/auth/*']  # <-\n",
        "check.public[1]: 'app/auth/*': expected a dotted name like shop.domain, not a path",
    ),
    (
        "check:\n  test-patterns: [test_x.py]  # <-\n",
        "check.test-patterns[0]: 'test_x.py': expected a file name with {name} in it",
    ),
    # empty names
    ("check:\n  core: [domain, '']  # <-\n", "check.core[1]: '': empty; give a name"),
    (
        "check:\n  extend-log-setup: ['  ']  # <-\n",
        "check.extend-log-setup[0]: '  ': empty; give a name",
    ),
    ("check:\n  package: ''  # <-\n", "check.package: expected a package name (a Python name)"),
    # package names that are not dotted identifiers
    (
        "check:\n  extend-forbidden: [django-rest]  # <-\n",
        "check.extend-forbidden[0]: 'django-rest': is not a Python name",
    ),
    (
        "check:\n  forbidden: [flask, sqlalchemy..orm]  # <-\n",
        "check.forbidden[1]: 'sqlalchemy..orm': expected a dotted name like shop.domain "
        "(an empty part between dots)",
    ),
    (
        "check:\n  forbidden: ['flask*']  # <-\n",
        "check.forbidden[0]: 'flask*': is a glob, which this setting does not take",
    ),
    ("check:\n  package: my-shop  # <-\n", "check.package: expected a package name"),
    (
        "check:\n  storage: ['{package}.data base']  # <-\n",
        "check.storage[0]: '{package}.data base': 'data base' is not a Python name",
    ),
]


@pytest.mark.parametrize(("snippet", "message"), RECORD_CASES, ids=lambda v: str(v)[:40])
def test_bad_record_settings_are_refused_with_file_line_and_field(
    invoke: Invoke, project: Path, snippet: str, message: str
) -> None:
    record = project / "architecture" / "decisions.yaml"
    text = record.read_text() + snippet
    record.write_text(text)
    stderr = _refused_alike(invoke, project, record)
    assert f"{record}:{_marked_line(text)}: {message}" in stderr


def test_every_problem_is_listed_at_once(invoke: Invoke, project: Path) -> None:
    record = project / "architecture" / "decisions.yaml"
    record.write_text(
        record.read_text() + "check:\n  cores: [x]\n  views: routes\n  select: [LOG02]\n"
    )
    stderr = _refused_alike(invoke, project, record)
    assert "3 problems in this file's check settings" in stderr
    assert stderr.index("check.cores") < stderr.index("check.views") < stderr.index("check.select")


PYPROJECT_CASES = [
    ("[tool.planner.check]\ncores = ['x']  # <-\n", "tool.planner.check.cores: unknown setting"),
    (
        "[tool.planner.check]\ncore = ['domain']\nview = ['routes']  # <-\n",
        "tool.planner.check.view: unknown setting (did you mean 'views'?)",
    ),
    (
        "[tool.planner.check]\ncli = 'tools'  # <-\n",
        "tool.planner.check.cli: expected a list of text",
    ),
    (
        "[tool.planner.check]\nfeature-depth = true  # <-\n",
        "tool.planner.check.feature-depth: expected a number from 1 to 5",
    ),
    (
        "[tool.planner.check]\nrules = { LOG02 = { severity = 'warning' } }  # <-\n",
        "tool.planner.check.rules.LOG02: unknown rule 'LOG02' (did you mean 'LOG002'?)",
    ),
    (
        "[tool.planner.check.rules]\nLOG002 = { severity = 'info' }  # <-\n",
        "tool.planner.check.rules.LOG002.severity: expected error or warning, found 'info'",
    ),
    (
        "[tool.planner.check]\nexclude = ['app/[vendored/*']  # <-\n",
        "tool.planner.check.exclude[0]: 'app/[vendored/*': a [ is never closed",
    ),
    (
        "[tool.planner.check]\nextend-views = ['']  # <-\n",
        "tool.planner.check.extend-views[0]: '': empty; give a name",
    ),
    (
        "[tool.planner.check]\nextend-forbidden = [\n  'django',\n  'rest framework',\n]  # <-\n",
        "tool.planner.check.extend-forbidden[1]: 'rest framework': is not a Python name",
    ),
    (  # the section as an inline table of [tool.planner]
        "[tool.planner]\ncheck = { core = 'domain' }  # <-\n",
        'tool.planner.check.core: expected a list of text, found text; write ["domain"]',
    ),
    (  # dotted keys under [tool]
        "[tool]\nplanner.check.extend-views = ['web handlers']  # <-\n",
        "tool.planner.check.extend-views[0]: 'web handlers': expected one Python name",
    ),
    (
        "[tool.planner.check]\npackage = 'app.web'  # <-\n",
        "tool.planner.check.package: expected a package name (a Python name), found 'app.web'",
    ),
]


def _line_of_key(text: str, snippet: str) -> int:
    """The marked line, or for a multi-line value the line of its key (where TOML says it)."""
    offset = text.index(snippet)
    lines = snippet.splitlines()
    marked = _marked_line(snippet)
    while "=" not in lines[marked - 1]:
        marked -= 1
    return text[:offset].count("\n") + marked


@pytest.mark.parametrize(("snippet", "message"), PYPROJECT_CASES, ids=lambda v: str(v)[:40])
def test_bad_pyproject_settings_are_refused_with_file_line_and_field(
    invoke: Invoke, project: Path, snippet: str, message: str
) -> None:
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text() + "\n" + snippet
    pyproject.write_text(text)
    stderr = _refused_alike(invoke, project, project / "architecture" / "decisions.yaml")
    assert f"{pyproject}:{_line_of_key(text, snippet)}: {message}" in stderr


def test_settings_that_use_every_form_are_accepted(invoke: Invoke, project: Path) -> None:
    record = project / "architecture" / "decisions.yaml"
    record.write_text(
        record.read_text() + "check:\n"
        "  core: [domain, 'services.*']\n"
        "  extend-forbidden: [django, app.adapters]\n"
        "  storage: ['{package}.database', sqlalchemy]\n"
        "  feature-roots: ['', modules]\n"
        "  feature-depth: 2\n"
        "  public: ['*.decorators']\n"
        "  extend-composition-roots: ['*Wiring']\n"
        "  extend-log-setup: [Logger.init]\n"
        "  test-patterns: ['test_{name}.py', 'test_{name}_*.py']\n"
        "  exclude: ['app/vendored/*']\n"
        "  select: [LOG001, TST001]\n"
        "  rules:\n"
        "    TST001: {exclude: ['app/scripts/*'], severity: warning}\n"
    )
    (project / "pyproject.toml").write_text(
        (project / "pyproject.toml").read_text()
        + "\n[tool.planner.check]\nextend-cli = ['tools']\n"
        "[tool.planner.check.rules.LOG001]\nseverity = 'warning'\n"
    )
    result = invoke("validate", record)
    assert result.exit_code == 0, result.output
    assert invoke("check", project).exit_code in (0, 1)

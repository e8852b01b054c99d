"""Defects found by running check on codebases it never generated; each test failed before its fix.

The codebases here are written by hand (or drawn at random), and the expected
findings come from reading them, or from a plain reference search.
"""

from __future__ import annotations

import itertools
import json
import string
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.check.runner import run_check

Invoke = Callable[..., Any]
LOGGER = "import logging\n\nlogger = logging.getLogger(__name__)\n"
PURE = {"infrastructure.isolation": "ports_and_adapters", "layout.style": "ports_and_adapters"}


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


# -- 1. reachability: chains through modules outside the core, in every file order --------


def test_a_chain_through_two_helpers_is_found(tmp_path: Path) -> None:
    write(tmp_path, "app/__init__.py", "")
    write(tmp_path, "app/domain/__init__.py", "")
    write(tmp_path, "app/domain/a.py", "from app import x\n")
    write(tmp_path, "app/x.py", "from app import y\n")
    write(tmp_path, "app/y.py", "import flask\n")
    report = run_check(tmp_path, "app", PURE, select=["INF001"])
    assert [(f.path, f.line, f.message) for f in report.findings] == [
        ("app/domain/a.py", 1, "the core reaches flask: app.domain.a -> app.x -> app.y -> flask")
    ]


def _reference(edges: dict[str, set[str]], impure: set[str]) -> set[str]:
    """Modules from which an impure one can be reached: a plain search from each module."""
    reaching = set()
    for start in edges:
        seen, queue = {start}, deque([start])
        while queue:
            current = queue.popleft()
            if current in impure:
                reaching.add(start)
                break
            for nxt in sorted(edges[current] - seen):
                seen.add(nxt)
                queue.append(nxt)
    return reaching


names = st.lists(
    st.text(alphabet=string.ascii_lowercase, min_size=1, max_size=3).map(lambda s: f"m{s}"),
    min_size=2,
    max_size=9,
    unique=True,
)


@st.composite
def graphs(draw: st.DrawFn) -> tuple[dict[str, set[str]], set[str]]:
    modules = draw(names)
    edges = {m: set(draw(st.lists(st.sampled_from(modules), max_size=4))) - {m} for m in modules}
    impure = set(draw(st.lists(st.sampled_from(modules), max_size=2)))
    return edges, impure


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(graph=graphs())
def test_reachability_matches_a_reference_search(
    tmp_path_factory: Any, graph: tuple[dict[str, set[str]], set[str]]
) -> None:
    edges, impure = graph
    root = tmp_path_factory.mktemp("graph")
    write(root, "app/__init__.py", "")
    write(root, "app/domain/__init__.py", "")
    for module, targets in edges.items():
        lines = [f"from app.domain import {t}\n" for t in sorted(targets)]
        if module in impure:
            lines.append("import sqlalchemy\n")
        write(root, f"app/domain/{module}.py", "".join(lines))
    report = run_check(root, "app", PURE, select=["INF001"])
    found = {Path(f.path).stem for f in report.findings}
    assert found == _reference(edges, impure)
    for finding in report.findings:
        chain = finding.message.split(": ", 1)[1].split(" -> ")
        hops = [c.rsplit(".", 1)[-1] for c in chain[:-1]]
        assert chain[-1] == "sqlalchemy" and hops[-1] in impure
        assert all(b in edges[a] for a, b in itertools.pairwise(hops))


# -- 2. a rule that has nothing to look at says so; the summary counts per rule ------------


def test_readme_example_without_core_modules_says_so(invoke: Invoke, tmp_path: Path) -> None:
    write(tmp_path, "shop/__init__.py", LOGGER)
    write(tmp_path, "shop/web.py", LOGGER + "import flask\n")
    result = invoke(
        "check",
        tmp_path,
        "--package",
        "shop",
        "--rules",
        "testing.layout=mirror",
        "--rules",
        "infrastructure.isolation=ports_and_adapters",
    )
    assert "note: INF001: no core modules found" in result.stdout
    assert (
        "rules run:" in result.stdout
        and "INF001 0" in result.stdout
        and "TST001 1" in result.stdout
    )
    assert "(16 rules)" not in result.stdout


# -- 3. valid code parses: a BOM, a coding cookie; the grammar is named ---------------------


def test_bom_and_latin1_files_parse(tmp_path: Path) -> None:
    write(tmp_path, "app/__init__.py", "")
    (tmp_path / "app" / "bom.py").write_bytes(b"\xef\xbb\xbf" + LOGGER.encode())
    (tmp_path / "app" / "latin.py").write_bytes(
        b"# -*- coding: latin-1 -*-\n" + LOGGER.encode() + b"NAME = '\xe9t\xe9'\n"
    )
    report = run_check(tmp_path, "app", {}, select=["PAR001", "LOG001"])
    assert report.findings == []


def test_a_newer_grammar_is_named_with_what_to_do(tmp_path: Path) -> None:
    import sys

    write(tmp_path, "pyproject.toml", '[project]\nname = "app"\nrequires-python = ">=3.99"\n')
    write(tmp_path, "app/__init__.py", "")
    write(tmp_path, "app/new.py", "x = (\n")
    [finding] = run_check(tmp_path, "app", {}, select=["PAR001"]).findings
    grammar = f"{sys.version_info[0]}.{sys.version_info[1]}"
    assert f"with the Python {grammar} grammar" in finding.message
    assert "requires Python >=3.99: run planner with Python 3.99 or later" in finding.message


def test_par001_is_an_ordinary_rule(invoke: Invoke, tmp_path: Path) -> None:
    write(tmp_path, "app/__init__.py", "")
    write(tmp_path, "app/bad.py", "def f(:  # planner: ignore[PAR001]\n")
    write(tmp_path, "app/worse.py", "def g(:\n")
    args = ("check", tmp_path, "--package", "app", "--rules", "logging.format=json")
    out = invoke(*args, "--select", "PAR001").stdout
    assert "app/worse.py:1" in out and "app/bad.py" not in out
    assert invoke(*args, "--ignore", "PAR001", "--select", "LOG002").exit_code == 0
    sarif = json.loads(invoke(*args, "--select", "PAR001", "--format", "sarif").stdout)
    assert [r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]] == ["PAR001"]


# -- 4. suppressions: a typo silences nothing and is reported; multi-line statements -------


def test_malformed_suppressions_warn_and_silence_nothing(invoke: Invoke, tmp_path: Path) -> None:
    write(tmp_path, "app/__init__.py", "")
    write(
        tmp_path,
        "app/cli_less.py",
        LOGGER
        + "print('a')  # planner: ignore[log002]\n"
        + "print('b')  # planner: ignore [LOG002]\n"
        + "print('c')  # planner: ignore[LOG999]\n",
    )
    result = invoke("check", tmp_path, "--package", "app", "--rules", "logging.format=json")
    assert result.stdout.count("LOG002 print()") == 3
    assert result.stdout.count("is not understood and silences nothing") == 2
    assert "app/cli_less.py:6: suppression names unknown rule LOG999" in result.stdout


def test_a_suppression_covers_its_whole_statement(tmp_path: Path) -> None:
    write(tmp_path, "app/__init__.py", "")
    write(
        tmp_path,
        "app/report.py",
        LOGGER
        + "print(\n    'multi',\n    'line',  # planner: ignore[LOG002]\n)\nprint('other')\n",
    )
    report = run_check(tmp_path, "app", {}, select=["LOG002"])
    assert [(f.rule, f.line) for f in report.findings] == [("LOG002", 8)]


# -- 5. INI002: writes are not reads; a settings class body runs at import ------------------


def test_environment_writes_are_not_reads_and_class_bodies_are(tmp_path: Path) -> None:
    write(tmp_path, "app/__init__.py", "")
    write(
        tmp_path,
        "app/settings.py",
        "import os\n"
        "os.environ['TZ'] = 'UTC'\n"  # a write: configures the process
        "del os.environ['LANG']\n"  # a delete
        "\n"
        "class Settings:\n"
        "    url = os.environ.get('DATABASE_URL')\n"  # line 6: read when the module imports
        "    key = os.environ['SECRET']\n"  # line 7
        "\n"
        "    def later(self):\n"
        "        return os.getenv('FINE')\n",
    )
    report = run_check(tmp_path, "app", {}, select=["INI002"])
    assert [(f.rule, f.line) for f in report.findings] == [("INI002", 6), ("INI002", 7)]


# -- 6. one INF001 per import statement, with its chain --------------------------------------


def test_one_finding_per_import_statement(tmp_path: Path) -> None:
    write(tmp_path, "app/__init__.py", "")
    write(tmp_path, "app/domain/__init__.py", "")
    write(tmp_path, "app/domain/model.py", "from sqlalchemy import Column, Integer, String\n")
    write(tmp_path, "app/domain/service.py", "from app.domain import model\n")
    write(
        tmp_path,
        "app/domain/users.py",
        "from app.domain.model import Column, Integer, String\nfrom app.domain import model, service\n",
    )
    report = run_check(tmp_path, "app", PURE, select=["INF001"])
    assert [(f.path, f.line) for f in report.findings] == [
        ("app/domain/model.py", 1),
        ("app/domain/service.py", 1),
        ("app/domain/users.py", 1),
        ("app/domain/users.py", 2),
    ]
    assert report.findings[-1].message.endswith(
        "app.domain.users -> app.domain.model -> sqlalchemy.Column"
    )


# -- 7. --rules takes list values; its errors say --rules; no record is not "recorded" -------


def test_rules_with_a_list_value_and_its_errors(invoke: Invoke, tmp_path: Path) -> None:
    write(tmp_path, "app/__init__.py", LOGGER)
    write(tmp_path, "app/auth/__init__.py", LOGGER)
    write(tmp_path, "app/blog/__init__.py", LOGGER + "from app.auth.internals import secret\n")
    write(tmp_path, "app/auth/internals.py", LOGGER + "secret = 1\n")
    args = ("check", tmp_path, "--package", "app", "--select", "LAY001,LAY002")
    result = invoke(
        *args, "--rules", "layout.features=auth,blog", "--rules", "layout.style=by_feature"
    )
    assert result.exit_code == 1, result.output
    assert (
        "app/blog/__init__.py:4:1 LAY002 feature 'blog' reaches into app.auth.internals"
        in result.stdout
    )
    bad = invoke(*args, "--rules", "layout.nope=1")
    assert bad.exit_code == 2 and "--rules" in bad.stderr and "--set" not in bad.stderr
    clean = invoke(*args, "--rules", "layout.features=auth")
    assert "follow the decisions given with --rules" in clean.stdout
    assert "recorded" not in clean.stdout


# -- 8. a missing folder is named as such -----------------------------------------------------


def test_a_missing_folder_is_not_a_missing_record(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("check", tmp_path / "nonexistent", "--rules", "logging.format=json")
    assert result.exit_code == 2
    assert "no such folder" in result.stderr and "decision record" not in result.stderr

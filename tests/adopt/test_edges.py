"""Hand-made codebases whose answers were judged by reading them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from planner.adopt.model import AdoptError
from planner.adopt.run import adopt
from planner.questions.loader import load_bank
from planner.questions.model import Bank, Choice
from tests.adopt.conftest import LOGGER, PYPROJECT, write


def test_factory_and_module_level_app_is_a_contradiction_with_both_places(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": PYPROJECT,
            "shop/__init__.py": "",
            "shop/app.py": LOGGER
            + "from flask import Flask\n\n\ndef create_app():\n    app = Flask(__name__)\n"
            "    return app\n",
            "shop/legacy.py": LOGGER + "from flask import Flask\n\napp = Flask(__name__)\n",
        },
    )
    answer = adopt(tmp_path, load_bank()).answers["initialization.entry_point"]
    assert answer.open and answer.contradiction
    assert "both an app factory (create_app) and a module-level app" in answer.finding
    cited = {(e.path, e.line) for e in answer.evidence}
    assert cited == {("shop/app.py", 8), ("shop/legacy.py", 6)}


def test_logging_configured_in_three_places_is_recorded_with_each_place(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/a.py": LOGGER + "\ndef setup():\n    logging.basicConfig(level='INFO')\n",
            "shop/b.py": LOGGER + "import logging.config\n\n\ndef configure():\n"
            "    logging.config.dictConfig({'version': 1, 'handlers': {'h': "
            "{'class': 'logging.handlers.SysLogHandler'}}})\n",
            "shop/c.py": LOGGER + "\ndef start():\n    logging.basicConfig(filename='shop.log')\n",
        },
    )
    answers = adopt(tmp_path, load_bank()).answers
    fmt, destination = answers["logging.format"], answers["logging.destination"]
    assert "logging is configured in 3 places" in fmt.finding
    for path, line in (("shop/a.py", 6), ("shop/b.py", 8), ("shop/c.py", 6)):
        assert f"{path}:{line}" in fmt.finding
    # stderr (a), syslog (b) and a file (c): three destinations, not rounded to one
    assert destination.open and destination.contradiction
    assert "file, stderr, syslog" in destination.finding


def test_tests_in_two_layouts_are_a_contradiction(tmp_path: Path) -> None:
    files = {"shop/__init__.py": "", "shop/orders/__init__.py": ""}
    for name in ("cart", "pay", "ship"):
        files[f"shop/orders/{name}.py"] = LOGGER
        files[f"shop/orders/test_{name}.py"] = "def test_it():\n    pass\n"
        files[f"tests/unit/test_{name}.py"] = "def test_it():\n    pass\n"
    write(tmp_path, files)
    answer = adopt(tmp_path, load_bank()).answers["testing.layout"]
    assert answer.open and answer.contradiction
    assert answer.finding == "tests in more than one layout: 3 by_kind, 3 colocated"


def test_dockerfile_whose_last_stage_runs_as_root(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "Dockerfile": "FROM python:3.12 AS build\nUSER builder\nRUN pip wheel .\n\n"
            'FROM python:3.12-slim\nCOPY --from=build /w /w\nCMD ["gunicorn", "shop:app"]\n',
        },
    )
    answers = adopt(tmp_path, load_bank()).answers
    artifact = answers["deployment.artifact"]
    assert artifact.value == "docker"
    assert "runs as root" in artifact.finding
    assert [(e.path, e.line) for e in artifact.evidence] == [("Dockerfile", 5)]
    assert answers["deployment.wsgi_server"].value == "gunicorn"


def test_a_folder_without_a_python_package_is_refused(tmp_path: Path) -> None:
    write(tmp_path, {"README.md": "hello\n", "script.py": "print('hi')\n"})
    with pytest.raises(AdoptError, match="no Python package found"):
        adopt(tmp_path, load_bank())


def _with_choice(bank: Bank, qid: str, value: str) -> Bank:
    """A bank like a newer one that offers ``value`` for ``qid``."""
    sections = []
    for section in bank.sections:
        questions = tuple(
            dataclasses.replace(q, choices=(*q.choices, Choice(value=value, label=value)))
            if q.id == qid
            else q
            for q in section.questions
        )
        sections.append(dataclasses.replace(section, questions=questions))
    return dataclasses.replace(bank, sections=tuple(sections))


def _without_choice(bank: Bank, qid: str, value: str) -> Bank:
    """A bank like an older one that does not offer ``value`` for ``qid``."""
    sections = []
    for section in bank.sections:
        questions = tuple(
            dataclasses.replace(q, choices=tuple(c for c in q.choices if c.value != value))
            if q.id == qid
            else q
            for q in section.questions
        )
        sections.append(dataclasses.replace(section, questions=questions))
    return dataclasses.replace(bank, sections=tuple(sections))


def test_a_value_only_a_newer_bank_offers_falls_back_to_the_nearest(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/orders/__init__.py": "",
            "shop/orders/cart.py": LOGGER,
            "tests/test_cart.py": "def test_it():\n    pass\n",
            "tests/test_orders.py": "def test_it():\n    pass\n",
        },
    )
    bank = load_bank()
    older_bank = _without_choice(bank, "testing.layout", "flat")
    older = adopt(tmp_path, older_bank).answers["testing.layout"]
    assert older.value == "mirror" and "nearest, 'mirror'" in older.finding
    newer = adopt(tmp_path, bank).answers["testing.layout"]
    assert newer.value == "flat" and "nearest" not in newer.finding


def test_hostile_files_neither_block_nor_lead_outside(tmp_path: Path) -> None:
    import os

    outside = tmp_path / "outside"
    write(outside, {"pyproject.toml": '[project]\nname = "stolen"\ndescription = "secret"\n'})
    root = write(tmp_path / "project", {"shop/__init__.py": "", "shop/app.py": LOGGER})
    os.mkfifo(root / "Dockerfile")  # a read would block forever
    (root / "pyproject.toml").symlink_to(outside / "pyproject.toml")
    (root / "shop" / "evil.py").symlink_to(outside / "pyproject.toml")
    adoption = adopt(root, load_bank())
    assert adoption.answers["deployment.artifact"].open  # neither the FIFO nor the link counted
    from planner.adopt.record import _project

    assert _project(root, "shop") == ("Shop", "")  # the linked pyproject.toml was not read

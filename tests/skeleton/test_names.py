"""Names that would break the generated project are refused wherever an answer enters.

A feature called ``static`` would put Python source in the folder Flask serves
over HTTP; one called ``settings`` would shadow the generated settings module;
a package called ``email`` or ``structlog`` could not be imported next to the
standard library or the libraries the project installs. Each is refused at the
prompt, for ``--set``, in ``--answers`` files and in hand-edited records, with
a message that names the clash.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner import resources
from planner.questions.loader import load_bank
from planner.wizard import checker
from tests.skeleton.test_files import plan_for
from tests.skeleton.test_matrix import COMBINATIONS

BANK = load_bank()
FEATURES = BANK.question("layout.features")
PACKAGE = BANK.question("project.package")

BAD_FEATURES = {
    "static": "static folder",
    "templates": "templates folder",
    "settings": "settings module",
    "home": "home module",
    "database": "database module",
    "request_id": "request_id module",
    "migrations": "migrations folder",
    "container": "container module",
}
BAD_PACKAGES = {
    "os": "standard library",
    "http": "standard library",
    "email": "standard library",
    "types": "standard library",
    "flask": "Flask",
    "structlog": "structlog",
    "werkzeug": "Werkzeug",
}


@pytest.mark.parametrize(("name", "clash"), BAD_FEATURES.items())
def test_feature_names_that_clash_are_refused_at_the_prompt(name: str, clash: str) -> None:
    assert FEATURES is not None
    message = checker(FEATURES)(f"users, {name}")
    assert message is not None and name in message and clash in message


@pytest.mark.parametrize(("name", "clash"), BAD_PACKAGES.items())
def test_package_names_that_clash_are_refused_at_the_prompt(name: str, clash: str) -> None:
    assert PACKAGE is not None
    message = checker(PACKAGE)(name)
    assert message is not None and repr(name) in message and clash in message


def test_every_stdlib_module_is_refused_as_a_package() -> None:
    assert PACKAGE is not None
    check = checker(PACKAGE)
    usable = [n for n in sys.stdlib_module_names if n.isidentifier() and n.islower()]
    assert [n for n in usable if check(n) is None] == []


def test_good_names_pass() -> None:
    assert FEATURES is not None and PACKAGE is not None
    assert checker(FEATURES)("users, billing_items, statistics") is None
    assert checker(PACKAGE)("order_desk") is None


@pytest.mark.usefixtures("no_terminal")
@pytest.mark.parametrize(
    ("answer", "clash"),
    [("layout.features=static", "static folder"), ("project.package=email", "standard library")],
)
def test_set_refuses_with_the_clash(
    answer: str, clash: str, tmp_path: Path, invoke: Callable[..., Any]
) -> None:
    target = tmp_path / "svc"
    result = invoke("new", target, "--defaults", "--no-input", "--set", answer)
    assert result.exit_code == 2
    assert clash in result.stderr and "Traceback" not in result.stderr
    assert not target.exists() or not any(target.rglob("*.py"))


@pytest.mark.usefixtures("no_terminal")
def test_answers_file_refuses_with_the_clash(tmp_path: Path, invoke: Callable[..., Any]) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("layout.features: [users, settings]\n", encoding="utf-8")
    result = invoke("new", tmp_path / "svc", "--answers", answers, "--defaults", "--no-input")
    assert result.exit_code == 2
    assert "settings module" in result.stderr and "answers.yaml" in result.stderr


@pytest.mark.parametrize(
    ("old", "new", "clash"),
    [
        ("package: order_desk", "package: types", "standard library"),
        ("[orders, customers]", "[static, customers]", "static folder"),
    ],
)
def test_a_hand_edited_record_is_refused(
    old: str, new: str, clash: str, tmp_path: Path, invoke: Callable[..., Any]
) -> None:
    text = resources.examples()["demo"].read_text(encoding="utf-8")
    assert old in text
    record = tmp_path / "decisions.yaml"
    record.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = invoke("validate", record)
    assert result.exit_code != 0
    assert clash in result.stderr or clash in result.output


def _top_level_names(answers: dict[str, Any], root: Path) -> set[str]:
    """What sits directly in the package (modules, packages, folders) for these answers."""
    names = set()
    for path in plan_for(answers, root).files:
        parts = Path(path).parts
        if "svc" in parts[:2] and len(parts) > parts.index("svc") + 1:
            names.add(Path(parts[parts.index("svc") + 1]).stem)
    return names


def test_every_name_the_skeleton_generates_is_reserved_for_features(tmp_path: Path) -> None:
    """Kept in step with the skeleton: a new generated module must join the bank's list."""
    assert FEATURES is not None
    reserved = set(FEATURES.validate.not_in)
    feature = "zz_feature"
    generated: set[str] = set()
    for i, combo in enumerate(COMBINATIONS):
        answers = {k: v for k, v in combo.items() if not k.startswith(("project.", "meeting."))}
        answers.update({"layout.features": [feature], "project.package": "svc"})
        generated |= _top_level_names(answers, tmp_path / str(i))
    generated -= {"__init__", feature, f"test_{feature}", f"{feature}_test"}
    # colocated tests sit in the package, named for their module in either naming
    generated = {n for n in generated if not n.startswith("test_") and not n.endswith("_test")}
    assert {"static", "templates", "settings", "home", "database"} <= generated
    assert generated - reserved == set()


@pytest.mark.usefixtures("no_terminal")
def test_the_suggested_package_name_avoids_a_clash(
    tmp_path: Path, invoke: Callable[..., Any]
) -> None:
    target = tmp_path / "svc"
    result = invoke("new", target, "--defaults", "--no-input", "--set", "project.name=Email")
    assert result.exit_code == 0, result.stderr
    assert (target / "src" / "email_app" / "app.py").is_file()

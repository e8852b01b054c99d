"""Options of the ``planner`` command itself, and what every subcommand shares."""

from __future__ import annotations

import importlib.metadata
import json
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import planner

Invoke = Callable[..., Any]
ROOT = Path(__file__).resolve().parent.parent.parent
DISTRIBUTION = "architecture-kickoff"


def test_version_comes_from_one_place(invoke: Invoke) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    # The distribution declares no version of its own: the build reads planner/__init__.py.
    assert "version" not in project and "version" in project["dynamic"]
    assert project["name"] == DISTRIBUTION
    source = (ROOT / "planner" / "__init__.py").read_text(encoding="utf-8")
    (literal,) = re.findall(r'^__version__ = "([^"]+)"$', source, flags=re.MULTILINE)
    assert importlib.metadata.version(DISTRIBUTION) == literal == planner.__version__
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"planner {literal}\n"


def test_the_changelog_starts_with_this_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (\S+)", changelog, flags=re.MULTILINE)
    assert headings and headings[0] == planner.__version__


# -- -v anywhere ---------------------------------------------------------------


@pytest.mark.parametrize("where", ["before", "after"])
def test_verbose_before_or_after_the_subcommand(
    invoke: Invoke, record_file: Path, where: str
) -> None:
    args = ["-v", "validate", record_file] if where == "before" else ["validate", record_file, "-v"]
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    assert f"INFO planner.record.io: loaded record {record_file}" in result.stderr


def test_verbose_counts_add_up_across_the_subcommand(invoke: Invoke, record_file: Path) -> None:
    result = invoke("-v", "validate", "-v", record_file)
    assert result.exit_code == 0, result.output
    assert "DEBUG planner.marked_yaml: loaded" in result.stderr


# -- render: quiet when nothing changes ----------------------------------------


@pytest.fixture
def project(tmp_path: Path, invoke: Invoke, no_terminal: None) -> Path:
    target = tmp_path / "svc"
    assert invoke("new", target, "--example", "demo").exit_code == 0
    return target


def test_render_with_nothing_to_do_prints_one_line(invoke: Invoke, project: Path) -> None:
    record = project / "architecture/decisions.yaml"
    files = [p for p in project.rglob("*") if p.is_file() and ".planner" not in p.parts]
    # Everything but the record and its JSON Schema, which only `planner new` writes.
    generated = len(files) - 2
    result = invoke("render", record)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote 0 of {generated} files ({generated} unchanged)\n"
    verbose = invoke("render", record, "-v")
    lines = verbose.stdout.splitlines()
    assert len(lines) == generated + 1
    assert "unchanged       docs/architecture.md" in lines


def test_render_lists_only_what_changes(invoke: Invoke, project: Path) -> None:
    record = project / "architecture/decisions.yaml"
    # A person edits the record by hand: one rationale changes.
    text = record.read_text(encoding="utf-8")
    assert "  rationale: The platform collects stdout" in text
    record.write_text(text.replace("The platform collects stdout", "Ops reads stdout"), "utf-8")
    result = invoke("render", record)
    assert result.exit_code == 0, result.output
    changed = result.stdout.splitlines()[:-1]
    assert changed == [
        "updated         docs/adr/0007-logging-plain-text.md",
        "updated         docs/architecture.md",
    ]


# -- diff: exit status as diff(1) -----------------------------------------------


def test_diff_exits_1_when_records_differ(invoke: Invoke, record_file: Path) -> None:
    other = record_file.with_name("other.yaml")
    other.write_text(
        record_file.read_text(encoding="utf-8").replace("format: text", "format: json"), "utf-8"
    )
    result = invoke("diff", record_file, other)
    assert result.exit_code == 1
    assert result.stdout == "logging.format: text -> json\n"
    as_json = invoke("diff", record_file, other, "--json")
    assert as_json.exit_code == 1
    assert json.loads(as_json.stdout) == [
        {"heuristic": "logging", "question": "format", "old": "text", "new": "json"}
    ]
    same = invoke("diff", record_file, record_file)
    assert (same.exit_code, same.stdout) == (0, "No decision differs.\n")
    assert json.loads(invoke("diff", record_file, record_file, "--json").stdout) == []


# -- finding the record as git finds .git -------------------------------------------


def test_render_and_validate_find_the_record_in_a_parent_folder(
    invoke: Invoke, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deep = project / "src" / "order_desk"
    assert deep.is_dir()
    monkeypatch.chdir(deep)
    result = invoke("validate")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("../../architecture/decisions.yaml: valid")
    doc = project / "docs" / "architecture.md"
    doc.unlink()
    result = invoke("render")
    assert result.exit_code == 0, result.output
    assert "created         docs/architecture.md" in result.stdout
    assert doc.is_file()
    # Written where the record lives, not into the current folder.
    assert not (deep / "docs").exists()


def test_record_search_stops_at_the_top_of_a_git_work_tree(
    invoke: Invoke, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inner = project / "vendor" / "other-repo"
    (inner / ".git").mkdir(parents=True)
    (inner / "lib").mkdir()
    monkeypatch.chdir(inner / "lib")
    result = invoke("render")
    assert result.exit_code == 2
    assert result.stderr == (
        f"planner: error: no decision record at architecture/decisions.yaml in {inner / 'lib'} "
        "or the folders above it; run `planner new` first, or name the record\n"
    )
    assert not (inner / "docs").exists()


# -- one wording for a missing path ---------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["validate", "missing.yaml"], "no decision record at missing.yaml"),
        (["render", "missing.yaml"], "no decision record at missing.yaml"),
        (["revisit", "missing.yaml", "--defaults"], "no decision record at missing.yaml"),
        (["diff", "missing.yaml", "RECORD"], "no decision record at missing.yaml"),
        (["diff", "RECORD", "missing.yaml"], "no decision record at missing.yaml"),
        (["new", "svc", "--answers", "missing.yaml"], "no answers file at missing.yaml"),
        (["revisit", "RECORD", "--answers", "missing.yaml"], "no answers file at missing.yaml"),
        (["new", "svc", "--defaults", "-q", "missing.yaml"], "no question pack at missing.yaml"),
        (["schema", "--questions", "missing.yaml"], "no question pack at missing.yaml"),
        (["new", "svc", "--defaults", "-t", "missing"], "no template folder at missing"),
        (["render", "RECORD", "--templates", "missing"], "no template folder at missing"),
    ],
)
def test_a_missing_path_is_named_the_same_way_by_every_command(
    invoke: Invoke,
    record_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_terminal: None,
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(record_file.parent.parent)
    before = sorted(p.name for p in Path.cwd().rglob("*"))
    result = invoke(*[str(record_file) if a == "RECORD" else a for a in args])
    assert result.exit_code == 2
    assert result.stderr == f"planner: error: {message}\n"
    assert "Traceback" not in result.output
    assert sorted(p.name for p in Path.cwd().rglob("*")) == before


def test_a_folder_given_as_a_record_says_so(invoke: Invoke, record_file: Path) -> None:
    result = invoke("validate", record_file.parent)
    assert result.exit_code == 2
    assert result.stderr == (
        f"planner: error: no decision record at {record_file.parent}: it is a folder, not a file\n"
    )


# -- the record says which planner wrote it ---------------------------------------


def test_a_new_record_notes_the_planner_version(
    invoke: Invoke, tmp_path: Path, no_terminal: None
) -> None:
    import yaml

    assert invoke("new", tmp_path / "svc", "--defaults").exit_code == 0
    data = yaml.safe_load((tmp_path / "svc/architecture/decisions.yaml").read_text())
    assert [entry["planner"] for entry in data["history"]] == [planner.__version__]
    assert isinstance(data["history"][0]["planner"], str)


def test_a_record_without_versions_stays_as_it_is_and_a_revisit_adds_one(
    invoke: Invoke, record_file: Path, no_terminal: None
) -> None:
    import yaml

    # A record from before planner noted its version: no `planner:` in its history.
    text = record_file.read_text(encoding="utf-8")
    older = "\n".join(
        line for line in text.splitlines() if line.strip() != f"planner: {planner.__version__}"
    )
    assert older != text.rstrip("\n")
    record_file.write_text(older + "\n", encoding="utf-8")
    before = record_file.read_bytes()
    assert invoke("validate", record_file).exit_code == 0
    assert invoke("render", record_file).exit_code == 0
    assert record_file.read_bytes() == before
    result = invoke(
        "revisit", record_file, "--no-input", "--set", "logging.format=json", "--date", "2026-12-01"
    )
    assert result.exit_code == 0, result.output
    history = yaml.safe_load(record_file.read_text())["history"]
    assert [entry.get("planner") for entry in history] == [None, planner.__version__]


def test_the_version_field_must_be_text(invoke: Invoke, record_file: Path) -> None:
    text = record_file.read_text(encoding="utf-8")
    record_file.write_text(text.replace(f"planner: {planner.__version__}", "planner: [1, 2]"))
    result = invoke("validate", record_file)
    assert result.exit_code == 2
    assert "history[0].planner: expected text, found a list" in result.stderr

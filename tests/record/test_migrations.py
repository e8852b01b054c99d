"""Records written by the previous planner (record version 1) load, validate and upgrade in memory.

The fixtures under tests/fixtures/records/v1 are the shipped examples exactly as the
version 1 planner wrote them; they are never regenerated.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.errors import RecordError
from planner.record.io import dump_record, load_record, save_record
from planner.record.migrations import CURRENT_VERSION
from planner.record.model import RECORD_VERSION

V1 = Path(__file__).resolve().parent.parent / "fixtures" / "records" / "v1"
V1_RECORDS = sorted(p.stem for p in V1.glob("*.yaml"))


def copy_v1(name: str, tmp_path: Path) -> Path:
    target = tmp_path / "architecture" / "decisions.yaml"
    target.parent.mkdir(parents=True)
    shutil.copyfile(V1 / f"{name}.yaml", target)
    return target


def test_fixtures_are_the_version_1_examples() -> None:
    assert V1_RECORDS == ["demo", "large", "ports"]
    for name in V1_RECORDS:
        assert "\nversion: 1\n" in (V1 / f"{name}.yaml").read_text(encoding="utf-8")
    assert RECORD_VERSION == CURRENT_VERSION == 2


@pytest.mark.parametrize("name", V1_RECORDS)
def test_version_1_record_loads_upgraded_in_memory_and_file_is_untouched(
    name: str, tmp_path: Path
) -> None:
    path = copy_v1(name, tmp_path)
    before = path.read_bytes()
    loaded = load_record(path)
    assert loaded.upgrade is not None
    assert (loaded.upgrade.from_version, loaded.upgrade.to_version) == (1, 2)
    assert loaded.record.version == 2
    assert path.read_bytes() == before  # loading never writes
    assert "\nversion: 2\n" in dump_record(loaded.record, loaded.bank)


def test_upgrade_fills_what_version_1_implied(tmp_path: Path) -> None:
    demo = load_record(copy_v1("demo", tmp_path / "demo")).record
    # version 1 asked for the framework only under ports and adapters: demo was Flask
    assert demo.decisions["infrastructure"].answers["framework"] == "flask"
    assert demo.decisions["initialization"].answers["config_read"] == "at_creation"
    assert demo.decisions["layout"].answers["public_interface"] == "package_root"
    assert demo.decisions["testing"].answers["naming"] == "test_prefix"
    assert "logger_scope" not in demo.decisions["logging"].answers  # module_logger is true
    ports = load_record(copy_v1("ports", tmp_path / "ports")).record
    assert ports.decisions["infrastructure"].answers["framework"] == "falcon"  # kept as recorded
    assert "public_interface" not in ports.decisions["layout"].answers  # not by feature
    large = load_record(copy_v1("large", tmp_path / "large"))
    # an open question stays open; the upgrade does not answer it
    assert "config_management" in large.record.decisions["deployment"].open
    assert large.upgrade is not None and "infrastructure.framework: flask" in large.upgrade.notes


def test_module_logger_false_becomes_where_used(tmp_path: Path) -> None:
    path = copy_v1("demo", tmp_path)
    text = path.read_text(encoding="utf-8")
    assert "      module_logger: true\n" in text
    path.write_text(text.replace("      module_logger: true\n", "      module_logger: false\n"))
    record = load_record(path).record
    assert record.decisions["logging"].answers["logger_scope"] == "where_used"


def test_saving_writes_the_new_version_only_when_planner_writes(tmp_path: Path) -> None:
    path = copy_v1("demo", tmp_path)
    loaded = load_record(path)
    assert save_record(path, loaded.record, loaded.bank)
    text = path.read_text(encoding="utf-8")
    assert "\nversion: 2\n" in text and "      framework: flask\n" in text
    again = load_record(path)
    assert again.upgrade is None
    assert again.record == loaded.record


def test_current_examples_need_no_upgrade() -> None:
    from planner import resources

    for path in resources.examples().values():
        assert load_record(path).upgrade is None


def test_unknown_future_version_is_refused_with_its_line(tmp_path: Path) -> None:
    path = copy_v1("demo", tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("\nversion: 1\n", "\nversion: 3\n"))
    with pytest.raises(RecordError) as caught:
        load_record(path)
    assert "unsupported record version 3" in str(caught.value)
    assert ":5:" in str(caught.value)  # the line of the version key


def test_a_version_1_record_with_a_bad_answer_still_reports_it(tmp_path: Path) -> None:
    path = copy_v1("demo", tmp_path)
    text = path.read_text(encoding="utf-8").replace("wiring: extensions", "wiring: magic")
    path.write_text(text)
    with pytest.raises(RecordError) as caught:
        load_record(path)
    assert "decisions.initialization.answers.wiring" in str(caught.value)
    assert "'magic' is not a choice" in str(caught.value)


@pytest.mark.usefixtures("no_terminal")
@pytest.mark.parametrize("name", V1_RECORDS)
def test_validate_says_the_record_is_on_an_older_version(
    name: str, tmp_path: Path, invoke: Callable[..., Any]
) -> None:
    path = copy_v1(name, tmp_path)
    result = invoke("validate", path)
    assert result.exit_code == 0, result.output
    assert "valid" in result.output
    assert "on record version 1, older than this planner's 2" in result.output


@pytest.mark.usefixtures("no_terminal")
def test_validate_is_quiet_about_versions_for_a_current_record(invoke: Callable[..., Any]) -> None:
    from planner import resources

    result = invoke("validate", resources.examples()["demo"])
    assert result.exit_code == 0, result.output
    assert "older" not in result.output

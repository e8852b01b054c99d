from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from planner.questions.model import Bank
from planner.record.io import dump_record
from planner.record.model import Record
from planner.record.schema import record_schema, schema_text


def test_schema_is_valid_json_schema(bank: Bank) -> None:
    schema = record_schema(bank)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert json.loads(schema_text(bank)) == schema


def test_generated_record_satisfies_schema(bank: Bank, default_record: Record) -> None:
    data = yaml.safe_load(dump_record(default_record, bank))
    data = json.loads(json.dumps(data, default=str))
    jsonschema.validate(data, record_schema(bank))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("artifact: docker", "artifact: dockr"),
        ("coverage: 80", "coverage: 180"),
        ("status: accepted", "status: done"),
    ],
)
def test_schema_rejects_what_the_loader_rejects(
    bank: Bank, default_record: Record, old: str, new: str
) -> None:
    text = dump_record(default_record, bank).replace(old, new, 1)
    data = json.loads(json.dumps(yaml.safe_load(text), default=str))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, record_schema(bank))


def test_schema_lists_choices_for_editors(bank: Bank) -> None:
    schema = record_schema(bank)
    artifact = schema["$defs"]["decision_deployment"]["properties"]["answers"]["properties"][
        "artifact"
    ]
    assert artifact["enum"] == [
        "wheel",
        "docker",
        "rpm",
        "source_paas",
        "source_venv",
        "not_deployed",
    ]
    assert len(artifact["markdownEnumDescriptions"]) == 6


def test_schema_file_path_in_header(record_file: Path) -> None:
    assert "$schema=decisions.schema.json" in record_file.read_text().splitlines()[0]


def test_schema_shows_the_legacy_flag_to_editors(bank: Bank) -> None:
    schema = record_schema(bank)
    answers = schema["$defs"]["decision_initialization"]["properties"]["answers"]["properties"]
    read = answers["config_read"]
    assert read["enum"] == ["at_creation", "import_time"]
    assert read["markdownEnumDescriptions"][0].startswith("**When the app is created**: ")
    assert read["markdownEnumDescriptions"][1].startswith(
        "**At import time** (legacy: keep for now): "
    )


def _with_check(bank: Bank, default_record: Record, check: object) -> dict[str, object]:
    data = json.loads(json.dumps(yaml.safe_load(dump_record(default_record, bank)), default=str))
    data["check"] = check
    return data


def test_schema_accepts_the_check_settings_of_the_real_codebases(
    bank: Bank, default_record: Record
) -> None:
    """The settings written for five real codebases (tests/check/realworld) pass the schema."""
    import tomllib

    from planner.check.config import problems

    folder = Path(__file__).parents[1] / "check" / "realworld"
    cases = sorted(folder.glob("*.toml"))
    assert len(cases) >= 5
    for case in cases:
        settings = tomllib.loads(case.read_text())["settings"]
        assert problems(settings, str(case)) == []  # planner check reads them
        jsonschema.validate(_with_check(bank, default_record, settings), record_schema(bank))


@pytest.mark.parametrize(
    "check",
    [
        {"core": "domain"},  # text where a list belongs
        {"cores": ["domain"]},  # no such setting
        {"feature-depth": 0},
        {"package": "my-app"},
        {"rules": {"log002": {"severity": "error"}}},  # rule ids are upper case
        {"rules": {"LOG002": {"severity": "fatal"}}},
        {"rules": {"LOG002": {"exclude": ["cli.py"], "level": "warning"}}},
        {"extend-views": [""]},
    ],
)
def test_schema_rejects_check_settings_that_planner_check_rejects(
    bank: Bank, default_record: Record, check: dict[str, object]
) -> None:
    from planner.check.config import problems

    assert problems(check, "decisions.yaml") != []
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(_with_check(bank, default_record, check), record_schema(bank))

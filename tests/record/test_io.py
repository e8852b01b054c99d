from __future__ import annotations

import datetime as dt
from pathlib import Path

from planner.questions.engine import Interview, fill_defaults
from planner.questions.model import DEFERRED, Bank
from planner.record.build import build_record
from planner.record.io import HEADER, dump_record, load_record, save_record
from planner.record.model import Record

DATE = dt.date(2026, 11, 24)


def test_dump_is_canonical_and_commented(bank: Bank, default_record: Record) -> None:
    text = dump_record(default_record, bank)
    assert text.startswith(HEADER)
    assert text.splitlines()[0] == "# yaml-language-server: $schema=decisions.schema.json"
    assert "artifact: [wheel, docker, rpm, source_paas, source_venv, not_deployed]" in text
    assert "&id" not in text and "*id" not in text
    keys = [
        line.split(":")[0]
        for line in text.splitlines()
        if line and not line.startswith((" ", "#", "-"))
    ]
    assert keys == ["schema", "version", "project", "meeting", "decisions", "history"]


def test_save_load_save_is_byte_identical(tmp_path: Path, bank: Bank) -> None:
    interview = Interview(
        bank,
        fixed={
            "project.description": "Line one\nline two: with a colon\n- and a dash",
            "meeting.participants": ["Ana", "Bo Ström"],
            "initialization.database": DEFERRED,
            "layout.features": ["users", "billing"],
            "logging.rationale": "yes",
        },
        target_name="demo",
    )
    fill_defaults(interview)
    record = build_record(bank, interview.resolved(), date=DATE)
    path = tmp_path / "decisions.yaml"
    assert save_record(path, record, bank) is True
    first = path.read_bytes()
    loaded = load_record(path)
    assert loaded.record == record
    assert save_record(path, loaded.record, bank) is False
    assert path.read_bytes() == first


def test_build_marks_deferred_heuristics(bank: Bank) -> None:
    interview = Interview(
        bank, fixed={"deployment.ci": DEFERRED, "layout.views": DEFERRED, "layout.style": DEFERRED}
    )
    fill_defaults(interview)
    record = build_record(bank, interview.resolved(), date=DATE)
    deployment = record.decisions["deployment"]
    assert deployment.status == "deferred"
    assert "ci" in deployment.open and "ci" not in deployment.answers
    assert record.decisions["logging"].status == "accepted"
    assert record.decisions["logging"].date == DATE
    assert record.history[0].number == 1


def test_no_temporary_files_left(tmp_path: Path, bank: Bank, default_record: Record) -> None:
    save_record(tmp_path / "d.yaml", default_record, bank)
    assert [p.name for p in tmp_path.iterdir()] == ["d.yaml"]

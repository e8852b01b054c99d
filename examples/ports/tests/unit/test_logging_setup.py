"""Logging: configured before the app exists, one named logger per module."""

from __future__ import annotations

import logging
from typing import Any

import falcon.testing
import pytest

from ledger_core.logging_setup import RequestIdFilter, build_config, shared_processors


def test_config_shape() -> None:
    config = build_config({"LOG_LEVEL": "debug"})
    assert config["root"]["level"] == "DEBUG"
    assert config["disable_existing_loggers"] is False


def test_records_name_the_module_that_wrote_them(
    client: falcon.testing.TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    assert client.simulate_post("/accounts", json={"name": "Ada"}).status_code == 201
    assert "ledger_core.services.accounts" in {record.name for record in caplog.records}


def test_request_id_filter_marks_records_outside_requests() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "hello", None, None)
    assert RequestIdFilter().filter(record)
    assert record.request_id == "-"


def test_placeholders_are_filled_in() -> None:
    event: Any = {"event": "created %s entry %s", "positional_args": ("accounts", 1)}
    for processor in shared_processors():
        event = processor(logging.getLogger("x"), "info", event)
    assert event["event"] == "created accounts entry 1"
    assert "positional_args" not in event

"""Logging: configured before the app exists, one named logger per module."""

from __future__ import annotations

import logging

import pytest
from flask.testing import FlaskClient

from order_desk.logging_setup import RequestIdFilter, build_config


def test_config_shape() -> None:
    config = build_config({"LOG_LEVEL": "debug"})
    assert config["root"]["level"] == "DEBUG"
    assert config["disable_existing_loggers"] is False


def test_records_name_the_module_that_wrote_them(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    response = client.post("/orders", json={"name": "Ada"})
    assert response.status_code == 201
    names = {record.name for record in caplog.records}
    assert "order_desk.orders.services" in names


def test_request_id_filter_marks_records_outside_requests() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "hello", None, None)
    assert RequestIdFilter().filter(record)
    assert record.request_id == "-"

"""Settings: defaults first, then env sources, then explicit overrides."""

from __future__ import annotations

import pytest

from ledger_core import settings


def test_defaults_and_overrides() -> None:
    loaded = settings.load({"LOG_LEVEL": "DEBUG"})
    assert loaded["LOG_LEVEL"] == "DEBUG"
    assert loaded["SECRET_KEY"] == settings.DEFAULTS["SECRET_KEY"]


def test_environment_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEDGER_CORE_LOG_LEVEL", "WARNING")
    assert settings.load()["LOG_LEVEL"] == "WARNING"


def test_logging_options_are_read_without_an_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEDGER_CORE_LOG_LEVEL", "DEBUG")
    assert settings.logging_options()["LOG_LEVEL"] == "DEBUG"

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


def test_the_shipped_secret_key_is_refused_outside_debug_and_tests() -> None:
    with pytest.raises(settings.InsecureConfiguration, match="SECRET_KEY"):
        settings.require_secret_key({"SECRET_KEY": settings.DEV_SECRET_KEY}, debug=False)
    with pytest.raises(settings.InsecureConfiguration):
        settings.require_secret_key({}, debug=False)
    settings.require_secret_key({"SECRET_KEY": settings.DEV_SECRET_KEY}, debug=True)
    settings.require_secret_key(
        {"SECRET_KEY": settings.DEV_SECRET_KEY, "TESTING": True}, debug=False
    )
    settings.require_secret_key({"SECRET_KEY": "a-real-secret"}, debug=False)


def test_logging_options_are_read_without_an_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEDGER_CORE_LOG_LEVEL", "DEBUG")
    assert settings.logging_options()["LOG_LEVEL"] == "DEBUG"

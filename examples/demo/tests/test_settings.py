"""Settings: defaults first, then env sources, then explicit overrides."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from order_desk import settings


def test_defaults_and_overrides(tmp_path: Path) -> None:
    app = Flask(__name__, instance_path=str(tmp_path))
    settings.load(app, {"LOG_LEVEL": "DEBUG"})
    assert app.config["LOG_LEVEL"] == "DEBUG"
    assert app.config["SECRET_KEY"] == settings.DEFAULTS["SECRET_KEY"]


def test_environment_variables(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ORDER_DESK_LOG_LEVEL", "WARNING")
    app = Flask(__name__, instance_path=str(tmp_path))
    settings.load(app)
    assert app.config["LOG_LEVEL"] == "WARNING"



def test_the_shipped_secret_key_is_refused_outside_debug_and_tests() -> None:
    with pytest.raises(settings.InsecureConfiguration, match="SECRET_KEY"):
        settings.require_secret_key({"SECRET_KEY": settings.DEV_SECRET_KEY}, debug=False)
    with pytest.raises(settings.InsecureConfiguration):
        settings.require_secret_key({}, debug=False)
    settings.require_secret_key({"SECRET_KEY": settings.DEV_SECRET_KEY}, debug=True)
    settings.require_secret_key({"SECRET_KEY": settings.DEV_SECRET_KEY, "TESTING": True}, debug=False)
    settings.require_secret_key({"SECRET_KEY": "a-real-secret"}, debug=False)


def test_logging_options_are_read_without_an_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORDER_DESK_LOG_LEVEL", "DEBUG")
    assert settings.logging_options()["LOG_LEVEL"] == "DEBUG"
    assert settings.logging_options({"LOG_LEVEL": "ERROR"})["LOG_LEVEL"] == "ERROR"

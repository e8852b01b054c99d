"""The app factory: configuration, blueprints and wiring."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from stage_hall import settings
from stage_hall.app import create_app


def test_every_blueprint_is_registered(app: Flask) -> None:
    expected = {
        "health",
        "home",
        "accounts",
        "rooms",
        "playlists",
        "chat",
        "moderation",
        "search",
        "notifications",
        "billing",
    }
    assert expected <= set(app.blueprints)


def test_test_settings_win(app: Flask) -> None:
    assert app.config["TESTING"] is True
    assert app.config["SECRET_KEY"] == "test"


def test_configuration_is_read_when_the_app_is_created(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STAGE_HALL_SECRET_KEY", "from-the-environment")
    created = create_app({"TESTING": True})
    assert created.config["SECRET_KEY"] == "from-the-environment"


def test_each_call_builds_a_new_app() -> None:
    assert create_app({"TESTING": True}) is not create_app({"TESTING": True})


def test_no_app_without_a_secret_key_outside_debug_and_tests(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("STAGE_HALL_SECRET_KEY", raising=False)
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    monkeypatch.setenv("STAGE_HALL_CONFIG_FILE", str(tmp_path / "absent.toml"))
    with pytest.raises(settings.InsecureConfiguration, match="SECRET_KEY"):
        create_app({"LOG_FILE": str(tmp_path / "test.log")})

"""The app factory: configuration, blueprints and wiring."""

from __future__ import annotations

import pytest
from flask import Flask

from stage_hall.app import create_app


def test_every_blueprint_is_registered(app: Flask) -> None:
    assert {"health", "home", "accounts", "rooms", "playlists", "chat", "moderation", "search", "notifications", "billing"} <= set(app.blueprints)


def test_test_settings_win(app: Flask) -> None:
    assert app.config["TESTING"] is True
    assert app.config["SECRET_KEY"] == "test"


def test_configuration_is_read_when_the_app_is_created(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STAGE_HALL_SECRET_KEY", "from-the-environment")
    created = create_app({"TESTING": True})
    assert created.config["SECRET_KEY"] == "from-the-environment"


def test_each_call_builds_a_new_app() -> None:
    assert create_app({"TESTING": True}) is not create_app({"TESTING": True})

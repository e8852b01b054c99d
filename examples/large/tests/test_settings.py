"""Settings: defaults first, then layered sources, then explicit overrides."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from stage_hall import settings


def test_defaults_and_overrides(tmp_path: Path) -> None:
    app = Flask(__name__, instance_path=str(tmp_path))
    settings.load(app, {"LOG_LEVEL": "DEBUG"})
    assert app.config["LOG_LEVEL"] == "DEBUG"
    assert app.config["SECRET_KEY"] == settings.DEFAULTS["SECRET_KEY"]


def test_production_defaults(tmp_path: Path) -> None:
    app = Flask(__name__, instance_path=str(tmp_path))
    settings.load(app)
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["MAX_CONTENT_LENGTH"] == 1024 * 1024
    assert app.config["TRUSTED_HOSTS"] is None


def test_oversized_bodies_and_unknown_hosts_are_refused(tmp_path: Path) -> None:
    app = Flask(__name__, instance_path=str(tmp_path))
    settings.load(app, {"TESTING": True, "TRUSTED_HOSTS": ["service.example"]})

    @app.post("/echo")
    def echo() -> str:
        from flask import request

        return str(len(request.get_data()))

    client = app.test_client()
    too_big = b"x" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    assert client.post("/echo", data=too_big, base_url="http://service.example").status_code == 413
    assert client.post("/echo", data=b"ok", base_url="http://service.example").status_code == 200
    assert client.post("/echo", data=b"ok", base_url="http://elsewhere.example").status_code == 400


def test_environment_variables(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("STAGE_HALL_LOG_LEVEL", "WARNING")
    app = Flask(__name__, instance_path=str(tmp_path))
    settings.load(app)
    assert app.config["LOG_LEVEL"] == "WARNING"


def test_config_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('LOG_LEVEL = "ERROR"\n')
    monkeypatch.setenv("STAGE_HALL_CONFIG_FILE", str(path))
    app = Flask(__name__, instance_path=str(tmp_path))
    settings.load(app)
    assert app.config["LOG_LEVEL"] == "ERROR"


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
    monkeypatch.setenv("STAGE_HALL_LOG_LEVEL", "DEBUG")
    assert settings.logging_options()["LOG_LEVEL"] == "DEBUG"
    assert settings.logging_options({"LOG_LEVEL": "ERROR"})["LOG_LEVEL"] == "ERROR"

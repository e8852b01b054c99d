"""The app factory: a Falcon app with every route, configured when it is created."""

from __future__ import annotations

from pathlib import Path

import falcon
import falcon.testing
import pytest

from ledger_core import settings
from ledger_core.app import Application, create_app


def test_factory_builds_a_falcon_app(application: Application) -> None:
    assert isinstance(application.app, falcon.App)
    assert application.settings["SECRET_KEY"] == "test"


def test_every_feature_is_routed(client: falcon.testing.TestClient) -> None:
    assert client.simulate_get("/accounts").status_code == 200
    assert client.simulate_get("/postings").status_code == 200


def test_configuration_is_read_when_the_app_is_created(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEDGER_CORE_LOG_LEVEL", "WARNING")
    assert isinstance(create_app({"SECRET_KEY": "x"}), falcon.App)


def test_no_app_without_a_secret_key_outside_debug_and_tests(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("LEDGER_CORE_SECRET_KEY", raising=False)
    monkeypatch.delenv("LEDGER_CORE_DEBUG", raising=False)
    with pytest.raises(settings.InsecureConfiguration, match="SECRET_KEY"):
        create_app({"LOG_FILE": str(tmp_path / "test.log")})

"""The WSGI entry point builds a working app."""

from __future__ import annotations

import importlib
from pathlib import Path

import falcon
import pytest


def test_wsgi_exposes_a_falcon_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LEDGER_CORE_SECRET_KEY", "set-by-the-deployment")
    module = importlib.import_module("ledger_core.wsgi")
    assert isinstance(module.app, falcon.App)

"""The WSGI entry point builds a working app."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from flask import Flask


def test_wsgi_exposes_a_flask_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ORDER_DESK_SECRET_KEY", "set-by-the-deployment")
    module = importlib.import_module("order_desk.wsgi")
    assert isinstance(module.app, Flask)
    assert module.app.name == "order_desk.app"

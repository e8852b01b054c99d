"""The home page: an HTML template and a static file, both shipped in the package."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient


def test_home_page_lists_features(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert b"/accounts" in response.data


def test_static_files_are_served(client: FlaskClient) -> None:
    response = client.get("/static/style.css")
    assert response.status_code == 200
    response.close()


def test_project_name_is_shown_as_text_never_run_as_a_template(
    app: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.config, "PROJECT_NAME", "{{7*7}} <b>{{ config }}</b>")
    response = client.get("/")
    assert response.status_code == 200
    assert b"{{7*7}} &lt;b&gt;{{ config }}&lt;/b&gt;" in response.data
    assert b"49" not in response.data
    assert b"SECRET_KEY" not in response.data

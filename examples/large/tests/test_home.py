"""The home page: an HTML template and a static file, both shipped in the package."""

from __future__ import annotations

from flask.testing import FlaskClient


def test_home_page_lists_features(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert b"/accounts/" in response.data


def test_static_files_are_served(client: FlaskClient) -> None:
    response = client.get("/static/style.css")
    assert response.status_code == 200
    response.close()

"""The outbound HTTP client: one per app, closed when the app is released."""

from __future__ import annotations

import gc

from flask import Flask

from stage_hall.http_client import EXTENSION, HttpClient


def test_client_lives_with_its_app() -> None:
    app = Flask(__name__)
    app.config["HTTP_TIMEOUT_SECONDS"] = 2.0
    HttpClient().init_app(app)
    client = app.extensions[EXTENSION]
    with app.app_context():
        assert HttpClient().client is client
    assert not client.is_closed
    del app
    gc.collect()
    assert client.is_closed

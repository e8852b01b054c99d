"""The shared cache."""

from __future__ import annotations

from flask import Flask

from stage_hall.cache import Cache


def test_values_are_shared_within_an_app() -> None:
    app = Flask(__name__)
    app.config["CACHE_DEFAULT_TIMEOUT"] = 60
    cache = Cache()
    cache.init_app(app)
    with app.app_context():
        cache.set("answer", 42)
        assert cache.get("answer") == 42

"""The composition root builds every service of the app."""

from __future__ import annotations

from flask import Flask

from stage_hall.composition import EXTENSION, Services, services


def test_services_are_stored_on_the_app(app: Flask) -> None:
    assert isinstance(app.extensions[EXTENSION], Services)


def test_services_are_wired(app: Flask) -> None:
    with app.test_request_context():
        assert services().accounts().all() == []
        assert services().rooms().all() == []
        assert services().playlists().all() == []
        assert services().chat().all() == []
        assert services().moderation().all() == []
        assert services().search().all() == []
        assert services().notifications().all() == []
        assert services().billing().all() == []
        services().cache.set("k", 1)
        assert services().cache.get("k") == 1

"""Fixtures built from the app factory: app, client, CLI runner and a fresh database."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy import text

from stage_hall import database
from stage_hall.app import create_app

TEST_DATABASE = "STAGE_HALL_TEST_DATABASE_URL"


def pytest_configure(config: pytest.Config) -> None:
    """Stop the whole run with one message, before any test, when there is no database."""
    if not os.environ.get(TEST_DATABASE):
        raise pytest.UsageError(
            f"set {TEST_DATABASE} to a PostgreSQL database the tests may empty, for example "
            f"{TEST_DATABASE}=postgresql+psycopg://user:password@localhost:5432/stage_hall_test"
        )


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The PostgreSQL database the tests may empty: never a silent fallback to SQLite."""
    return os.environ[TEST_DATABASE]


def make_config(database_url: str, folder: Path) -> dict[str, Any]:
    """Settings for a test app: everything explicit, nothing from the environment."""
    return {
        "TESTING": True,
        "SECRET_KEY": "test",
        "DATABASE_URL": database_url,
        "LOG_FILE": str(folder / "test.log"),
    }


def add_failing_route(app: Flask) -> None:
    """A route that uses the database and then fails, to prove sessions are released anyway."""

    @app.get("/_test/fail")
    def fail() -> str:
        database.session().execute(text("SELECT 1"))
        raise RuntimeError("boom")


def drop_schema(app: Flask) -> None:
    with app.app_context():
        database.Base.metadata.drop_all(database.engine())
        with database.engine().begin() as connection:
            connection.execute(text("DROP TABLE IF EXISTS alembic_version"))


@pytest.fixture
def app(database_url: str, tmp_path: Path) -> Iterator[Flask]:
    """A new app with an empty database for every test."""
    application = create_app(make_config(database_url, tmp_path))
    add_failing_route(application)
    drop_schema(application)
    with application.app_context():
        database.create_schema()
    yield application
    drop_schema(application)
    with application.app_context():
        database.engine().dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()

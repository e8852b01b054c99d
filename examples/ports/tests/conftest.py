"""Fixtures built from the app factory: the application, a test client and a fresh database."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import falcon
import falcon.testing
import pytest
from sqlalchemy import text

from ledger_core.app import Application, build
from ledger_core.database import Base, Database, create_schema

TEST_DATABASE = "LEDGER_CORE_TEST_DATABASE_URL"


def pytest_configure(config: pytest.Config) -> None:
    """Stop the whole run with one message, before any test, when there is no database."""
    if not os.environ.get(TEST_DATABASE):
        raise pytest.UsageError(
            f"set {TEST_DATABASE} to a PostgreSQL database the tests may empty, for example "
            f"{TEST_DATABASE}=postgresql+psycopg://user:password@localhost:5432/ledger_core_test"
        )


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The PostgreSQL database the tests may empty: never a silent fallback to SQLite."""
    return os.environ[TEST_DATABASE]


def make_config(database_url: str, folder: Path) -> dict[str, Any]:
    """Settings for a test app: everything explicit."""
    return {
        "SECRET_KEY": "test",
        "DATABASE_URL": database_url,
        "LOG_FILE": str(folder / "test.log"),
    }


class FailingResource:
    """Uses the database and then fails, to prove sessions are released anyway."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def on_get(self, req: falcon.Request, resp: falcon.Response) -> None:
        with self._database.unit_of_work() as uow:
            uow.session.execute(text("SELECT 1"))
            raise RuntimeError("boom")


def drop_schema(database: Database) -> None:
    Base.metadata.drop_all(database.engine)
    with database.engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))


@pytest.fixture
def application(database_url: str, tmp_path: Path) -> Iterator[Application]:
    """A new application with an empty database for every test."""
    built = build(make_config(database_url, tmp_path))
    built.app.add_route("/_test/fail", FailingResource(built.database))
    drop_schema(built.database)
    create_schema(built.database)
    yield built
    drop_schema(built.database)
    built.database.dispose()


@pytest.fixture
def app(application: Application) -> falcon.App:
    return application.app


@pytest.fixture
def client(app: falcon.App) -> falcon.testing.TestClient:
    return falcon.testing.TestClient(app)

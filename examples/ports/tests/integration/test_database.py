"""The database: a fresh environment gets its schema, and no request leaks a connection."""

from __future__ import annotations

import falcon.testing
from sqlalchemy import inspect

from ledger_core.app import Application
from ledger_core.database import create_schema

TABLES = {
    "accounts",
    "postings",
}


def test_schema_is_created(application: Application) -> None:
    create_schema(application.database)
    assert TABLES <= set(inspect(application.database.engine).get_table_names())


def test_no_connection_stays_checked_out(
    application: Application, client: falcon.testing.TestClient
) -> None:
    assert client.simulate_post("/accounts", json={"name": "Ada"}).status_code == 201
    assert client.simulate_get("/accounts").status_code == 200
    assert client.simulate_get("/_test/fail").status_code == 500
    assert application.database.engine.pool.checkedout() == 0  # type: ignore[attr-defined]


def test_migrations_match_the_models(application: Application) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from ledger_core.database import Base

    with application.database.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert compare_metadata(context, Base.metadata) == []

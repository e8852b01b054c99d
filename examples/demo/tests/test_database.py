"""The database: a fresh environment gets its schema, and no request leaks a connection."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy import inspect, text

from order_desk import database

TABLES = {
    "orders",
    "customers",
}


def test_init_db_creates_the_schema_from_scratch(app: Flask, runner: FlaskCliRunner) -> None:
    with app.app_context():
        database.Base.metadata.drop_all(database.engine())
        with database.engine().begin() as connection:
            connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert TABLES <= set(inspect(database.engine()).get_table_names())


def test_no_connection_stays_checked_out(app: Flask, client: FlaskClient) -> None:
    app.config["PROPAGATE_EXCEPTIONS"] = False
    assert client.post("/orders", json={"name": "Ada"}).status_code == 201
    assert client.get("/orders").status_code == 200
    assert client.get("/_test/fail").status_code == 500
    with app.app_context():
        assert database.engine().pool.checkedout() == 0  # type: ignore[attr-defined]

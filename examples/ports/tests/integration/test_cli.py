"""``python -m ledger_core.cli init-db`` on an empty database."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from ledger_core.app import Application
from ledger_core.cli import main
from ledger_core.database import Base


def test_init_db_from_scratch(
    application: Application, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    Base.metadata.drop_all(application.database.engine)
    with application.database.engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    monkeypatch.setenv("LEDGER_CORE_DATABASE_URL", application.settings["DATABASE_URL"])
    assert main(["init-db"]) == 0
    assert "Initialized" in capsys.readouterr().out
    tables = ["accounts", "postings"]
    assert set(tables) <= set(inspect(application.database.engine).get_table_names())

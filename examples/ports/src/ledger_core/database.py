"""The database: postgresql, sessions opened and closed by one unit of work per use case.

``init-db`` creates the schema in a fresh environment by running the migrations.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import structlog
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from ledger_core.unit_of_work import UnitOfWork

logger = structlog.get_logger(__name__)


class Base(DeclarativeBase):
    """The declarative base every table of the application is mapped on."""


class SqlAlchemyUnitOfWork(UnitOfWork):
    """One transaction: commit on ``commit()``, roll back otherwise, always close."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory

    def __enter__(self) -> SqlAlchemyUnitOfWork:
        self.session = self._factory()
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.session.rollback()
        finally:
            self.session.close()

    def commit(self) -> None:
        self.session.commit()


class Database:
    """The engine and session factory of one app."""

    def __init__(self, url: str) -> None:
        self.engine: Engine = create_engine(url)
        self.sessions = sessionmaker(bind=self.engine, expire_on_commit=False)

    def unit_of_work(self) -> SqlAlchemyUnitOfWork:
        """A new unit of work; use it as a context manager."""
        return SqlAlchemyUnitOfWork(self.sessions)

    @property
    def unit_of_work_factory(self) -> Callable[[], SqlAlchemyUnitOfWork]:
        return self.unit_of_work

    def dispose(self) -> None:
        self.engine.dispose()


def create_schema(database: Database) -> None:
    """Create every table in an empty database."""
    bound = database.engine
    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    config.set_main_option("sqlalchemy.url", bound.url.render_as_string(hide_password=False))
    command.upgrade(config, "head")
    logger.info("database schema created")

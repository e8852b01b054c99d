"""The database: postgresql, sessions from a scoped_session removed at the end of every app context.

``init-db`` creates the schema in a fresh environment by running the migrations.
"""

from __future__ import annotations

import logging
from pathlib import Path

import click
from alembic import command
from alembic.config import Config
from flask import Flask, current_app
from flask.cli import with_appcontext
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import DeclarativeBase, Session, scoped_session, sessionmaker

logger = logging.getLogger(__name__)
EXTENSION = "stage_hall.database"


class Base(DeclarativeBase):
    """The declarative base every table of the application is mapped on."""


class Database:
    """The engine and session factory of one app."""

    def __init__(self, url: str) -> None:
        self.engine: Engine = create_engine(url)
        self.session = scoped_session(sessionmaker(bind=self.engine, expire_on_commit=False))

    def dispose(self) -> None:
        self.engine.dispose()


def init_app(app: Flask) -> None:
    """Create this app's database and release sessions when each app context ends."""
    database = Database(app.config["DATABASE_URL"])
    app.extensions[EXTENSION] = database
    app.cli.add_command(init_db_command)

    @app.teardown_appcontext
    def remove_session(exc: BaseException | None) -> None:
        database.session.remove()


def get_database() -> Database:
    """The database of the current app."""
    database: Database = current_app.extensions[EXTENSION]
    return database


def engine() -> Engine:
    return get_database().engine


def session() -> Session:
    """The session of the current app context (removed on teardown)."""
    return get_database().session()


def create_schema() -> None:
    """Create every table in an empty database."""
    bound = engine()
    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    config.set_main_option("sqlalchemy.url", bound.url.render_as_string(hide_password=False))
    command.upgrade(config, "head")
    logger.info("database schema created")


@click.command("init-db")
@with_appcontext
def init_db_command() -> None:
    """Create the database schema in a fresh environment."""
    create_schema()
    click.echo("Initialized the database.")

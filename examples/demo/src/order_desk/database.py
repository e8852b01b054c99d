"""The database: sqlite, sessions managed per request by Flask-SQLAlchemy.

``init-db`` creates the schema in a fresh environment.
"""

from __future__ import annotations

import logging
from pathlib import Path

import click
from flask import Flask
from flask.cli import with_appcontext
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import Engine
from sqlalchemy.orm import DeclarativeBase, Session

logger = logging.getLogger(__name__)
EXTENSION = "order_desk.database"


class Base(DeclarativeBase):
    """The declarative base every table of the application is mapped on."""


db = SQLAlchemy(model_class=Base)
"""Flask-SQLAlchemy's extension object; ``db.session`` lives for one app context."""


def init_app(app: Flask) -> None:
    """Bind the database to ``app`` and add the ``init-db`` command."""
    app.config.setdefault("SQLALCHEMY_DATABASE_URI", app.config["DATABASE_URL"])
    db.init_app(app)
    app.cli.add_command(init_db_command)


def session() -> Session:
    """The session of the current app context."""
    return db.session


def engine() -> Engine:
    return db.engine


def create_schema() -> None:
    """Create every table in an empty database."""
    bound = db.engine
    if bound.url.database and bound.url.database != ":memory:":
        # The one place the state folder is created: by whoever initialises the
        # database, never by the server at start-up (it may not own the folder).
        Path(bound.url.database).parent.mkdir(parents=True, exist_ok=True)
    Base.metadata.create_all(bound)
    logger.info("database schema created")


@click.command("init-db")
@with_appcontext
def init_db_command() -> None:
    """Create the database schema in a fresh environment."""
    create_schema()
    click.echo("Initialized the database.")

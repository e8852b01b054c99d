"""Alembic's environment: the URL comes from the caller, the tables from the application's models."""

from __future__ import annotations

import logging

from alembic import context
from sqlalchemy import engine_from_config, pool

from ledger_core.adapters import accounts as accounts_tables
from ledger_core.adapters import postings as postings_tables
from ledger_core.database import Base

logger = logging.getLogger(__name__)

config = context.config
target_metadata = Base.metadata
# imported so their tables are in the metadata
TABLE_MODULES = [
    accounts_tables,
    postings_tables,
]


def run_migrations_offline() -> None:
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()

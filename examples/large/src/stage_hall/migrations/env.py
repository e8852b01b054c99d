"""Alembic's environment: the URL comes from the caller, the tables from the application's models."""

from __future__ import annotations

import logging

from alembic import context
from sqlalchemy import engine_from_config, pool

from stage_hall.accounts import models as accounts_tables
from stage_hall.billing import models as billing_tables
from stage_hall.chat import models as chat_tables
from stage_hall.database import Base
from stage_hall.moderation import models as moderation_tables
from stage_hall.notifications import models as notifications_tables
from stage_hall.playlists import models as playlists_tables
from stage_hall.rooms import models as rooms_tables
from stage_hall.search import models as search_tables

logger = logging.getLogger(__name__)

config = context.config
target_metadata = Base.metadata
# imported so their tables are in the metadata
TABLE_MODULES = [
    accounts_tables,
    rooms_tables,
    playlists_tables,
    chat_tables,
    moderation_tables,
    search_tables,
    notifications_tables,
    billing_tables,
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

"""Command line: ``python -m ledger_core.cli init-db`` creates the schema in a fresh environment."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import structlog

from ledger_core import settings
from ledger_core.database import Database, create_schema
from ledger_core.logging_setup import configure_logging

logger = structlog.get_logger(__name__)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ledger_core.cli")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("init-db", help="create the database schema")
    parser.parse_args(argv)
    configure_logging(settings.logging_options())
    database = Database(settings.load()["DATABASE_URL"])
    try:
        create_schema(database)
    finally:
        database.dispose()
    sys.stdout.write("Initialized the database.\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

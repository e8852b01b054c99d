"""The application factory: ``create_app`` assembles the Falcon app from the same services Flask would use.

Only this module, ``health`` and the resources know Falcon; the domain and
services below them are unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import falcon
import structlog

from ledger_core import health, home, settings
from ledger_core.container import Container, build_container
from ledger_core.database import Database
from ledger_core.entrypoints.accounts import add_routes as add_accounts_routes
from ledger_core.entrypoints.postings import add_routes as add_postings_routes
from ledger_core.logging_setup import configure_logging
from ledger_core.request_id import RequestIdMiddleware
from ledger_core.services.accounts import AccountService
from ledger_core.services.postings import PostingService

logger = structlog.get_logger(__name__)


@dataclass
class Application:
    """The WSGI app and what it was built from (tests reach the database through it)."""

    app: falcon.App
    settings: dict[str, Any]
    database: Database
    container: Container


def build(config: Mapping[str, Any] | None = None) -> Application:
    """Configure logging, read settings, wire the services and route every resource."""
    configure_logging(settings.logging_options(config))
    options = settings.load(config)
    settings.require_secret_key(options, bool(options.get("DEBUG")))
    database = Database(options["DATABASE_URL"])
    wiring = build_container(options, database)
    middleware: list[Any] = []
    middleware.append(RequestIdMiddleware())
    app = falcon.App(middleware=middleware)
    app.req_options.strip_url_path_trailing_slash = True
    health.add_routes(app, database)
    home.add_routes(app, options["PROJECT_NAME"])
    add_accounts_routes(app, lambda: wiring.resolve(AccountService))
    add_postings_routes(app, lambda: wiring.resolve(PostingService))
    logger.info("falcon app ready")
    return Application(app, options, database, wiring)


def create_app(config: Mapping[str, Any] | None = None) -> falcon.App:
    """Build the WSGI app; ``config`` overrides every other configuration source."""
    return build(config).app

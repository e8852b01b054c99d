"""``GET /health``: is the app up, and can it reach its database?"""

from __future__ import annotations

import falcon
import structlog
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from ledger_core.database import Database

logger = structlog.get_logger(__name__)


class HealthResource:
    def __init__(self, database: Database) -> None:
        self._database = database

    def on_get(self, req: falcon.Request, resp: falcon.Response) -> None:
        try:
            with self._database.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except SQLAlchemyError:
            logger.exception("health check: database unreachable")
            resp.status = falcon.HTTP_503
            resp.media = {"status": "error", "database": "unreachable"}
            return
        resp.media = {"status": "ok", "database": "ok"}


def add_routes(app: falcon.App, database: Database) -> None:
    app.add_route("/health", HealthResource(database))

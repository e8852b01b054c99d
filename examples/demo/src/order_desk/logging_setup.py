"""Logging for the whole application, configured once, before the app object exists.

Every module gets its own logger at the top (logging.getLogger(__name__)),
so each record names the module that wrote it.
"""

from __future__ import annotations

import logging
import logging.config
from collections.abc import Mapping
from typing import Any

from order_desk.request_id import current_request_id

logger = logging.getLogger(__name__)


class RequestIdFilter(logging.Filter):
    """Adds the current request id (or "-") to every record as ``request_id``."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id()
        return True


def build_config(options: Mapping[str, Any]) -> dict[str, Any]:
    """The ``dictConfig`` for these options (``LOG_LEVEL`` and the destination's settings)."""
    formatter: dict[str, Any] = {
        "format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s",
    }
    handler: dict[str, Any] = {
        "class": "logging.StreamHandler",
        "stream": "ext://sys.stdout",
    }
    handler["formatter"] = "default"
    handler["filters"] = ["request_id"]
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {"default": formatter},
        "handlers": {"default": handler},
        "root": {"level": str(options.get("LOG_LEVEL", "INFO")).upper(), "handlers": ["default"]},
    }


def configure_logging(options: Mapping[str, Any]) -> None:
    """Apply the logging configuration; call it before creating the app."""
    logging.config.dictConfig(build_config(options))
    logger.debug("logging configured")

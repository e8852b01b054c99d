"""Logging for the whole application, configured once, before the app object exists.

Every module gets its own logger at the top (structlog.get_logger(__name__)),
so each record names the module that wrote it.
"""

from __future__ import annotations

import logging
import logging.config
from collections.abc import Mapping
from typing import Any

import structlog

from ledger_core.request_id import current_request_id

logger = structlog.get_logger(__name__)


class RequestIdFilter(logging.Filter):
    """Adds the current request id (or "-") to every record as ``request_id``."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id()
        return True


def shared_processors() -> list[Any]:
    """What every record goes through, from structlog or the standard library."""
    return [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        # logger.info("created %s", 1) -> "created 1", as with the standard library
        structlog.stdlib.PositionalArgumentsFormatter(),
        structlog.processors.TimeStamper(fmt="iso"),
    ]


def build_config(options: Mapping[str, Any]) -> dict[str, Any]:
    """The ``dictConfig`` for these options (``LOG_LEVEL`` and the destination's settings)."""
    formatter: dict[str, Any] = {
        "()": structlog.stdlib.ProcessorFormatter,
        "processors": [
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.JSONRenderer(),
        ],
        "foreign_pre_chain": shared_processors(),
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
    structlog.configure(
        processors=[*shared_processors(), structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    logging.config.dictConfig(build_config(options))
    logger.debug("logging configured")

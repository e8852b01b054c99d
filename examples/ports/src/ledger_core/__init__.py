"""The ledger_core application package."""

from __future__ import annotations

import structlog

from ledger_core.app import create_app

logger = structlog.get_logger(__name__)

__all__ = ["create_app"]

"""The domain package of ledger_core."""

from __future__ import annotations

import structlog

logger = structlog.get_logger(__name__)

"""The WSGI entry point: ``ledger_core.wsgi:app`` for waitress-serve."""

from __future__ import annotations

import structlog

from ledger_core.app import create_app

logger = structlog.get_logger(__name__)

app = create_app()

"""The WSGI entry point: ``order_desk.wsgi:app`` for Gunicorn."""

from __future__ import annotations

import logging

from order_desk.app import create_app

logger = logging.getLogger(__name__)

app = create_app()

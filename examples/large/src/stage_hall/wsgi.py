"""The WSGI entry point: ``stage_hall.wsgi:app`` for Gunicorn."""

from __future__ import annotations

import logging

from stage_hall.app import create_app

logger = logging.getLogger(__name__)

app = create_app()

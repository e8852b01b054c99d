"""The order_desk application package."""

from __future__ import annotations

import logging

from order_desk.app import create_app

logger = logging.getLogger(__name__)

__all__ = ["create_app"]

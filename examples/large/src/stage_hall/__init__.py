"""The stage_hall application package."""

from __future__ import annotations

import logging

from stage_hall.app import create_app

logger = logging.getLogger(__name__)

__all__ = ["create_app"]

"""The chat package of stage_hall."""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

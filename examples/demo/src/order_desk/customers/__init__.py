"""The customers package of order_desk."""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

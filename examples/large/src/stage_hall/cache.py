"""The cache shared by all requests of an app (in-process; swap the backend for Redis when needed)."""

from __future__ import annotations

import logging
from typing import Any

from cachelib import SimpleCache
from flask import Flask, current_app

logger = logging.getLogger(__name__)

EXTENSION = "stage_hall.cache"


class Cache:
    """Flask extension around a cachelib backend."""

    def init_app(self, app: Flask) -> None:
        app.extensions[EXTENSION] = SimpleCache(default_timeout=app.config["CACHE_DEFAULT_TIMEOUT"])

    @property
    def backend(self) -> SimpleCache:
        found: SimpleCache = current_app.extensions[EXTENSION]
        return found

    def get(self, key: str) -> Any:
        return self.backend.get(key)

    def set(self, key: str, value: Any) -> None:
        self.backend.set(key, value)

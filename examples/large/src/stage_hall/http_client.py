"""The outbound HTTP client: one pooled ``httpx.Client`` per app, closed when the app is released."""

from __future__ import annotations

import logging
import weakref

import httpx
from flask import Flask, current_app

logger = logging.getLogger(__name__)

EXTENSION = "stage_hall.http"


class HttpClient:
    """Flask extension holding the app's client; use ``client`` inside a request."""

    def init_app(self, app: Flask) -> None:
        client = httpx.Client(timeout=app.config["HTTP_TIMEOUT_SECONDS"])
        app.extensions[EXTENSION] = client
        weakref.finalize(app, client.close)

    @property
    def client(self) -> httpx.Client:
        found: httpx.Client = current_app.extensions[EXTENSION]
        return found

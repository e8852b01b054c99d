"""A request id for every request, taken from ``X-Request-ID`` or made up, and put on every log record."""

from __future__ import annotations

import logging
import uuid
from contextvars import ContextVar

from flask import Flask, Response, request

logger = logging.getLogger(__name__)

HEADER = "X-Request-ID"
_current: ContextVar[str] = ContextVar("request_id", default="-")


def current_request_id() -> str:
    """The id of the request being handled, or "-" outside a request."""
    return _current.get()


def _start(incoming: str | None) -> None:
    value = (incoming or "").strip()[:64] or uuid.uuid4().hex
    _current.set(value)


def _finish() -> None:
    _current.set("-")


def init_app(app: Flask) -> None:
    """Bind a request id at the start of each request and return it in the response."""

    @app.before_request
    def bind_request_id() -> None:
        _start(request.headers.get(HEADER))

    @app.after_request
    def send_request_id(response: Response) -> Response:
        response.headers[HEADER] = current_request_id()
        return response

    @app.teardown_request
    def unbind_request_id(exc: BaseException | None) -> None:
        _finish()

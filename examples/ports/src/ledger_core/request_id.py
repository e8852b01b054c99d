"""A request id for every request, taken from ``X-Request-ID`` or made up, and put on every log record."""

from __future__ import annotations

import uuid
from contextvars import ContextVar

import falcon
import structlog

logger = structlog.get_logger(__name__)

HEADER = "X-Request-ID"
_current: ContextVar[str] = ContextVar("request_id", default="-")


def current_request_id() -> str:
    """The id of the request being handled, or "-" outside a request."""
    return _current.get()


def _start(incoming: str | None) -> None:
    value = (incoming or "").strip()[:64] or uuid.uuid4().hex
    _current.set(value)
    structlog.contextvars.bind_contextvars(request_id=value)


def _finish() -> None:
    _current.set("-")
    structlog.contextvars.unbind_contextvars("request_id")


class RequestIdMiddleware:
    """Falcon middleware: bind the id on the way in, echo it on the way out."""

    def process_request(self, req: falcon.Request, resp: falcon.Response) -> None:
        _start(req.get_header(HEADER))

    def process_response(
        self, req: falcon.Request, resp: falcon.Response, resource: object, req_succeeded: bool
    ) -> None:
        resp.set_header(HEADER, current_request_id())
        _finish()

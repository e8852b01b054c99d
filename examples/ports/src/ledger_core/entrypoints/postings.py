"""HTTP endpoints for postings as Falcon resources; the use cases come from ``services.postings``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict

import falcon
import structlog

from ledger_core.domain.postings import InvalidPosting, PostingNotFound
from ledger_core.services.postings import PostingService

logger = structlog.get_logger(__name__)

ServiceFactory = Callable[[], PostingService]


class PostingCollection:
    """``/postings``: list and create entries."""

    def __init__(self, service: ServiceFactory) -> None:
        self._service = service

    def on_get(self, req: falcon.Request, resp: falcon.Response) -> None:
        resp.media = {"items": [asdict(item) for item in self._service().all()]}

    def on_post(self, req: falcon.Request, resp: falcon.Response) -> None:
        payload = req.get_media(default_when_empty={})
        name = str(payload.get("name", "")) if isinstance(payload, dict) else ""
        try:
            item = self._service().create(name)
        except InvalidPosting as error:
            raise falcon.HTTPBadRequest(description=str(error)) from error
        logger.info("created postings %s", item.id)
        resp.media = asdict(item)
        resp.status = falcon.HTTP_201


class PostingItem:
    """``/postings/{id}``: one entry."""

    def __init__(self, service: ServiceFactory) -> None:
        self._service = service

    def on_get(self, req: falcon.Request, resp: falcon.Response, item_id: int) -> None:
        try:
            resp.media = asdict(self._service().get(item_id))
        except PostingNotFound as error:
            raise falcon.HTTPNotFound(description=f"no posting {item_id}") from error


def add_routes(app: falcon.App, service: ServiceFactory) -> None:
    app.add_route("/postings", PostingCollection(service))
    app.add_route("/postings/{item_id:int}", PostingItem(service))

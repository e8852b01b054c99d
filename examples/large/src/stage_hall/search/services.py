"""The search use cases: list, create and fetch entries."""

from __future__ import annotations

import logging
from collections.abc import Callable

from stage_hall.search.models import Search, SearchNotFound, validate_name
from stage_hall.search.repository import SearchRepository

logger = logging.getLogger(__name__)


class SearchService:
    """List, create and fetch search entries."""

    def __init__(
        self, repository: SearchRepository, commit: Callable[[], None] | None = None
    ) -> None:
        self._repository = repository
        self._commit = commit or (lambda: None)

    def all(self) -> list[Search]:
        return self._repository.all()

    def create(self, name: str) -> Search:
        item = self._repository.add(validate_name(name))
        self._commit()
        logger.info("created search %s", item.id)
        return item

    def get(self, item_id: int) -> Search:
        item = self._repository.get(item_id)
        if item is None:
            raise SearchNotFound(item_id)
        return item

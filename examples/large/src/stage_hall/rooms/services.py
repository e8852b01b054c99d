"""The rooms use cases: list, create and fetch entries."""

from __future__ import annotations

import logging
from collections.abc import Callable

from stage_hall.rooms.models import Rooms, RoomsNotFound, validate_name
from stage_hall.rooms.repository import RoomsRepository

logger = logging.getLogger(__name__)


class RoomsService:
    """List, create and fetch rooms entries."""

    def __init__(
        self, repository: RoomsRepository, commit: Callable[[], None] | None = None
    ) -> None:
        self._repository = repository
        self._commit = commit or (lambda: None)

    def all(self) -> list[Rooms]:
        return self._repository.all()

    def create(self, name: str) -> Rooms:
        item = self._repository.add(validate_name(name))
        self._commit()
        logger.info("created rooms entry %s", item.id)
        return item

    def get(self, item_id: int) -> Rooms:
        item = self._repository.get(item_id)
        if item is None:
            raise RoomsNotFound(item_id)
        return item

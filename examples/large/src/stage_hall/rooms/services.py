"""The rooms use cases: list, create and fetch entries."""

from __future__ import annotations

import logging
from collections.abc import Callable

from stage_hall.rooms.models import Room, RoomNotFound, validate_name
from stage_hall.rooms.repository import RoomRepository

logger = logging.getLogger(__name__)


class RoomService:
    """List, create and fetch rooms entries."""

    def __init__(
        self, repository: RoomRepository, commit: Callable[[], None] | None = None
    ) -> None:
        self._repository = repository
        self._commit = commit or (lambda: None)

    def all(self) -> list[Room]:
        return self._repository.all()

    def create(self, name: str) -> Room:
        item = self._repository.add(validate_name(name))
        self._commit()
        logger.info("created room %s", item.id)
        return item

    def get(self, item_id: int) -> Room:
        item = self._repository.get(item_id)
        if item is None:
            raise RoomNotFound(item_id)
        return item

"""The playlists use cases: list, create and fetch entries."""

from __future__ import annotations

import logging
from collections.abc import Callable

from stage_hall.playlists.models import Playlists, PlaylistsNotFound, validate_name
from stage_hall.playlists.repository import PlaylistsRepository

logger = logging.getLogger(__name__)


class PlaylistsService:
    """List, create and fetch playlists entries."""

    def __init__(
        self, repository: PlaylistsRepository, commit: Callable[[], None] | None = None
    ) -> None:
        self._repository = repository
        self._commit = commit or (lambda: None)

    def all(self) -> list[Playlists]:
        return self._repository.all()

    def create(self, name: str) -> Playlists:
        item = self._repository.add(validate_name(name))
        self._commit()
        logger.info("created playlists entry %s", item.id)
        return item

    def get(self, item_id: int) -> Playlists:
        item = self._repository.get(item_id)
        if item is None:
            raise PlaylistsNotFound(item_id)
        return item

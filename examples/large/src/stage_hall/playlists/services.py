"""The playlists use cases: list, create and fetch entries."""

from __future__ import annotations

import logging
from collections.abc import Callable

from stage_hall.playlists.models import Playlist, PlaylistNotFound, validate_name
from stage_hall.playlists.repository import PlaylistRepository

logger = logging.getLogger(__name__)


class PlaylistService:
    """List, create and fetch playlists entries."""

    def __init__(
        self, repository: PlaylistRepository, commit: Callable[[], None] | None = None
    ) -> None:
        self._repository = repository
        self._commit = commit or (lambda: None)

    def all(self) -> list[Playlist]:
        return self._repository.all()

    def create(self, name: str) -> Playlist:
        item = self._repository.add(validate_name(name))
        self._commit()
        logger.info("created playlist %s", item.id)
        return item

    def get(self, item_id: int) -> Playlist:
        item = self._repository.get(item_id)
        if item is None:
            raise PlaylistNotFound(item_id)
        return item

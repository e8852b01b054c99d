"""Storage for playlists: a repository protocol, its SQLAlchemy implementation and an in-memory fake."""

from __future__ import annotations

import logging
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from stage_hall.playlists.models import Playlist, PlaylistRow

logger = logging.getLogger(__name__)


class PlaylistRepository(Protocol):
    """What the playlists services need from storage."""

    def add(self, name: str) -> Playlist: ...

    def get(self, item_id: int) -> Playlist | None: ...

    def all(self) -> list[Playlist]: ...


class InMemoryPlaylistRepository:
    """Keeps playlists in a dict; for unit tests."""

    def __init__(self) -> None:
        self._items: dict[int, Playlist] = {}

    def add(self, name: str) -> Playlist:
        item_id = len(self._items) + 1
        item = Playlist(name=name, id=item_id)
        self._items[item_id] = item
        return item

    def get(self, item_id: int) -> Playlist | None:
        return self._items.get(item_id)

    def all(self) -> list[Playlist]:
        return list(self._items.values())


class SqlAlchemyPlaylistRepository:
    """Playlist storage in the ``playlists`` table; the caller owns the transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, name: str) -> Playlist:
        row = PlaylistRow(name=name)
        self._session.add(row)
        self._session.flush()
        logger.debug("added playlists row %s", row.id)
        return row.to_entity()

    def get(self, item_id: int) -> Playlist | None:
        row = self._session.get(PlaylistRow, item_id)
        return row.to_entity() if row is not None else None

    def all(self) -> list[Playlist]:
        rows = self._session.scalars(select(PlaylistRow).order_by(PlaylistRow.id))
        return [row.to_entity() for row in rows]

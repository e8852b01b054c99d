"""Storage for rooms: a repository protocol, its SQLAlchemy implementation and an in-memory fake."""

from __future__ import annotations

import logging
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from stage_hall.rooms.models import Room, RoomRow

logger = logging.getLogger(__name__)


class RoomRepository(Protocol):
    """What the rooms services need from storage."""

    def add(self, name: str) -> Room: ...

    def get(self, item_id: int) -> Room | None: ...

    def all(self) -> list[Room]: ...


class InMemoryRoomRepository:
    """Keeps rooms in a dict; for unit tests."""

    def __init__(self) -> None:
        self._items: dict[int, Room] = {}

    def add(self, name: str) -> Room:
        item_id = len(self._items) + 1
        item = Room(name=name, id=item_id)
        self._items[item_id] = item
        return item

    def get(self, item_id: int) -> Room | None:
        return self._items.get(item_id)

    def all(self) -> list[Room]:
        return list(self._items.values())


class SqlAlchemyRoomRepository:
    """Room storage in the ``rooms`` table; the caller owns the transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, name: str) -> Room:
        row = RoomRow(name=name)
        self._session.add(row)
        self._session.flush()
        logger.debug("added rooms row %s", row.id)
        return row.to_entity()

    def get(self, item_id: int) -> Room | None:
        row = self._session.get(RoomRow, item_id)
        return row.to_entity() if row is not None else None

    def all(self) -> list[Room]:
        rows = self._session.scalars(select(RoomRow).order_by(RoomRow.id))
        return [row.to_entity() for row in rows]

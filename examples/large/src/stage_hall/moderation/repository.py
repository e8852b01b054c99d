"""Storage for moderation: a repository protocol, its SQLAlchemy implementation and an in-memory fake."""

from __future__ import annotations

import logging
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from stage_hall.moderation.models import Moderation, ModerationRow

logger = logging.getLogger(__name__)


class ModerationRepository(Protocol):
    """What the moderation services need from storage."""

    def add(self, name: str) -> Moderation: ...

    def get(self, item_id: int) -> Moderation | None: ...

    def all(self) -> list[Moderation]: ...


class InMemoryModerationRepository:
    """Keeps moderation in a dict; for unit tests."""

    def __init__(self) -> None:
        self._items: dict[int, Moderation] = {}

    def add(self, name: str) -> Moderation:
        item_id = len(self._items) + 1
        item = Moderation(name=name, id=item_id)
        self._items[item_id] = item
        return item

    def get(self, item_id: int) -> Moderation | None:
        return self._items.get(item_id)

    def all(self) -> list[Moderation]:
        return list(self._items.values())


class SqlAlchemyModerationRepository:
    """Moderation storage in the ``moderation`` table; the caller owns the transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, name: str) -> Moderation:
        row = ModerationRow(name=name)
        self._session.add(row)
        self._session.flush()
        logger.debug("added moderation row %s", row.id)
        return row.to_entity()

    def get(self, item_id: int) -> Moderation | None:
        row = self._session.get(ModerationRow, item_id)
        return row.to_entity() if row is not None else None

    def all(self) -> list[Moderation]:
        rows = self._session.scalars(select(ModerationRow).order_by(ModerationRow.id))
        return [row.to_entity() for row in rows]

"""Storage for notifications: a repository protocol, its SQLAlchemy implementation and an in-memory fake."""

from __future__ import annotations

import logging
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from stage_hall.notifications.models import Notifications, NotificationsRow

logger = logging.getLogger(__name__)


class NotificationsRepository(Protocol):
    """What the notifications services need from storage."""

    def add(self, name: str) -> Notifications: ...

    def get(self, item_id: int) -> Notifications | None: ...

    def all(self) -> list[Notifications]: ...


class InMemoryNotificationsRepository:
    """Keeps notifications in a dict; for unit tests."""

    def __init__(self) -> None:
        self._items: dict[int, Notifications] = {}

    def add(self, name: str) -> Notifications:
        item_id = len(self._items) + 1
        item = Notifications(name=name, id=item_id)
        self._items[item_id] = item
        return item

    def get(self, item_id: int) -> Notifications | None:
        return self._items.get(item_id)

    def all(self) -> list[Notifications]:
        return list(self._items.values())


class SqlAlchemyNotificationsRepository:
    """Notifications storage in the ``notifications`` table; the caller owns the transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, name: str) -> Notifications:
        row = NotificationsRow(name=name)
        self._session.add(row)
        self._session.flush()
        logger.debug("added notifications row %s", row.id)
        return row.to_entity()

    def get(self, item_id: int) -> Notifications | None:
        row = self._session.get(NotificationsRow, item_id)
        return row.to_entity() if row is not None else None

    def all(self) -> list[Notifications]:
        rows = self._session.scalars(select(NotificationsRow).order_by(NotificationsRow.id))
        return [row.to_entity() for row in rows]

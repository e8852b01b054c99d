"""Storage for notifications: a repository protocol, its SQLAlchemy implementation and an in-memory fake."""

from __future__ import annotations

import logging
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from stage_hall.notifications.models import Notification, NotificationRow

logger = logging.getLogger(__name__)


class NotificationRepository(Protocol):
    """What the notifications services need from storage."""

    def add(self, name: str) -> Notification: ...

    def get(self, item_id: int) -> Notification | None: ...

    def all(self) -> list[Notification]: ...


class InMemoryNotificationRepository:
    """Keeps notifications in a dict; for unit tests."""

    def __init__(self) -> None:
        self._items: dict[int, Notification] = {}

    def add(self, name: str) -> Notification:
        item_id = len(self._items) + 1
        item = Notification(name=name, id=item_id)
        self._items[item_id] = item
        return item

    def get(self, item_id: int) -> Notification | None:
        return self._items.get(item_id)

    def all(self) -> list[Notification]:
        return list(self._items.values())


class SqlAlchemyNotificationRepository:
    """Notification storage in the ``notifications`` table; the caller owns the transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, name: str) -> Notification:
        row = NotificationRow(name=name)
        self._session.add(row)
        self._session.flush()
        logger.debug("added notifications row %s", row.id)
        return row.to_entity()

    def get(self, item_id: int) -> Notification | None:
        row = self._session.get(NotificationRow, item_id)
        return row.to_entity() if row is not None else None

    def all(self) -> list[Notification]:
        rows = self._session.scalars(select(NotificationRow).order_by(NotificationRow.id))
        return [row.to_entity() for row in rows]

"""Storage for orders: a repository protocol, its SQLAlchemy implementation and an in-memory fake."""

from __future__ import annotations

import logging
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from order_desk.orders.models import Orders, OrdersRow

logger = logging.getLogger(__name__)


class OrdersRepository(Protocol):
    """What the orders services need from storage."""

    def add(self, name: str) -> Orders: ...

    def get(self, item_id: int) -> Orders | None: ...

    def all(self) -> list[Orders]: ...


class InMemoryOrdersRepository:
    """Keeps orders in a dict; for unit tests."""

    def __init__(self) -> None:
        self._items: dict[int, Orders] = {}

    def add(self, name: str) -> Orders:
        item_id = len(self._items) + 1
        item = Orders(name=name, id=item_id)
        self._items[item_id] = item
        return item

    def get(self, item_id: int) -> Orders | None:
        return self._items.get(item_id)

    def all(self) -> list[Orders]:
        return list(self._items.values())


class SqlAlchemyOrdersRepository:
    """Orders storage in the ``orders`` table; the caller owns the transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, name: str) -> Orders:
        row = OrdersRow(name=name)
        self._session.add(row)
        self._session.flush()
        logger.debug("added orders row %s", row.id)
        return row.to_entity()

    def get(self, item_id: int) -> Orders | None:
        row = self._session.get(OrdersRow, item_id)
        return row.to_entity() if row is not None else None

    def all(self) -> list[Orders]:
        rows = self._session.scalars(select(OrdersRow).order_by(OrdersRow.id))
        return [row.to_entity() for row in rows]

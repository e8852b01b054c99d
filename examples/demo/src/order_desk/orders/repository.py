"""Storage for orders: a repository protocol, its SQLAlchemy implementation and an in-memory fake."""

from __future__ import annotations

import logging
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from order_desk.orders.models import Order, OrderRow

logger = logging.getLogger(__name__)


class OrderRepository(Protocol):
    """What the orders services need from storage."""

    def add(self, name: str) -> Order: ...

    def get(self, item_id: int) -> Order | None: ...

    def all(self) -> list[Order]: ...


class InMemoryOrderRepository:
    """Keeps orders in a dict; for unit tests."""

    def __init__(self) -> None:
        self._items: dict[int, Order] = {}

    def add(self, name: str) -> Order:
        item_id = len(self._items) + 1
        item = Order(name=name, id=item_id)
        self._items[item_id] = item
        return item

    def get(self, item_id: int) -> Order | None:
        return self._items.get(item_id)

    def all(self) -> list[Order]:
        return list(self._items.values())


class SqlAlchemyOrderRepository:
    """Order storage in the ``orders`` table; the caller owns the transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, name: str) -> Order:
        row = OrderRow(name=name)
        self._session.add(row)
        self._session.flush()
        logger.debug("added orders row %s", row.id)
        return row.to_entity()

    def get(self, item_id: int) -> Order | None:
        row = self._session.get(OrderRow, item_id)
        return row.to_entity() if row is not None else None

    def all(self) -> list[Order]:
        rows = self._session.scalars(select(OrderRow).order_by(OrderRow.id))
        return [row.to_entity() for row in rows]

"""Storage for customers: a repository protocol, its SQLAlchemy implementation and an in-memory fake."""

from __future__ import annotations

import logging
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from order_desk.customers.models import Customers, CustomersRow

logger = logging.getLogger(__name__)


class CustomersRepository(Protocol):
    """What the customers services need from storage."""

    def add(self, name: str) -> Customers: ...

    def get(self, item_id: int) -> Customers | None: ...

    def all(self) -> list[Customers]: ...


class InMemoryCustomersRepository:
    """Keeps customers in a dict; for unit tests."""

    def __init__(self) -> None:
        self._items: dict[int, Customers] = {}

    def add(self, name: str) -> Customers:
        item_id = len(self._items) + 1
        item = Customers(name=name, id=item_id)
        self._items[item_id] = item
        return item

    def get(self, item_id: int) -> Customers | None:
        return self._items.get(item_id)

    def all(self) -> list[Customers]:
        return list(self._items.values())


class SqlAlchemyCustomersRepository:
    """Customers storage in the ``customers`` table; the caller owns the transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, name: str) -> Customers:
        row = CustomersRow(name=name)
        self._session.add(row)
        self._session.flush()
        logger.debug("added customers row %s", row.id)
        return row.to_entity()

    def get(self, item_id: int) -> Customers | None:
        row = self._session.get(CustomersRow, item_id)
        return row.to_entity() if row is not None else None

    def all(self) -> list[Customers]:
        rows = self._session.scalars(select(CustomersRow).order_by(CustomersRow.id))
        return [row.to_entity() for row in rows]

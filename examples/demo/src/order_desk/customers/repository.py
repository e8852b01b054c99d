"""Storage for customers: a repository protocol, its SQLAlchemy implementation and an in-memory fake."""

from __future__ import annotations

import logging
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from order_desk.customers.models import Customer, CustomerRow

logger = logging.getLogger(__name__)


class CustomerRepository(Protocol):
    """What the customers services need from storage."""

    def add(self, name: str) -> Customer: ...

    def get(self, item_id: int) -> Customer | None: ...

    def all(self) -> list[Customer]: ...


class InMemoryCustomerRepository:
    """Keeps customers in a dict; for unit tests."""

    def __init__(self) -> None:
        self._items: dict[int, Customer] = {}

    def add(self, name: str) -> Customer:
        item_id = len(self._items) + 1
        item = Customer(name=name, id=item_id)
        self._items[item_id] = item
        return item

    def get(self, item_id: int) -> Customer | None:
        return self._items.get(item_id)

    def all(self) -> list[Customer]:
        return list(self._items.values())


class SqlAlchemyCustomerRepository:
    """Customer storage in the ``customers`` table; the caller owns the transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, name: str) -> Customer:
        row = CustomerRow(name=name)
        self._session.add(row)
        self._session.flush()
        logger.debug("added customers row %s", row.id)
        return row.to_entity()

    def get(self, item_id: int) -> Customer | None:
        row = self._session.get(CustomerRow, item_id)
        return row.to_entity() if row is not None else None

    def all(self) -> list[Customer]:
        rows = self._session.scalars(select(CustomerRow).order_by(CustomerRow.id))
        return [row.to_entity() for row in rows]

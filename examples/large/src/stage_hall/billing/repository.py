"""Storage for billing: a repository protocol, its SQLAlchemy implementation and an in-memory fake."""

from __future__ import annotations

import logging
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from stage_hall.billing.models import Billing, BillingRow

logger = logging.getLogger(__name__)


class BillingRepository(Protocol):
    """What the billing services need from storage."""

    def add(self, name: str) -> Billing: ...

    def get(self, item_id: int) -> Billing | None: ...

    def all(self) -> list[Billing]: ...


class InMemoryBillingRepository:
    """Keeps billing in a dict; for unit tests."""

    def __init__(self) -> None:
        self._items: dict[int, Billing] = {}

    def add(self, name: str) -> Billing:
        item_id = len(self._items) + 1
        item = Billing(name=name, id=item_id)
        self._items[item_id] = item
        return item

    def get(self, item_id: int) -> Billing | None:
        return self._items.get(item_id)

    def all(self) -> list[Billing]:
        return list(self._items.values())


class SqlAlchemyBillingRepository:
    """Billing storage in the ``billing`` table; the caller owns the transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, name: str) -> Billing:
        row = BillingRow(name=name)
        self._session.add(row)
        self._session.flush()
        logger.debug("added billing row %s", row.id)
        return row.to_entity()

    def get(self, item_id: int) -> Billing | None:
        row = self._session.get(BillingRow, item_id)
        return row.to_entity() if row is not None else None

    def all(self) -> list[Billing]:
        rows = self._session.scalars(select(BillingRow).order_by(BillingRow.id))
        return [row.to_entity() for row in rows]

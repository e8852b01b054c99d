"""Storage for accounts: a repository protocol, its SQLAlchemy implementation and an in-memory fake."""

from __future__ import annotations

import logging
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from stage_hall.accounts.models import Account, AccountRow

logger = logging.getLogger(__name__)


class AccountRepository(Protocol):
    """What the accounts services need from storage."""

    def add(self, name: str) -> Account: ...

    def get(self, item_id: int) -> Account | None: ...

    def all(self) -> list[Account]: ...


class InMemoryAccountRepository:
    """Keeps accounts in a dict; for unit tests."""

    def __init__(self) -> None:
        self._items: dict[int, Account] = {}

    def add(self, name: str) -> Account:
        item_id = len(self._items) + 1
        item = Account(name=name, id=item_id)
        self._items[item_id] = item
        return item

    def get(self, item_id: int) -> Account | None:
        return self._items.get(item_id)

    def all(self) -> list[Account]:
        return list(self._items.values())


class SqlAlchemyAccountRepository:
    """Account storage in the ``accounts`` table; the caller owns the transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, name: str) -> Account:
        row = AccountRow(name=name)
        self._session.add(row)
        self._session.flush()
        logger.debug("added accounts row %s", row.id)
        return row.to_entity()

    def get(self, item_id: int) -> Account | None:
        row = self._session.get(AccountRow, item_id)
        return row.to_entity() if row is not None else None

    def all(self) -> list[Account]:
        rows = self._session.scalars(select(AccountRow).order_by(AccountRow.id))
        return [row.to_entity() for row in rows]

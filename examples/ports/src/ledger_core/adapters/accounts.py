"""Storage for accounts: the SQLAlchemy adapter and an in-memory fake for the port in services.accounts."""

from __future__ import annotations

import structlog
from sqlalchemy import String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from ledger_core.database import Base
from ledger_core.domain.accounts import NAME_MAX_LENGTH, Account

logger = structlog.get_logger(__name__)


class AccountRow(Base):
    """The ``accounts`` table; maps to and from the domain's Account."""

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX_LENGTH))

    def to_entity(self) -> Account:
        return Account(name=self.name, id=self.id)


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

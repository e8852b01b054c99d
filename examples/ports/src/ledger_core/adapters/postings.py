"""Storage for postings: the SQLAlchemy adapter and an in-memory fake for the port in services.postings."""

from __future__ import annotations

import structlog
from sqlalchemy import String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from ledger_core.database import Base
from ledger_core.domain.postings import NAME_MAX_LENGTH, Posting

logger = structlog.get_logger(__name__)


class PostingRow(Base):
    """The ``postings`` table; maps to and from the domain's Posting."""

    __tablename__ = "postings"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX_LENGTH))

    def to_entity(self) -> Posting:
        return Posting(name=self.name, id=self.id)


class InMemoryPostingRepository:
    """Keeps postings in a dict; for unit tests."""

    def __init__(self) -> None:
        self._items: dict[int, Posting] = {}

    def add(self, name: str) -> Posting:
        item_id = len(self._items) + 1
        item = Posting(name=name, id=item_id)
        self._items[item_id] = item
        return item

    def get(self, item_id: int) -> Posting | None:
        return self._items.get(item_id)

    def all(self) -> list[Posting]:
        return list(self._items.values())


class SqlAlchemyPostingRepository:
    """Posting storage in the ``postings`` table; the caller owns the transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, name: str) -> Posting:
        row = PostingRow(name=name)
        self._session.add(row)
        self._session.flush()
        logger.debug("added postings row %s", row.id)
        return row.to_entity()

    def get(self, item_id: int) -> Posting | None:
        row = self._session.get(PostingRow, item_id)
        return row.to_entity() if row is not None else None

    def all(self) -> list[Posting]:
        rows = self._session.scalars(select(PostingRow).order_by(PostingRow.id))
        return [row.to_entity() for row in rows]

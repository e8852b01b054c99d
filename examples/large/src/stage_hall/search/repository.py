"""Storage for search: a repository protocol, its SQLAlchemy implementation and an in-memory fake."""

from __future__ import annotations

import logging
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from stage_hall.search.models import Search, SearchRow

logger = logging.getLogger(__name__)


class SearchRepository(Protocol):
    """What the search services need from storage."""

    def add(self, name: str) -> Search: ...

    def get(self, item_id: int) -> Search | None: ...

    def all(self) -> list[Search]: ...


class InMemorySearchRepository:
    """Keeps search in a dict; for unit tests."""

    def __init__(self) -> None:
        self._items: dict[int, Search] = {}

    def add(self, name: str) -> Search:
        item_id = len(self._items) + 1
        item = Search(name=name, id=item_id)
        self._items[item_id] = item
        return item

    def get(self, item_id: int) -> Search | None:
        return self._items.get(item_id)

    def all(self) -> list[Search]:
        return list(self._items.values())


class SqlAlchemySearchRepository:
    """Search storage in the ``search`` table; the caller owns the transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, name: str) -> Search:
        row = SearchRow(name=name)
        self._session.add(row)
        self._session.flush()
        logger.debug("added search row %s", row.id)
        return row.to_entity()

    def get(self, item_id: int) -> Search | None:
        row = self._session.get(SearchRow, item_id)
        return row.to_entity() if row is not None else None

    def all(self) -> list[Search]:
        rows = self._session.scalars(select(SearchRow).order_by(SearchRow.id))
        return [row.to_entity() for row in rows]

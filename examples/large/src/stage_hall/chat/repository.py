"""Storage for chat: a repository protocol, its SQLAlchemy implementation and an in-memory fake."""

from __future__ import annotations

import logging
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from stage_hall.chat.models import Chat, ChatRow

logger = logging.getLogger(__name__)


class ChatRepository(Protocol):
    """What the chat services need from storage."""

    def add(self, name: str) -> Chat: ...

    def get(self, item_id: int) -> Chat | None: ...

    def all(self) -> list[Chat]: ...


class InMemoryChatRepository:
    """Keeps chat in a dict; for unit tests."""

    def __init__(self) -> None:
        self._items: dict[int, Chat] = {}

    def add(self, name: str) -> Chat:
        item_id = len(self._items) + 1
        item = Chat(name=name, id=item_id)
        self._items[item_id] = item
        return item

    def get(self, item_id: int) -> Chat | None:
        return self._items.get(item_id)

    def all(self) -> list[Chat]:
        return list(self._items.values())


class SqlAlchemyChatRepository:
    """Chat storage in the ``chat`` table; the caller owns the transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, name: str) -> Chat:
        row = ChatRow(name=name)
        self._session.add(row)
        self._session.flush()
        logger.debug("added chat row %s", row.id)
        return row.to_entity()

    def get(self, item_id: int) -> Chat | None:
        row = self._session.get(ChatRow, item_id)
        return row.to_entity() if row is not None else None

    def all(self) -> list[Chat]:
        rows = self._session.scalars(select(ChatRow).order_by(ChatRow.id))
        return [row.to_entity() for row in rows]

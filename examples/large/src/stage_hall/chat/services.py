"""The chat use cases: list, create and fetch entries."""

from __future__ import annotations

import logging
from collections.abc import Callable

from stage_hall.chat.models import Chat, ChatNotFound, validate_name
from stage_hall.chat.repository import ChatRepository

logger = logging.getLogger(__name__)


class ChatService:
    """List, create and fetch chat entries."""

    def __init__(
        self, repository: ChatRepository, commit: Callable[[], None] | None = None
    ) -> None:
        self._repository = repository
        self._commit = commit or (lambda: None)

    def all(self) -> list[Chat]:
        return self._repository.all()

    def create(self, name: str) -> Chat:
        item = self._repository.add(validate_name(name))
        self._commit()
        logger.info("created chat %s", item.id)
        return item

    def get(self, item_id: int) -> Chat:
        item = self._repository.get(item_id)
        if item is None:
            raise ChatNotFound(item_id)
        return item

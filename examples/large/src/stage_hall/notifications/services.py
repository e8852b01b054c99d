"""The notifications use cases: list, create and fetch entries."""

from __future__ import annotations

import logging
from collections.abc import Callable

from stage_hall.notifications.models import Notification, NotificationNotFound, validate_name
from stage_hall.notifications.repository import NotificationRepository

logger = logging.getLogger(__name__)


class NotificationService:
    """List, create and fetch notifications entries."""

    def __init__(
        self, repository: NotificationRepository, commit: Callable[[], None] | None = None
    ) -> None:
        self._repository = repository
        self._commit = commit or (lambda: None)

    def all(self) -> list[Notification]:
        return self._repository.all()

    def create(self, name: str) -> Notification:
        item = self._repository.add(validate_name(name))
        self._commit()
        logger.info("created notification %s", item.id)
        return item

    def get(self, item_id: int) -> Notification:
        item = self._repository.get(item_id)
        if item is None:
            raise NotificationNotFound(item_id)
        return item

"""The notifications use cases: list, create and fetch entries."""

from __future__ import annotations

import logging
from collections.abc import Callable

from stage_hall.notifications.models import Notifications, NotificationsNotFound, validate_name
from stage_hall.notifications.repository import NotificationsRepository

logger = logging.getLogger(__name__)


class NotificationsService:
    """List, create and fetch notifications entries."""

    def __init__(
        self, repository: NotificationsRepository, commit: Callable[[], None] | None = None
    ) -> None:
        self._repository = repository
        self._commit = commit or (lambda: None)

    def all(self) -> list[Notifications]:
        return self._repository.all()

    def create(self, name: str) -> Notifications:
        item = self._repository.add(validate_name(name))
        self._commit()
        logger.info("created notifications entry %s", item.id)
        return item

    def get(self, item_id: int) -> Notifications:
        item = self._repository.get(item_id)
        if item is None:
            raise NotificationsNotFound(item_id)
        return item

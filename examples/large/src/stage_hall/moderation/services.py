"""The moderation use cases: list, create and fetch entries."""

from __future__ import annotations

import logging
from collections.abc import Callable

from stage_hall.moderation.models import Moderation, ModerationNotFound, validate_name
from stage_hall.moderation.repository import ModerationRepository

logger = logging.getLogger(__name__)


class ModerationService:
    """List, create and fetch moderation entries."""

    def __init__(
        self, repository: ModerationRepository, commit: Callable[[], None] | None = None
    ) -> None:
        self._repository = repository
        self._commit = commit or (lambda: None)

    def all(self) -> list[Moderation]:
        return self._repository.all()

    def create(self, name: str) -> Moderation:
        item = self._repository.add(validate_name(name))
        self._commit()
        logger.info("created moderation %s", item.id)
        return item

    def get(self, item_id: int) -> Moderation:
        item = self._repository.get(item_id)
        if item is None:
            raise ModerationNotFound(item_id)
        return item

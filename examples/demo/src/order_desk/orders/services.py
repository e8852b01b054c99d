"""The orders use cases: list, create and fetch entries."""

from __future__ import annotations

import logging
from collections.abc import Callable

from order_desk.orders.models import Orders, OrdersNotFound, validate_name
from order_desk.orders.repository import OrdersRepository

logger = logging.getLogger(__name__)


class OrdersService:
    """List, create and fetch orders entries."""

    def __init__(
        self, repository: OrdersRepository, commit: Callable[[], None] | None = None
    ) -> None:
        self._repository = repository
        self._commit = commit or (lambda: None)

    def all(self) -> list[Orders]:
        return self._repository.all()

    def create(self, name: str) -> Orders:
        item = self._repository.add(validate_name(name))
        self._commit()
        logger.info("created orders entry %s", item.id)
        return item

    def get(self, item_id: int) -> Orders:
        item = self._repository.get(item_id)
        if item is None:
            raise OrdersNotFound(item_id)
        return item

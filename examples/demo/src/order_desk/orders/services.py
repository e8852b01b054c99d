"""The orders use cases: list, create and fetch entries."""

from __future__ import annotations

import logging
from collections.abc import Callable

from order_desk.orders.models import Order, OrderNotFound, validate_name
from order_desk.orders.repository import OrderRepository

logger = logging.getLogger(__name__)


class OrderService:
    """List, create and fetch orders entries."""

    def __init__(
        self, repository: OrderRepository, commit: Callable[[], None] | None = None
    ) -> None:
        self._repository = repository
        self._commit = commit or (lambda: None)

    def all(self) -> list[Order]:
        return self._repository.all()

    def create(self, name: str) -> Order:
        item = self._repository.add(validate_name(name))
        self._commit()
        logger.info("created order %s", item.id)
        return item

    def get(self, item_id: int) -> Order:
        item = self._repository.get(item_id)
        if item is None:
            raise OrderNotFound(item_id)
        return item

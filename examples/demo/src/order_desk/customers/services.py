"""The customers use cases: list, create and fetch entries."""

from __future__ import annotations

import logging
from collections.abc import Callable

from order_desk.customers.models import Customers, CustomersNotFound, validate_name
from order_desk.customers.repository import CustomersRepository

logger = logging.getLogger(__name__)


class CustomersService:
    """List, create and fetch customers entries."""

    def __init__(
        self, repository: CustomersRepository, commit: Callable[[], None] | None = None
    ) -> None:
        self._repository = repository
        self._commit = commit or (lambda: None)

    def all(self) -> list[Customers]:
        return self._repository.all()

    def create(self, name: str) -> Customers:
        item = self._repository.add(validate_name(name))
        self._commit()
        logger.info("created customers entry %s", item.id)
        return item

    def get(self, item_id: int) -> Customers:
        item = self._repository.get(item_id)
        if item is None:
            raise CustomersNotFound(item_id)
        return item

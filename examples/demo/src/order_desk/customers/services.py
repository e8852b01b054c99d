"""The customers use cases: list, create and fetch entries."""

from __future__ import annotations

import logging
from collections.abc import Callable

from order_desk.customers.models import Customer, CustomerNotFound, validate_name
from order_desk.customers.repository import CustomerRepository

logger = logging.getLogger(__name__)


class CustomerService:
    """List, create and fetch customers entries."""

    def __init__(
        self, repository: CustomerRepository, commit: Callable[[], None] | None = None
    ) -> None:
        self._repository = repository
        self._commit = commit or (lambda: None)

    def all(self) -> list[Customer]:
        return self._repository.all()

    def create(self, name: str) -> Customer:
        item = self._repository.add(validate_name(name))
        self._commit()
        logger.info("created customer %s", item.id)
        return item

    def get(self, item_id: int) -> Customer:
        item = self._repository.get(item_id)
        if item is None:
            raise CustomerNotFound(item_id)
        return item

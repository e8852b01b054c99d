"""The billing use cases: list, create and fetch entries."""

from __future__ import annotations

import logging
from collections.abc import Callable

from stage_hall.billing.models import Billing, BillingNotFound, validate_name
from stage_hall.billing.repository import BillingRepository

logger = logging.getLogger(__name__)


class BillingService:
    """List, create and fetch billing entries."""

    def __init__(
        self, repository: BillingRepository, commit: Callable[[], None] | None = None
    ) -> None:
        self._repository = repository
        self._commit = commit or (lambda: None)

    def all(self) -> list[Billing]:
        return self._repository.all()

    def create(self, name: str) -> Billing:
        item = self._repository.add(validate_name(name))
        self._commit()
        logger.info("created billing %s", item.id)
        return item

    def get(self, item_id: int) -> Billing:
        item = self._repository.get(item_id)
        if item is None:
            raise BillingNotFound(item_id)
        return item

"""The accounts use cases: list, create and fetch entries."""

from __future__ import annotations

import logging
from collections.abc import Callable

from stage_hall.accounts.models import Accounts, AccountsNotFound, validate_name
from stage_hall.accounts.repository import AccountsRepository

logger = logging.getLogger(__name__)


class AccountsService:
    """List, create and fetch accounts entries."""

    def __init__(
        self, repository: AccountsRepository, commit: Callable[[], None] | None = None
    ) -> None:
        self._repository = repository
        self._commit = commit or (lambda: None)

    def all(self) -> list[Accounts]:
        return self._repository.all()

    def create(self, name: str) -> Accounts:
        item = self._repository.add(validate_name(name))
        self._commit()
        logger.info("created accounts entry %s", item.id)
        return item

    def get(self, item_id: int) -> Accounts:
        item = self._repository.get(item_id)
        if item is None:
            raise AccountsNotFound(item_id)
        return item

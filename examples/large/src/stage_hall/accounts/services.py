"""The accounts use cases: list, create and fetch entries."""

from __future__ import annotations

import logging
from collections.abc import Callable

from stage_hall.accounts.models import Account, AccountNotFound, validate_name
from stage_hall.accounts.repository import AccountRepository

logger = logging.getLogger(__name__)


class AccountService:
    """List, create and fetch accounts entries."""

    def __init__(
        self, repository: AccountRepository, commit: Callable[[], None] | None = None
    ) -> None:
        self._repository = repository
        self._commit = commit or (lambda: None)

    def all(self) -> list[Account]:
        return self._repository.all()

    def create(self, name: str) -> Account:
        item = self._repository.add(validate_name(name))
        self._commit()
        logger.info("created account %s", item.id)
        return item

    def get(self, item_id: int) -> Account:
        item = self._repository.get(item_id)
        if item is None:
            raise AccountNotFound(item_id)
        return item

"""The accounts use cases: list, create and fetch entries; framework- and ORM-free."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import structlog

from ledger_core.domain.accounts import Accounts, AccountsNotFound, validate_name
from ledger_core.unit_of_work import UnitOfWork

logger = structlog.get_logger(__name__)


class AccountsRepository(Protocol):
    """The port: what these use cases need from storage. Adapters implement it."""

    def add(self, name: str) -> Accounts: ...

    def get(self, item_id: int) -> Accounts | None: ...

    def all(self) -> list[Accounts]: ...


class AccountsService:
    """List, create and fetch accounts entries."""

    def __init__(
        self,
        unit_of_work: Callable[[], UnitOfWork],
        repository: Callable[[UnitOfWork], AccountsRepository],
    ) -> None:
        self._unit_of_work = unit_of_work
        self._repository = repository

    def all(self) -> list[Accounts]:
        with self._unit_of_work() as uow:
            return self._repository(uow).all()

    def create(self, name: str) -> Accounts:
        cleaned = validate_name(name)
        with self._unit_of_work() as uow:
            item = self._repository(uow).add(cleaned)
            uow.commit()
        logger.info("created accounts entry %s", item.id)
        return item

    def get(self, item_id: int) -> Accounts:
        with self._unit_of_work() as uow:
            item = self._repository(uow).get(item_id)
        if item is None:
            raise AccountsNotFound(item_id)
        return item

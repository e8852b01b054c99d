"""The accounts use cases: list, create and fetch entries; framework- and ORM-free."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import structlog

from ledger_core.domain.accounts import Account, AccountNotFound, validate_name
from ledger_core.unit_of_work import UnitOfWork

logger = structlog.get_logger(__name__)


class AccountRepository(Protocol):
    """The port: what these use cases need from storage. Adapters implement it."""

    def add(self, name: str) -> Account: ...

    def get(self, item_id: int) -> Account | None: ...

    def all(self) -> list[Account]: ...


class AccountService:
    """List, create and fetch accounts entries."""

    def __init__(
        self,
        unit_of_work: Callable[[], UnitOfWork],
        repository: Callable[[UnitOfWork], AccountRepository],
    ) -> None:
        self._unit_of_work = unit_of_work
        self._repository = repository

    def all(self) -> list[Account]:
        with self._unit_of_work() as uow:
            return self._repository(uow).all()

    def create(self, name: str) -> Account:
        cleaned = validate_name(name)
        with self._unit_of_work() as uow:
            item = self._repository(uow).add(cleaned)
            uow.commit()
        logger.info("created account %s", item.id)
        return item

    def get(self, item_id: int) -> Account:
        with self._unit_of_work() as uow:
            item = self._repository(uow).get(item_id)
        if item is None:
            raise AccountNotFound(item_id)
        return item

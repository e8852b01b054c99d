"""The postings use cases: list, create and fetch entries; framework- and ORM-free."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import structlog

from ledger_core.domain.postings import Posting, PostingNotFound, validate_name
from ledger_core.unit_of_work import UnitOfWork

logger = structlog.get_logger(__name__)


class PostingRepository(Protocol):
    """The port: what these use cases need from storage. Adapters implement it."""

    def add(self, name: str) -> Posting: ...

    def get(self, item_id: int) -> Posting | None: ...

    def all(self) -> list[Posting]: ...


class PostingService:
    """List, create and fetch postings entries."""

    def __init__(
        self,
        unit_of_work: Callable[[], UnitOfWork],
        repository: Callable[[UnitOfWork], PostingRepository],
    ) -> None:
        self._unit_of_work = unit_of_work
        self._repository = repository

    def all(self) -> list[Posting]:
        with self._unit_of_work() as uow:
            return self._repository(uow).all()

    def create(self, name: str) -> Posting:
        cleaned = validate_name(name)
        with self._unit_of_work() as uow:
            item = self._repository(uow).add(cleaned)
            uow.commit()
        logger.info("created posting %s", item.id)
        return item

    def get(self, item_id: int) -> Posting:
        with self._unit_of_work() as uow:
            item = self._repository(uow).get(item_id)
        if item is None:
            raise PostingNotFound(item_id)
        return item

"""A small dependency injection container: providers registered by type, resolved on demand."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import structlog

from ledger_core.adapters.accounts import SqlAlchemyAccountRepository
from ledger_core.adapters.postings import SqlAlchemyPostingRepository
from ledger_core.database import Database
from ledger_core.services.accounts import AccountService
from ledger_core.services.postings import PostingService
from ledger_core.unit_of_work import UnitOfWork

logger = structlog.get_logger(__name__)

T = TypeVar("T")


class Container:
    """Maps a type to the function that provides an instance of it."""

    def __init__(self) -> None:
        self._providers: dict[type[Any], Callable[[], Any]] = {}

    def register(self, kind: type[T], provider: Callable[[], T]) -> None:
        self._providers[kind] = provider

    def resolve(self, kind: type[T]) -> T:
        try:
            provider = self._providers[kind]
        except KeyError:
            raise LookupError(f"nothing provides {kind.__name__}") from None
        instance: T = provider()
        return instance


def build_container(options: Mapping[str, Any], database: Database) -> Container:
    """Register every provider of one app."""
    container = Container()

    def accounts_service() -> AccountService:

        def repository(uow: UnitOfWork) -> SqlAlchemyAccountRepository:
            return SqlAlchemyAccountRepository(uow.session)  # type: ignore[attr-defined]

        return AccountService(database.unit_of_work, repository)

    container.register(AccountService, accounts_service)

    def postings_service() -> PostingService:

        def repository(uow: UnitOfWork) -> SqlAlchemyPostingRepository:
            return SqlAlchemyPostingRepository(uow.session)  # type: ignore[attr-defined]

        return PostingService(database.unit_of_work, repository)

    container.register(PostingService, postings_service)
    return container

"""The unit of work: one use case, one transaction. Free of Flask and SQLAlchemy."""

from __future__ import annotations

from typing import Protocol

import structlog

logger = structlog.get_logger(__name__)


class UnitOfWork(Protocol):
    """Use as ``with uow: ...; uow.commit()``; leaving without commit rolls back."""

    def __enter__(self) -> UnitOfWork: ...

    def __exit__(self, *exc: object) -> None: ...

    def commit(self) -> None: ...


class FakeUnitOfWork:
    """An in-memory unit of work for unit tests: records commits, stores nothing."""

    def __init__(self) -> None:
        self.commits = 0

    def __enter__(self) -> FakeUnitOfWork:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def commit(self) -> None:
        self.commits += 1

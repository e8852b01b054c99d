"""Account storage: the in-memory fake and the SQLAlchemy repository behave alike."""

from __future__ import annotations

from ledger_core.adapters.accounts import InMemoryAccountRepository, SqlAlchemyAccountRepository
from ledger_core.app import Application


def test_in_memory_repository() -> None:
    repository = InMemoryAccountRepository()
    added = repository.add("Ada")
    assert repository.get(added.id or 0) == added
    assert repository.all() == [added]
    assert repository.get(999) is None


def test_sqlalchemy_repository(application: Application) -> None:
    with application.database.unit_of_work() as uow:
        repository = SqlAlchemyAccountRepository(uow.session)
        added = repository.add("Ada")
        assert added.id is not None
        assert repository.get(added.id) == added
        assert repository.all() == [added]
        assert repository.get(999) is None

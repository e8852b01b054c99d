"""The accounts use cases, run against in-memory fakes."""

from __future__ import annotations

import pytest

from ledger_core.adapters.accounts import InMemoryAccountRepository
from ledger_core.domain.accounts import AccountNotFound, InvalidAccount
from ledger_core.services.accounts import AccountService
from ledger_core.unit_of_work import FakeUnitOfWork


@pytest.fixture
def service() -> AccountService:
    repository = InMemoryAccountRepository()
    return AccountService(FakeUnitOfWork, lambda uow: repository)


def test_create_and_list(service: AccountService) -> None:
    created = service.create("  Ada ")
    assert created.name == "Ada"
    assert service.all() == [created]
    assert service.get(created.id or 0) == created


def test_invalid_name(service: AccountService) -> None:
    with pytest.raises(InvalidAccount):
        service.create("")


def test_missing_entry(service: AccountService) -> None:
    with pytest.raises(AccountNotFound):
        service.get(12345)

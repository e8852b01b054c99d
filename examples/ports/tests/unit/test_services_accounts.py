"""The accounts use cases, run against in-memory fakes."""

from __future__ import annotations

import pytest

from ledger_core.adapters.accounts import InMemoryAccountsRepository
from ledger_core.domain.accounts import AccountsNotFound, InvalidAccounts
from ledger_core.services.accounts import AccountsService
from ledger_core.unit_of_work import FakeUnitOfWork


@pytest.fixture
def service() -> AccountsService:
    repository = InMemoryAccountsRepository()
    return AccountsService(FakeUnitOfWork, lambda uow: repository)


def test_create_and_list(service: AccountsService) -> None:
    created = service.create("  Ada ")
    assert created.name == "Ada"
    assert service.all() == [created]
    assert service.get(created.id or 0) == created


def test_invalid_name(service: AccountsService) -> None:
    with pytest.raises(InvalidAccounts):
        service.create("")


def test_missing_entry(service: AccountsService) -> None:
    with pytest.raises(AccountsNotFound):
        service.get(12345)

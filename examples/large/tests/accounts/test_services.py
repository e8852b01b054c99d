"""The accounts use cases, run against in-memory fakes."""

from __future__ import annotations

import pytest

from stage_hall.accounts.models import AccountsNotFound, InvalidAccounts
from stage_hall.accounts.repository import InMemoryAccountsRepository
from stage_hall.accounts.services import AccountsService


@pytest.fixture
def service() -> AccountsService:
    return AccountsService(InMemoryAccountsRepository())


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

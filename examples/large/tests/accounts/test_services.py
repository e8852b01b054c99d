"""The accounts use cases, run against in-memory fakes."""

from __future__ import annotations

import pytest

from stage_hall.accounts.models import AccountNotFound, InvalidAccount
from stage_hall.accounts.repository import InMemoryAccountRepository
from stage_hall.accounts.services import AccountService


@pytest.fixture
def service() -> AccountService:
    return AccountService(InMemoryAccountRepository())


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

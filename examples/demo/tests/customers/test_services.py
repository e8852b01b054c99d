"""The customers use cases, run against in-memory fakes."""

from __future__ import annotations

import pytest

from order_desk.customers.models import CustomersNotFound, InvalidCustomers
from order_desk.customers.repository import InMemoryCustomersRepository
from order_desk.customers.services import CustomersService


@pytest.fixture
def service() -> CustomersService:
    return CustomersService(InMemoryCustomersRepository())


def test_create_and_list(service: CustomersService) -> None:
    created = service.create("  Ada ")
    assert created.name == "Ada"
    assert service.all() == [created]
    assert service.get(created.id or 0) == created


def test_invalid_name(service: CustomersService) -> None:
    with pytest.raises(InvalidCustomers):
        service.create("")


def test_missing_entry(service: CustomersService) -> None:
    with pytest.raises(CustomersNotFound):
        service.get(12345)

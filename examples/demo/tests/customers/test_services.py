"""The customers use cases, run against in-memory fakes."""

from __future__ import annotations

import pytest

from order_desk.customers.models import CustomerNotFound, InvalidCustomer
from order_desk.customers.repository import InMemoryCustomerRepository
from order_desk.customers.services import CustomerService


@pytest.fixture
def service() -> CustomerService:
    return CustomerService(InMemoryCustomerRepository())


def test_create_and_list(service: CustomerService) -> None:
    created = service.create("  Ada ")
    assert created.name == "Ada"
    assert service.all() == [created]
    assert service.get(created.id or 0) == created


def test_invalid_name(service: CustomerService) -> None:
    with pytest.raises(InvalidCustomer):
        service.create("")


def test_missing_entry(service: CustomerService) -> None:
    with pytest.raises(CustomerNotFound):
        service.get(12345)

"""The orders use cases, run against in-memory fakes."""

from __future__ import annotations

import pytest

from order_desk.orders.models import InvalidOrder, OrderNotFound
from order_desk.orders.repository import InMemoryOrderRepository
from order_desk.orders.services import OrderService


@pytest.fixture
def service() -> OrderService:
    return OrderService(InMemoryOrderRepository())


def test_create_and_list(service: OrderService) -> None:
    created = service.create("  Ada ")
    assert created.name == "Ada"
    assert service.all() == [created]
    assert service.get(created.id or 0) == created


def test_invalid_name(service: OrderService) -> None:
    with pytest.raises(InvalidOrder):
        service.create("")


def test_missing_entry(service: OrderService) -> None:
    with pytest.raises(OrderNotFound):
        service.get(12345)

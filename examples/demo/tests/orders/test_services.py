"""The orders use cases, run against in-memory fakes."""

from __future__ import annotations

import pytest

from order_desk.orders.models import InvalidOrders, OrdersNotFound
from order_desk.orders.repository import InMemoryOrdersRepository
from order_desk.orders.services import OrdersService


@pytest.fixture
def service() -> OrdersService:
    return OrdersService(InMemoryOrdersRepository())


def test_create_and_list(service: OrdersService) -> None:
    created = service.create("  Ada ")
    assert created.name == "Ada"
    assert service.all() == [created]
    assert service.get(created.id or 0) == created


def test_invalid_name(service: OrdersService) -> None:
    with pytest.raises(InvalidOrders):
        service.create("")


def test_missing_entry(service: OrdersService) -> None:
    with pytest.raises(OrdersNotFound):
        service.get(12345)

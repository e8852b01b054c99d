"""The billing use cases, run against in-memory fakes."""

from __future__ import annotations

import pytest

from stage_hall.billing.models import BillingNotFound, InvalidBilling
from stage_hall.billing.repository import InMemoryBillingRepository
from stage_hall.billing.services import BillingService


@pytest.fixture
def service() -> BillingService:
    return BillingService(InMemoryBillingRepository())


def test_create_and_list(service: BillingService) -> None:
    created = service.create("  Ada ")
    assert created.name == "Ada"
    assert service.all() == [created]
    assert service.get(created.id or 0) == created


def test_invalid_name(service: BillingService) -> None:
    with pytest.raises(InvalidBilling):
        service.create("")


def test_missing_entry(service: BillingService) -> None:
    with pytest.raises(BillingNotFound):
        service.get(12345)

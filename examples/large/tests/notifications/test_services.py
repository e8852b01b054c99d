"""The notifications use cases, run against in-memory fakes."""

from __future__ import annotations

import pytest

from stage_hall.notifications.models import InvalidNotification, NotificationNotFound
from stage_hall.notifications.repository import InMemoryNotificationRepository
from stage_hall.notifications.services import NotificationService


@pytest.fixture
def service() -> NotificationService:
    return NotificationService(InMemoryNotificationRepository())


def test_create_and_list(service: NotificationService) -> None:
    created = service.create("  Ada ")
    assert created.name == "Ada"
    assert service.all() == [created]
    assert service.get(created.id or 0) == created


def test_invalid_name(service: NotificationService) -> None:
    with pytest.raises(InvalidNotification):
        service.create("")


def test_missing_entry(service: NotificationService) -> None:
    with pytest.raises(NotificationNotFound):
        service.get(12345)

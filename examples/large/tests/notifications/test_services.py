"""The notifications use cases, run against in-memory fakes."""

from __future__ import annotations

import pytest

from stage_hall.notifications.models import InvalidNotifications, NotificationsNotFound
from stage_hall.notifications.repository import InMemoryNotificationsRepository
from stage_hall.notifications.services import NotificationsService


@pytest.fixture
def service() -> NotificationsService:
    return NotificationsService(InMemoryNotificationsRepository())


def test_create_and_list(service: NotificationsService) -> None:
    created = service.create("  Ada ")
    assert created.name == "Ada"
    assert service.all() == [created]
    assert service.get(created.id or 0) == created


def test_invalid_name(service: NotificationsService) -> None:
    with pytest.raises(InvalidNotifications):
        service.create("")


def test_missing_entry(service: NotificationsService) -> None:
    with pytest.raises(NotificationsNotFound):
        service.get(12345)

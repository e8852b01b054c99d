"""The rooms use cases, run against in-memory fakes."""

from __future__ import annotations

import pytest

from stage_hall.rooms.models import InvalidRoom, RoomNotFound
from stage_hall.rooms.repository import InMemoryRoomRepository
from stage_hall.rooms.services import RoomService


@pytest.fixture
def service() -> RoomService:
    return RoomService(InMemoryRoomRepository())


def test_create_and_list(service: RoomService) -> None:
    created = service.create("  Ada ")
    assert created.name == "Ada"
    assert service.all() == [created]
    assert service.get(created.id or 0) == created


def test_invalid_name(service: RoomService) -> None:
    with pytest.raises(InvalidRoom):
        service.create("")


def test_missing_entry(service: RoomService) -> None:
    with pytest.raises(RoomNotFound):
        service.get(12345)

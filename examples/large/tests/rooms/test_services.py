"""The rooms use cases, run against in-memory fakes."""

from __future__ import annotations

import pytest

from stage_hall.rooms.models import InvalidRooms, RoomsNotFound
from stage_hall.rooms.repository import InMemoryRoomsRepository
from stage_hall.rooms.services import RoomsService


@pytest.fixture
def service() -> RoomsService:
    return RoomsService(InMemoryRoomsRepository())


def test_create_and_list(service: RoomsService) -> None:
    created = service.create("  Ada ")
    assert created.name == "Ada"
    assert service.all() == [created]
    assert service.get(created.id or 0) == created


def test_invalid_name(service: RoomsService) -> None:
    with pytest.raises(InvalidRooms):
        service.create("")


def test_missing_entry(service: RoomsService) -> None:
    with pytest.raises(RoomsNotFound):
        service.get(12345)

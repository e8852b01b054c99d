"""The moderation use cases, run against in-memory fakes."""

from __future__ import annotations

import pytest

from stage_hall.moderation.models import InvalidModeration, ModerationNotFound
from stage_hall.moderation.repository import InMemoryModerationRepository
from stage_hall.moderation.services import ModerationService


@pytest.fixture
def service() -> ModerationService:
    return ModerationService(InMemoryModerationRepository())


def test_create_and_list(service: ModerationService) -> None:
    created = service.create("  Ada ")
    assert created.name == "Ada"
    assert service.all() == [created]
    assert service.get(created.id or 0) == created


def test_invalid_name(service: ModerationService) -> None:
    with pytest.raises(InvalidModeration):
        service.create("")


def test_missing_entry(service: ModerationService) -> None:
    with pytest.raises(ModerationNotFound):
        service.get(12345)

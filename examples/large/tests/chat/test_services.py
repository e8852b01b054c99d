"""The chat use cases, run against in-memory fakes."""

from __future__ import annotations

import pytest

from stage_hall.chat.models import ChatNotFound, InvalidChat
from stage_hall.chat.repository import InMemoryChatRepository
from stage_hall.chat.services import ChatService


@pytest.fixture
def service() -> ChatService:
    return ChatService(InMemoryChatRepository())


def test_create_and_list(service: ChatService) -> None:
    created = service.create("  Ada ")
    assert created.name == "Ada"
    assert service.all() == [created]
    assert service.get(created.id or 0) == created


def test_invalid_name(service: ChatService) -> None:
    with pytest.raises(InvalidChat):
        service.create("")


def test_missing_entry(service: ChatService) -> None:
    with pytest.raises(ChatNotFound):
        service.get(12345)

"""The playlists use cases, run against in-memory fakes."""

from __future__ import annotations

import pytest

from stage_hall.playlists.models import InvalidPlaylist, PlaylistNotFound
from stage_hall.playlists.repository import InMemoryPlaylistRepository
from stage_hall.playlists.services import PlaylistService


@pytest.fixture
def service() -> PlaylistService:
    return PlaylistService(InMemoryPlaylistRepository())


def test_create_and_list(service: PlaylistService) -> None:
    created = service.create("  Ada ")
    assert created.name == "Ada"
    assert service.all() == [created]
    assert service.get(created.id or 0) == created


def test_invalid_name(service: PlaylistService) -> None:
    with pytest.raises(InvalidPlaylist):
        service.create("")


def test_missing_entry(service: PlaylistService) -> None:
    with pytest.raises(PlaylistNotFound):
        service.get(12345)

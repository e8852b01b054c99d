"""The playlists use cases, run against in-memory fakes."""

from __future__ import annotations

import pytest

from stage_hall.playlists.models import InvalidPlaylists, PlaylistsNotFound
from stage_hall.playlists.repository import InMemoryPlaylistsRepository
from stage_hall.playlists.services import PlaylistsService


@pytest.fixture
def service() -> PlaylistsService:
    return PlaylistsService(InMemoryPlaylistsRepository())


def test_create_and_list(service: PlaylistsService) -> None:
    created = service.create("  Ada ")
    assert created.name == "Ada"
    assert service.all() == [created]
    assert service.get(created.id or 0) == created


def test_invalid_name(service: PlaylistsService) -> None:
    with pytest.raises(InvalidPlaylists):
        service.create("")


def test_missing_entry(service: PlaylistsService) -> None:
    with pytest.raises(PlaylistsNotFound):
        service.get(12345)

"""The search use cases, run against in-memory fakes."""

from __future__ import annotations

import pytest

from stage_hall.search.models import InvalidSearch, SearchNotFound
from stage_hall.search.repository import InMemorySearchRepository
from stage_hall.search.services import SearchService


@pytest.fixture
def service() -> SearchService:
    return SearchService(InMemorySearchRepository())


def test_create_and_list(service: SearchService) -> None:
    created = service.create("  Ada ")
    assert created.name == "Ada"
    assert service.all() == [created]
    assert service.get(created.id or 0) == created


def test_invalid_name(service: SearchService) -> None:
    with pytest.raises(InvalidSearch):
        service.create("")


def test_missing_entry(service: SearchService) -> None:
    with pytest.raises(SearchNotFound):
        service.get(12345)

"""The postings use cases, run against in-memory fakes."""

from __future__ import annotations

import pytest

from ledger_core.adapters.postings import InMemoryPostingsRepository
from ledger_core.domain.postings import InvalidPostings, PostingsNotFound
from ledger_core.services.postings import PostingsService
from ledger_core.unit_of_work import FakeUnitOfWork


@pytest.fixture
def service() -> PostingsService:
    repository = InMemoryPostingsRepository()
    return PostingsService(FakeUnitOfWork, lambda uow: repository)


def test_create_and_list(service: PostingsService) -> None:
    created = service.create("  Ada ")
    assert created.name == "Ada"
    assert service.all() == [created]
    assert service.get(created.id or 0) == created


def test_invalid_name(service: PostingsService) -> None:
    with pytest.raises(InvalidPostings):
        service.create("")


def test_missing_entry(service: PostingsService) -> None:
    with pytest.raises(PostingsNotFound):
        service.get(12345)

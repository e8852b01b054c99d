"""The postings use cases, run against in-memory fakes."""

from __future__ import annotations

import pytest

from ledger_core.adapters.postings import InMemoryPostingRepository
from ledger_core.domain.postings import InvalidPosting, PostingNotFound
from ledger_core.services.postings import PostingService
from ledger_core.unit_of_work import FakeUnitOfWork


@pytest.fixture
def service() -> PostingService:
    repository = InMemoryPostingRepository()
    return PostingService(FakeUnitOfWork, lambda uow: repository)


def test_create_and_list(service: PostingService) -> None:
    created = service.create("  Ada ")
    assert created.name == "Ada"
    assert service.all() == [created]
    assert service.get(created.id or 0) == created


def test_invalid_name(service: PostingService) -> None:
    with pytest.raises(InvalidPosting):
        service.create("")


def test_missing_entry(service: PostingService) -> None:
    with pytest.raises(PostingNotFound):
        service.get(12345)

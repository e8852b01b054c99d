"""The unit-of-work protocol and its in-memory fake."""

from __future__ import annotations

from ledger_core.unit_of_work import FakeUnitOfWork


def test_fake_counts_commits() -> None:
    uow = FakeUnitOfWork()
    with uow:
        uow.commit()
    assert uow.commits == 1

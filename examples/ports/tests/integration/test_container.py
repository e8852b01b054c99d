"""The container resolves every registered service and refuses unknown types."""

from __future__ import annotations

import pytest

from ledger_core.app import Application
from ledger_core.container import Container
from ledger_core.services.accounts import AccountService
from ledger_core.services.postings import PostingService


def test_services_are_resolved(application: Application) -> None:
    assert application.container.resolve(AccountService).all() == []
    assert application.container.resolve(PostingService).all() == []


def test_unknown_type_is_refused() -> None:
    with pytest.raises(LookupError, match="nothing provides int"):
        Container().resolve(int)

"""Rules of a posting."""

from __future__ import annotations

import pytest

from ledger_core.domain.postings import InvalidPosting, Posting, validate_name


def test_names_are_cleaned() -> None:
    assert validate_name("  Ada   Lovelace ") == "Ada Lovelace"


@pytest.mark.parametrize("name", ["", "   ", "x" * 101])
def test_bad_names_are_refused(name: str) -> None:
    with pytest.raises(InvalidPosting):
        validate_name(name)


def test_new_entries_have_no_id() -> None:
    assert Posting(name="Ada").id is None

"""Rules of a search."""

from __future__ import annotations

import pytest

from stage_hall.search.models import InvalidSearch, Search, validate_name


def test_names_are_cleaned() -> None:
    assert validate_name("  Ada   Lovelace ") == "Ada Lovelace"


@pytest.mark.parametrize("name", ["", "   ", "x" * 101])
def test_bad_names_are_refused(name: str) -> None:
    with pytest.raises(InvalidSearch):
        validate_name(name)


def test_new_entries_have_no_id() -> None:
    assert Search(name="Ada").id is None

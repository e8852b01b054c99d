"""Rules of a notifications entry."""

from __future__ import annotations

import pytest

from stage_hall.notifications.models import InvalidNotifications, Notifications, validate_name


def test_names_are_cleaned() -> None:
    assert validate_name("  Ada   Lovelace ") == "Ada Lovelace"


@pytest.mark.parametrize("name", ["", "   ", "x" * 101])
def test_bad_names_are_refused(name: str) -> None:
    with pytest.raises(InvalidNotifications):
        validate_name(name)


def test_new_entries_have_no_id() -> None:
    assert Notifications(name="Ada").id is None

"""Accounts: the accounts feature's domain model (no framework, no ORM)."""

from __future__ import annotations

from dataclasses import dataclass

import structlog

logger = structlog.get_logger(__name__)

NAME_MAX_LENGTH = 100


class InvalidAccounts(ValueError):
    """The data given for a accounts entry breaks a rule."""


class AccountsNotFound(LookupError):
    """No accounts entry has this id."""


@dataclass
class Accounts:
    """One accounts entry."""

    name: str
    id: int | None = None


def validate_name(name: str) -> str:
    """The cleaned name, or ``InvalidAccounts`` when it is empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidAccounts("a name is required")
    if len(cleaned) > NAME_MAX_LENGTH:
        raise InvalidAccounts(f"a name has at most {NAME_MAX_LENGTH} characters")
    return cleaned

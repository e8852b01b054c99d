"""Account: the accounts feature's domain model (no framework, no ORM)."""

from __future__ import annotations

from dataclasses import dataclass

import structlog

logger = structlog.get_logger(__name__)

NAME_MAX_LENGTH = 100


class InvalidAccount(ValueError):
    """The data given for a account breaks a rule."""


class AccountNotFound(LookupError):
    """No account has this id."""


@dataclass
class Account:
    """One account."""

    name: str
    id: int | None = None


def validate_name(name: str) -> str:
    """The cleaned name, or ``InvalidAccount`` when it is empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidAccount("a name is required")
    if len(cleaned) > NAME_MAX_LENGTH:
        raise InvalidAccount(f"a name has at most {NAME_MAX_LENGTH} characters")
    return cleaned

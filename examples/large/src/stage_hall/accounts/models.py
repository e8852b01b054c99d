"""Accounts: the accounts feature's model."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from stage_hall.database import Base

logger = logging.getLogger(__name__)

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


class AccountsRow(Base):
    """The ``accounts`` table."""

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX_LENGTH))

    def to_entity(self) -> Accounts:
        return Accounts(name=self.name, id=self.id)

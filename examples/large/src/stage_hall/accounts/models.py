"""Account: the accounts feature's model."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from stage_hall.database import Base

logger = logging.getLogger(__name__)

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


class AccountRow(Base):
    """The ``accounts`` table."""

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX_LENGTH))

    def to_entity(self) -> Account:
        return Account(name=self.name, id=self.id)

"""Billing: the billing feature's model."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from stage_hall.database import Base

logger = logging.getLogger(__name__)

NAME_MAX_LENGTH = 100


class InvalidBilling(ValueError):
    """The data given for a billing breaks a rule."""


class BillingNotFound(LookupError):
    """No billing has this id."""


@dataclass
class Billing:
    """One billing."""

    name: str
    id: int | None = None


def validate_name(name: str) -> str:
    """The cleaned name, or ``InvalidBilling`` when it is empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidBilling("a name is required")
    if len(cleaned) > NAME_MAX_LENGTH:
        raise InvalidBilling(f"a name has at most {NAME_MAX_LENGTH} characters")
    return cleaned


class BillingRow(Base):
    """The ``billing`` table."""

    __tablename__ = "billing"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX_LENGTH))

    def to_entity(self) -> Billing:
        return Billing(name=self.name, id=self.id)

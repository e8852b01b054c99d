"""Customers: the customers feature's model."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from order_desk.database import Base

logger = logging.getLogger(__name__)

NAME_MAX_LENGTH = 100


class InvalidCustomers(ValueError):
    """The data given for a customers entry breaks a rule."""


class CustomersNotFound(LookupError):
    """No customers entry has this id."""


@dataclass
class Customers:
    """One customers entry."""

    name: str
    id: int | None = None


def validate_name(name: str) -> str:
    """The cleaned name, or ``InvalidCustomers`` when it is empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidCustomers("a name is required")
    if len(cleaned) > NAME_MAX_LENGTH:
        raise InvalidCustomers(f"a name has at most {NAME_MAX_LENGTH} characters")
    return cleaned


class CustomersRow(Base):
    """The ``customers`` table."""

    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX_LENGTH))

    def to_entity(self) -> Customers:
        return Customers(name=self.name, id=self.id)

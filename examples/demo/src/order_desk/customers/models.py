"""Customer: the customers feature's model."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from order_desk.database import Base

logger = logging.getLogger(__name__)

NAME_MAX_LENGTH = 100


class InvalidCustomer(ValueError):
    """The data given for a customer breaks a rule."""


class CustomerNotFound(LookupError):
    """No customer has this id."""


@dataclass
class Customer:
    """One customer."""

    name: str
    id: int | None = None


def validate_name(name: str) -> str:
    """The cleaned name, or ``InvalidCustomer`` when it is empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidCustomer("a name is required")
    if len(cleaned) > NAME_MAX_LENGTH:
        raise InvalidCustomer(f"a name has at most {NAME_MAX_LENGTH} characters")
    return cleaned


class CustomerRow(Base):
    """The ``customers`` table."""

    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX_LENGTH))

    def to_entity(self) -> Customer:
        return Customer(name=self.name, id=self.id)

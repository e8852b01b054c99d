"""Orders: the orders feature's model."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from order_desk.database import Base

logger = logging.getLogger(__name__)

NAME_MAX_LENGTH = 100


class InvalidOrders(ValueError):
    """The data given for a orders entry breaks a rule."""


class OrdersNotFound(LookupError):
    """No orders entry has this id."""


@dataclass
class Orders:
    """One orders entry."""

    name: str
    id: int | None = None


def validate_name(name: str) -> str:
    """The cleaned name, or ``InvalidOrders`` when it is empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidOrders("a name is required")
    if len(cleaned) > NAME_MAX_LENGTH:
        raise InvalidOrders(f"a name has at most {NAME_MAX_LENGTH} characters")
    return cleaned


class OrdersRow(Base):
    """The ``orders`` table."""

    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX_LENGTH))

    def to_entity(self) -> Orders:
        return Orders(name=self.name, id=self.id)

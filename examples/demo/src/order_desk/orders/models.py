"""Order: the orders feature's model."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from order_desk.database import Base

logger = logging.getLogger(__name__)

NAME_MAX_LENGTH = 100


class InvalidOrder(ValueError):
    """The data given for a order breaks a rule."""


class OrderNotFound(LookupError):
    """No order has this id."""


@dataclass
class Order:
    """One order."""

    name: str
    id: int | None = None


def validate_name(name: str) -> str:
    """The cleaned name, or ``InvalidOrder`` when it is empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidOrder("a name is required")
    if len(cleaned) > NAME_MAX_LENGTH:
        raise InvalidOrder(f"a name has at most {NAME_MAX_LENGTH} characters")
    return cleaned


class OrderRow(Base):
    """The ``orders`` table."""

    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX_LENGTH))

    def to_entity(self) -> Order:
        return Order(name=self.name, id=self.id)

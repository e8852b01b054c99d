"""Rooms: the rooms feature's model."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from stage_hall.database import Base

logger = logging.getLogger(__name__)

NAME_MAX_LENGTH = 100


class InvalidRooms(ValueError):
    """The data given for a rooms entry breaks a rule."""


class RoomsNotFound(LookupError):
    """No rooms entry has this id."""


@dataclass
class Rooms:
    """One rooms entry."""

    name: str
    id: int | None = None


def validate_name(name: str) -> str:
    """The cleaned name, or ``InvalidRooms`` when it is empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidRooms("a name is required")
    if len(cleaned) > NAME_MAX_LENGTH:
        raise InvalidRooms(f"a name has at most {NAME_MAX_LENGTH} characters")
    return cleaned


class RoomsRow(Base):
    """The ``rooms`` table."""

    __tablename__ = "rooms"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX_LENGTH))

    def to_entity(self) -> Rooms:
        return Rooms(name=self.name, id=self.id)

"""Room: the rooms feature's model."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from stage_hall.database import Base

logger = logging.getLogger(__name__)

NAME_MAX_LENGTH = 100


class InvalidRoom(ValueError):
    """The data given for a room breaks a rule."""


class RoomNotFound(LookupError):
    """No room has this id."""


@dataclass
class Room:
    """One room."""

    name: str
    id: int | None = None


def validate_name(name: str) -> str:
    """The cleaned name, or ``InvalidRoom`` when it is empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidRoom("a name is required")
    if len(cleaned) > NAME_MAX_LENGTH:
        raise InvalidRoom(f"a name has at most {NAME_MAX_LENGTH} characters")
    return cleaned


class RoomRow(Base):
    """The ``rooms`` table."""

    __tablename__ = "rooms"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX_LENGTH))

    def to_entity(self) -> Room:
        return Room(name=self.name, id=self.id)

"""Chat: the chat feature's model."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from stage_hall.database import Base

logger = logging.getLogger(__name__)

NAME_MAX_LENGTH = 100


class InvalidChat(ValueError):
    """The data given for a chat breaks a rule."""


class ChatNotFound(LookupError):
    """No chat has this id."""


@dataclass
class Chat:
    """One chat."""

    name: str
    id: int | None = None


def validate_name(name: str) -> str:
    """The cleaned name, or ``InvalidChat`` when it is empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidChat("a name is required")
    if len(cleaned) > NAME_MAX_LENGTH:
        raise InvalidChat(f"a name has at most {NAME_MAX_LENGTH} characters")
    return cleaned


class ChatRow(Base):
    """The ``chat`` table."""

    __tablename__ = "chat"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX_LENGTH))

    def to_entity(self) -> Chat:
        return Chat(name=self.name, id=self.id)

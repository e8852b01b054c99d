"""Notification: the notifications feature's model."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from stage_hall.database import Base

logger = logging.getLogger(__name__)

NAME_MAX_LENGTH = 100


class InvalidNotification(ValueError):
    """The data given for a notification breaks a rule."""


class NotificationNotFound(LookupError):
    """No notification has this id."""


@dataclass
class Notification:
    """One notification."""

    name: str
    id: int | None = None


def validate_name(name: str) -> str:
    """The cleaned name, or ``InvalidNotification`` when it is empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidNotification("a name is required")
    if len(cleaned) > NAME_MAX_LENGTH:
        raise InvalidNotification(f"a name has at most {NAME_MAX_LENGTH} characters")
    return cleaned


class NotificationRow(Base):
    """The ``notifications`` table."""

    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX_LENGTH))

    def to_entity(self) -> Notification:
        return Notification(name=self.name, id=self.id)

"""Notifications: the notifications feature's model."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from stage_hall.database import Base

logger = logging.getLogger(__name__)

NAME_MAX_LENGTH = 100


class InvalidNotifications(ValueError):
    """The data given for a notifications entry breaks a rule."""


class NotificationsNotFound(LookupError):
    """No notifications entry has this id."""


@dataclass
class Notifications:
    """One notifications entry."""

    name: str
    id: int | None = None


def validate_name(name: str) -> str:
    """The cleaned name, or ``InvalidNotifications`` when it is empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidNotifications("a name is required")
    if len(cleaned) > NAME_MAX_LENGTH:
        raise InvalidNotifications(f"a name has at most {NAME_MAX_LENGTH} characters")
    return cleaned


class NotificationsRow(Base):
    """The ``notifications`` table."""

    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX_LENGTH))

    def to_entity(self) -> Notifications:
        return Notifications(name=self.name, id=self.id)

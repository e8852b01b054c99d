"""Moderation: the moderation feature's model."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from stage_hall.database import Base

logger = logging.getLogger(__name__)

NAME_MAX_LENGTH = 100


class InvalidModeration(ValueError):
    """The data given for a moderation breaks a rule."""


class ModerationNotFound(LookupError):
    """No moderation has this id."""


@dataclass
class Moderation:
    """One moderation."""

    name: str
    id: int | None = None


def validate_name(name: str) -> str:
    """The cleaned name, or ``InvalidModeration`` when it is empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidModeration("a name is required")
    if len(cleaned) > NAME_MAX_LENGTH:
        raise InvalidModeration(f"a name has at most {NAME_MAX_LENGTH} characters")
    return cleaned


class ModerationRow(Base):
    """The ``moderation`` table."""

    __tablename__ = "moderation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX_LENGTH))

    def to_entity(self) -> Moderation:
        return Moderation(name=self.name, id=self.id)

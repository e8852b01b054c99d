"""Playlists: the playlists feature's model."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from stage_hall.database import Base

logger = logging.getLogger(__name__)

NAME_MAX_LENGTH = 100


class InvalidPlaylists(ValueError):
    """The data given for a playlists entry breaks a rule."""


class PlaylistsNotFound(LookupError):
    """No playlists entry has this id."""


@dataclass
class Playlists:
    """One playlists entry."""

    name: str
    id: int | None = None


def validate_name(name: str) -> str:
    """The cleaned name, or ``InvalidPlaylists`` when it is empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidPlaylists("a name is required")
    if len(cleaned) > NAME_MAX_LENGTH:
        raise InvalidPlaylists(f"a name has at most {NAME_MAX_LENGTH} characters")
    return cleaned


class PlaylistsRow(Base):
    """The ``playlists`` table."""

    __tablename__ = "playlists"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX_LENGTH))

    def to_entity(self) -> Playlists:
        return Playlists(name=self.name, id=self.id)

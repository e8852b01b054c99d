"""Playlist: the playlists feature's model."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from stage_hall.database import Base

logger = logging.getLogger(__name__)

NAME_MAX_LENGTH = 100


class InvalidPlaylist(ValueError):
    """The data given for a playlist breaks a rule."""


class PlaylistNotFound(LookupError):
    """No playlist has this id."""


@dataclass
class Playlist:
    """One playlist."""

    name: str
    id: int | None = None


def validate_name(name: str) -> str:
    """The cleaned name, or ``InvalidPlaylist`` when it is empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidPlaylist("a name is required")
    if len(cleaned) > NAME_MAX_LENGTH:
        raise InvalidPlaylist(f"a name has at most {NAME_MAX_LENGTH} characters")
    return cleaned


class PlaylistRow(Base):
    """The ``playlists`` table."""

    __tablename__ = "playlists"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX_LENGTH))

    def to_entity(self) -> Playlist:
        return Playlist(name=self.name, id=self.id)

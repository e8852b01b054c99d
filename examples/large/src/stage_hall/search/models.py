"""Search: the search feature's model."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from stage_hall.database import Base

logger = logging.getLogger(__name__)

NAME_MAX_LENGTH = 100


class InvalidSearch(ValueError):
    """The data given for a search breaks a rule."""


class SearchNotFound(LookupError):
    """No search has this id."""


@dataclass
class Search:
    """One search."""

    name: str
    id: int | None = None


def validate_name(name: str) -> str:
    """The cleaned name, or ``InvalidSearch`` when it is empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidSearch("a name is required")
    if len(cleaned) > NAME_MAX_LENGTH:
        raise InvalidSearch(f"a name has at most {NAME_MAX_LENGTH} characters")
    return cleaned


class SearchRow(Base):
    """The ``search`` table."""

    __tablename__ = "search"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX_LENGTH))

    def to_entity(self) -> Search:
        return Search(name=self.name, id=self.id)

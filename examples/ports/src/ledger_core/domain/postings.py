"""Posting: the postings feature's domain model (no framework, no ORM)."""

from __future__ import annotations

from dataclasses import dataclass

import structlog

logger = structlog.get_logger(__name__)

NAME_MAX_LENGTH = 100


class InvalidPosting(ValueError):
    """The data given for a posting breaks a rule."""


class PostingNotFound(LookupError):
    """No posting has this id."""


@dataclass
class Posting:
    """One posting."""

    name: str
    id: int | None = None


def validate_name(name: str) -> str:
    """The cleaned name, or ``InvalidPosting`` when it is empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidPosting("a name is required")
    if len(cleaned) > NAME_MAX_LENGTH:
        raise InvalidPosting(f"a name has at most {NAME_MAX_LENGTH} characters")
    return cleaned

"""Postings: the postings feature's domain model (no framework, no ORM)."""

from __future__ import annotations

from dataclasses import dataclass

import structlog

logger = structlog.get_logger(__name__)

NAME_MAX_LENGTH = 100


class InvalidPostings(ValueError):
    """The data given for a postings entry breaks a rule."""


class PostingsNotFound(LookupError):
    """No postings entry has this id."""


@dataclass
class Postings:
    """One postings entry."""

    name: str
    id: int | None = None


def validate_name(name: str) -> str:
    """The cleaned name, or ``InvalidPostings`` when it is empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidPostings("a name is required")
    if len(cleaned) > NAME_MAX_LENGTH:
        raise InvalidPostings(f"a name has at most {NAME_MAX_LENGTH} characters")
    return cleaned

"""Name rules and transforms shared by questions, records and renderers."""

from __future__ import annotations

import keyword
import re
import unicodedata
from collections.abc import Callable

IDENT_RE = re.compile(r"^[a-z][a-z0-9_]*$")


def ascii_fold(text: str) -> str:
    """Strip accents and drop anything that is not ASCII."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def slugify(text: str) -> str:
    """``"Billing & Payments!"`` -> ``"billing-payments"``; never empty, at most 80 characters.

    Slugs become file names (ADRs): a long choice label must not exceed the
    file system's limit on a name (255 bytes).
    """
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-")
    return slug[:SLUG_MAX].rstrip("-") or "untitled"


#: The longest slug :func:`slugify` returns.
SLUG_MAX = 80


def identifier(text: str) -> str:
    """A valid, lower-case Python identifier derived from ``text``."""
    ident = re.sub(r"[^a-z0-9]+", "_", ascii_fold(text).lower()).strip("_")
    ident = re.sub(r"^[0-9_]+", "", ident)
    if not ident:
        return "app_service"
    if keyword.iskeyword(ident):
        ident += "_app"
    return ident


def title(text: str) -> str:
    """``"demo-service"`` -> ``"Demo Service"``."""
    words = re.split(r"[-_\s]+", text.strip())
    return " ".join(w[:1].upper() + w[1:] for w in words if w) or "Untitled"


TRANSFORMS: dict[str, Callable[[str], str]] = {
    "identifier": identifier,
    "slug": slugify,
    "title": title,
}

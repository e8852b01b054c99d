"""Name rules and transforms shared by questions, records and renderers."""

from __future__ import annotations

import keyword
import re
import sys
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


LIBRARIES: dict[str, str] = {
    "alembic": "Alembic",
    "blinker": "Blinker (a Flask dependency)",
    "cachelib": "CacheLib",
    "click": "Click (a Flask dependency)",
    "falcon": "Falcon",
    "flask": "Flask",
    "flask_classful": "Flask-Classful",
    "flask_sqlalchemy": "Flask-SQLAlchemy",
    "gunicorn": "Gunicorn",
    "httpx": "HTTPX",
    "importlinter": "import-linter",
    "itsdangerous": "ItsDangerous (a Flask dependency)",
    "jinja2": "Jinja (a Flask dependency)",
    "mako": "Mako (an Alembic dependency)",
    "markupsafe": "MarkupSafe (a Flask dependency)",
    "psycopg": "psycopg",
    "pytest": "pytest",
    "pythonjsonlogger": "python-json-logger",
    "ruff": "ruff",
    "sqlalchemy": "SQLAlchemy",
    "structlog": "structlog",
    "waitress": "waitress",
    "werkzeug": "Werkzeug (a Flask dependency)",
}
"""Import names of the libraries a generated project may install, and what they are."""


def module_clash(name: str) -> str | None:
    """Why a top-level package called ``name`` could not be imported next to its libraries.

    ``None`` when the name is free. Python's standard library (as
    ``sys.stdlib_module_names`` lists it) and the libraries the skeleton
    installs come first on the import path, so a package with one of their
    names would shadow them or be shadowed.
    """
    if name in sys.stdlib_module_names:
        return "is a module of Python's standard library"
    if name in LIBRARIES:
        return f"is the import name of {LIBRARIES[name]}, which the generated project installs"
    return None


def package_name(text: str) -> str:
    """Like ``identifier``, but never a name that clashes with a library (``email_app``)."""
    ident = identifier(text)
    return ident + "_app" if module_clash(ident) else ident


def title(text: str) -> str:
    """``"demo-service"`` -> ``"Demo Service"``."""
    words = re.split(r"[-_\s]+", text.strip())
    return " ".join(w[:1].upper() + w[1:] for w in words if w) or "Untitled"


TRANSFORMS: dict[str, Callable[[str], str]] = {
    "identifier": identifier,
    "package": package_name,
    "slug": slugify,
    "title": title,
}

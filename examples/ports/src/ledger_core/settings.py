"""Configuration: built-in defaults, then environment variables.

Nothing here runs at import time: the app factory calls ``load`` for every app
it creates, so each test can build an app with its own settings.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import Any

import structlog

logger = structlog.get_logger(__name__)

ENV_PREFIX = "LEDGER_CORE"

DEV_SECRET_KEY = "dev-only-change-me"
"""Known to everyone who reads this file: accepted only in debug mode and in tests."""

DEFAULTS: dict[str, Any] = {
    "SECRET_KEY": DEV_SECRET_KEY,
    "PROJECT_NAME": "Ledger Core",
    "LOG_LEVEL": "INFO",
    "DATABASE_URL": "postgresql+psycopg://localhost/ledger_core",
}
SECRET_KEY_SOURCE = "the LEDGER_CORE_SECRET_KEY environment variable"


class InsecureConfiguration(RuntimeError):
    """The app would serve outside debug mode and tests with a secret key anyone can know."""


def require_secret_key(config: Mapping[str, Any], debug: bool) -> None:
    """Refuse to build an app that signs sessions with the shipped key, unless debugging or testing."""
    if debug or config.get("TESTING"):
        return
    if config.get("SECRET_KEY") in (None, "", DEV_SECRET_KEY):
        raise InsecureConfiguration(
            f"no SECRET_KEY is configured: set {SECRET_KEY_SOURCE} to a long random value, "
            'for example the output of: python3 -c "import secrets; print(secrets.token_hex(32))"'
        )


def _from_environment() -> dict[str, Any]:
    """``LEDGER_CORE_KEY=value`` variables; values are parsed as JSON when they can be."""
    found: dict[str, Any] = {}
    for name, raw in os.environ.items():
        if not name.startswith(ENV_PREFIX + "_"):
            continue
        try:
            found[name[len(ENV_PREFIX) + 1 :]] = json.loads(raw)
        except ValueError:
            found[name[len(ENV_PREFIX) + 1 :]] = raw
    return found


def load(overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The settings: defaults, the configured sources, then explicit overrides."""
    settings = dict(DEFAULTS)
    settings.update(_from_environment())
    settings.update(overrides or {})
    return settings


def logging_options(overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The settings logging needs, read before the app object exists."""
    options = {key: value for key, value in DEFAULTS.items() if key.startswith("LOG_")}
    for key in list(options):
        if f"{ENV_PREFIX}_{key}" in os.environ:
            options[key] = os.environ[f"{ENV_PREFIX}_{key}"]
    options.update(
        {key: value for key, value in (overrides or {}).items() if key.startswith("LOG_")}
    )
    return options

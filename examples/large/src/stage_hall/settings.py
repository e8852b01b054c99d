"""Configuration: built-in defaults, then a TOML file, then environment variables.

Nothing here runs at import time: the app factory calls ``load`` for every app
it creates, so each test can build an app with its own settings.
"""

from __future__ import annotations

import logging
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask

logger = logging.getLogger(__name__)

ENV_PREFIX = "STAGE_HALL"

DEV_SECRET_KEY = "dev-only-change-me"
"""Known to everyone who reads this file: accepted only in debug mode and in tests."""

DEFAULTS: dict[str, Any] = {
    "SECRET_KEY": DEV_SECRET_KEY,
    "PROJECT_NAME": "Stage Hall",
    # Flask 3.1's production advice: refuse requests for other hosts once the
    # deployment names its own (a JSON list), bound request bodies, and keep
    # the session cookie to HTTPS (set SESSION_COOKIE_SECURE to false for plain
    # HTTP on a developer's machine).
    "TRUSTED_HOSTS": None,
    "MAX_CONTENT_LENGTH": 1024 * 1024,
    "SESSION_COOKIE_SECURE": True,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "LOG_LEVEL": "INFO",
    "DATABASE_URL": "postgresql+psycopg://localhost/stage_hall",
    "HTTP_TIMEOUT_SECONDS": 5.0,
    "CACHE_DEFAULT_TIMEOUT": 300,
}
SECRET_KEY_SOURCE = "STAGE_HALL_SECRET_KEY (or SECRET_KEY in the TOML file)"


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


def config_file() -> Path:
    """The TOML file to read: ``STAGE_HALL_CONFIG_FILE``, else ``stage_hall.toml``."""
    return Path(os.environ.get(f"{ENV_PREFIX}_CONFIG_FILE", "stage_hall.toml"))


def load(app: Flask, overrides: Mapping[str, Any] | None = None) -> None:
    """Fill ``app.config``: defaults, the configured sources, then explicit overrides."""
    app.config.from_mapping(DEFAULTS)
    state = os.environ.get(f"{ENV_PREFIX}_INSTANCE_PATH")
    if state:
        app.instance_path = str(Path(state).resolve())
    path = config_file()
    if app.config.from_file(str(path.resolve()), load=tomllib.load, text=False, silent=True):
        logger.info("read configuration from %s", path)
    app.config.from_prefixed_env(ENV_PREFIX)
    if overrides:
        app.config.from_mapping(overrides)


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

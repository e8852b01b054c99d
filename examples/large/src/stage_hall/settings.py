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

DEFAULTS: dict[str, Any] = {
    "SECRET_KEY": "dev-only-change-me",
    "LOG_LEVEL": "INFO",
    "DATABASE_URL": "postgresql+psycopg://localhost/stage_hall",
    "HTTP_TIMEOUT_SECONDS": 5.0,
    "CACHE_DEFAULT_TIMEOUT": 300,
}


def config_file() -> Path:
    """The TOML file to read: ``STAGE_HALL_CONFIG_FILE``, else ``stage_hall.toml``."""
    return Path(os.environ.get(f"{ENV_PREFIX}_CONFIG_FILE", "stage_hall.toml"))


def load(app: Flask, overrides: Mapping[str, Any] | None = None) -> None:
    """Fill ``app.config``: defaults, the configured sources, then explicit overrides."""
    app.config.from_mapping(DEFAULTS)
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
    options.update({key: value for key, value in (overrides or {}).items() if key.startswith("LOG_")})
    return options

"""The application factory: ``create_app`` builds a fully configured app.

Logging is configured first, then the app object is created and configured,
its resources are wired and every blueprint is registered. Nothing here runs
at import time.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from flask import Flask

from order_desk import extensions, health, home, request_id, settings
from order_desk.customers.routes import bp as customers_bp
from order_desk.logging_setup import configure_logging
from order_desk.orders.routes import bp as orders_bp

logger = logging.getLogger(__name__)


def _setup(app: Flask, config: Mapping[str, Any] | None) -> Flask:
    settings.load(app, config)
    settings.require_secret_key(app.config, app.debug)
    request_id.init_app(app)
    extensions.init_app(app)
    # One URL style with or without a trailing slash, and no redirects: /items and /items/
    # answer alike, as in the Falcon skeleton.
    app.url_map.strict_slashes = False
    app.register_blueprint(health.bp)
    app.register_blueprint(home.bp)
    app.register_blueprint(orders_bp)
    app.register_blueprint(customers_bp)
    logger.info("app %s ready", app.name)
    return app


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build an app; ``config`` overrides every other configuration source."""
    configure_logging(settings.logging_options(config))
    app = Flask(__name__)
    return _setup(app, config)

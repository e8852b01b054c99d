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

from stage_hall import composition, health, home, request_id, settings
from stage_hall.accounts.routes import bp as accounts_bp
from stage_hall.billing.routes import bp as billing_bp
from stage_hall.chat.routes import bp as chat_bp
from stage_hall.logging_setup import configure_logging
from stage_hall.moderation.routes import bp as moderation_bp
from stage_hall.notifications.routes import bp as notifications_bp
from stage_hall.playlists.routes import bp as playlists_bp
from stage_hall.rooms.routes import bp as rooms_bp
from stage_hall.search.routes import bp as search_bp

logger = logging.getLogger(__name__)


def _setup(app: Flask, config: Mapping[str, Any] | None) -> Flask:
    settings.load(app, config)
    settings.require_secret_key(app.config, app.debug)
    request_id.init_app(app)
    composition.init_app(app)
    # One URL style with or without a trailing slash, and no redirects: /items and /items/
    # answer alike, as in the Falcon skeleton.
    app.url_map.strict_slashes = False
    app.register_blueprint(health.bp)
    app.register_blueprint(home.bp)
    app.register_blueprint(accounts_bp)
    app.register_blueprint(rooms_bp)
    app.register_blueprint(playlists_bp)
    app.register_blueprint(chat_bp)
    app.register_blueprint(moderation_bp)
    app.register_blueprint(search_bp)
    app.register_blueprint(notifications_bp)
    app.register_blueprint(billing_bp)
    logger.info("app %s ready", app.name)
    return app


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build an app; ``config`` overrides every other configuration source."""
    configure_logging(settings.logging_options(config))
    app = Flask(__name__)
    return _setup(app, config)

"""``GET /``: a small HTML page, proof that templates and static files ship in the package."""

from __future__ import annotations

import logging

from flask import Blueprint, current_app, render_template

logger = logging.getLogger(__name__)

bp = Blueprint("home", __name__)


@bp.get("/")
def index() -> str:
    """The project name is a value from the settings, never part of the template's source."""
    return render_template(
        "index.html",
        project_name=current_app.config["PROJECT_NAME"],
        features=[
            "accounts",
            "rooms",
            "playlists",
            "chat",
            "moderation",
            "search",
            "notifications",
            "billing",
        ],
    )

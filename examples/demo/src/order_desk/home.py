"""``GET /``: a small HTML page, proof that templates and static files ship in the package."""

from __future__ import annotations

import logging

from flask import Blueprint, render_template

logger = logging.getLogger(__name__)

bp = Blueprint("home", __name__)


@bp.get("/")
def index() -> str:
    return render_template("index.html", features=["orders", "customers"])

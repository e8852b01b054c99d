"""HTTP endpoints for playlists (class-based MethodView on the ``playlists`` blueprint)."""

from __future__ import annotations

import logging
from dataclasses import asdict

from flask import Blueprint, Response, jsonify, request
from flask.views import MethodView

from stage_hall.composition import services
from stage_hall.playlists.models import InvalidPlaylist, PlaylistNotFound
from stage_hall.playlists.services import PlaylistService

logger = logging.getLogger(__name__)

bp = Blueprint("playlists", __name__, url_prefix="/playlists")


def service() -> PlaylistService:
    """The playlists use cases, as wired for this app."""
    return services().playlists()


@bp.errorhandler(InvalidPlaylist)
def invalid(error: InvalidPlaylist) -> tuple[Response, int]:
    return jsonify(error=str(error)), 400


@bp.errorhandler(PlaylistNotFound)
def not_found(error: PlaylistNotFound) -> tuple[Response, int]:
    return jsonify(error=f"no playlist {error}"), 404


def _name_from_request() -> str:
    payload = request.get_json(silent=True) or {}
    return str(payload.get("name", ""))


class PlaylistListAPI(MethodView):
    """The playlists collection."""

    def get(self) -> Response:
        return jsonify(items=[asdict(item) for item in service().all()])

    def post(self) -> tuple[Response, int]:
        item = service().create(_name_from_request())
        logger.info("created playlists %s", item.id)
        return jsonify(asdict(item)), 201


class PlaylistItemAPI(MethodView):
    """One playlist."""

    def get(self, item_id: int) -> Response:
        return jsonify(asdict(service().get(item_id)))


bp.add_url_rule("/", view_func=PlaylistListAPI.as_view("items"))
bp.add_url_rule("/<int:item_id>", view_func=PlaylistItemAPI.as_view("item"))

"""HTTP endpoints for rooms (class-based MethodView on the ``rooms`` blueprint)."""

from __future__ import annotations

import logging
from dataclasses import asdict

from flask import Blueprint, Response, jsonify, request
from flask.views import MethodView

from stage_hall.composition import services
from stage_hall.rooms.models import InvalidRoom, RoomNotFound
from stage_hall.rooms.services import RoomService

logger = logging.getLogger(__name__)

bp = Blueprint("rooms", __name__, url_prefix="/rooms")


def service() -> RoomService:
    """The rooms use cases, as wired for this app."""
    return services().rooms()


@bp.errorhandler(InvalidRoom)
def invalid(error: InvalidRoom) -> tuple[Response, int]:
    return jsonify(error=str(error)), 400


@bp.errorhandler(RoomNotFound)
def not_found(error: RoomNotFound) -> tuple[Response, int]:
    return jsonify(error=f"no room {error}"), 404


def _name_from_request() -> str:
    payload = request.get_json(silent=True) or {}
    return str(payload.get("name", ""))


class RoomListAPI(MethodView):
    """The rooms collection."""

    def get(self) -> Response:
        return jsonify(items=[asdict(item) for item in service().all()])

    def post(self) -> tuple[Response, int]:
        item = service().create(_name_from_request())
        logger.info("created rooms %s", item.id)
        return jsonify(asdict(item)), 201


class RoomItemAPI(MethodView):
    """One room."""

    def get(self, item_id: int) -> Response:
        return jsonify(asdict(service().get(item_id)))


bp.add_url_rule("/", view_func=RoomListAPI.as_view("items"))
bp.add_url_rule("/<int:item_id>", view_func=RoomItemAPI.as_view("item"))

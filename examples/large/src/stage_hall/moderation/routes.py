"""HTTP endpoints for moderation (class-based MethodView on the ``moderation`` blueprint)."""

from __future__ import annotations

import logging
from dataclasses import asdict

from flask import Blueprint, Response, jsonify, request
from flask.views import MethodView

from stage_hall.composition import services
from stage_hall.moderation.models import InvalidModeration, ModerationNotFound
from stage_hall.moderation.services import ModerationService

logger = logging.getLogger(__name__)

bp = Blueprint("moderation", __name__, url_prefix="/moderation")


def service() -> ModerationService:
    """The moderation use cases, as wired for this app."""
    return services().moderation()


@bp.errorhandler(InvalidModeration)
def invalid(error: InvalidModeration) -> tuple[Response, int]:
    return jsonify(error=str(error)), 400


@bp.errorhandler(ModerationNotFound)
def not_found(error: ModerationNotFound) -> tuple[Response, int]:
    return jsonify(error=f"no moderation {error}"), 404


def _name_from_request() -> str:
    payload = request.get_json(silent=True) or {}
    return str(payload.get("name", ""))


class ModerationListAPI(MethodView):
    """The moderation collection."""

    def get(self) -> Response:
        return jsonify(items=[asdict(item) for item in service().all()])

    def post(self) -> tuple[Response, int]:
        item = service().create(_name_from_request())
        logger.info("created moderation %s", item.id)
        return jsonify(asdict(item)), 201


class ModerationItemAPI(MethodView):
    """One moderation."""

    def get(self, item_id: int) -> Response:
        return jsonify(asdict(service().get(item_id)))


bp.add_url_rule("/", view_func=ModerationListAPI.as_view("items"))
bp.add_url_rule("/<int:item_id>", view_func=ModerationItemAPI.as_view("item"))

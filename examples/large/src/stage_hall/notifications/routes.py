"""HTTP endpoints for notifications (class-based MethodView on the ``notifications`` blueprint)."""

from __future__ import annotations

import logging
from dataclasses import asdict

from flask import Blueprint, Response, jsonify, request
from flask.views import MethodView

from stage_hall.composition import services
from stage_hall.notifications.models import InvalidNotification, NotificationNotFound
from stage_hall.notifications.services import NotificationService

logger = logging.getLogger(__name__)

bp = Blueprint("notifications", __name__, url_prefix="/notifications")


def service() -> NotificationService:
    """The notifications use cases, as wired for this app."""
    return services().notifications()


@bp.errorhandler(InvalidNotification)
def invalid(error: InvalidNotification) -> tuple[Response, int]:
    return jsonify(error=str(error)), 400


@bp.errorhandler(NotificationNotFound)
def not_found(error: NotificationNotFound) -> tuple[Response, int]:
    return jsonify(error=f"no notification {error}"), 404


def _name_from_request() -> str:
    payload = request.get_json(silent=True) or {}
    return str(payload.get("name", ""))


class NotificationListAPI(MethodView):
    """The notifications collection."""

    def get(self) -> Response:
        return jsonify(items=[asdict(item) for item in service().all()])

    def post(self) -> tuple[Response, int]:
        item = service().create(_name_from_request())
        logger.info("created notifications %s", item.id)
        return jsonify(asdict(item)), 201


class NotificationItemAPI(MethodView):
    """One notification."""

    def get(self, item_id: int) -> Response:
        return jsonify(asdict(service().get(item_id)))


bp.add_url_rule("/", view_func=NotificationListAPI.as_view("items"))
bp.add_url_rule("/<int:item_id>", view_func=NotificationItemAPI.as_view("item"))

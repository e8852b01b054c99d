"""HTTP endpoints for notifications (class-based MethodView on the ``notifications`` blueprint)."""

from __future__ import annotations

import logging
from dataclasses import asdict

from flask import Blueprint, Response, jsonify, request
from flask.views import MethodView

from stage_hall.composition import services
from stage_hall.notifications.models import InvalidNotifications, NotificationsNotFound
from stage_hall.notifications.services import NotificationsService

logger = logging.getLogger(__name__)

bp = Blueprint("notifications", __name__, url_prefix="/notifications")


def service() -> NotificationsService:
    """The notifications use cases, as wired for this app."""
    return services().notifications()


@bp.errorhandler(InvalidNotifications)
def invalid(error: InvalidNotifications) -> tuple[Response, int]:
    return jsonify(error=str(error)), 400


@bp.errorhandler(NotificationsNotFound)
def not_found(error: NotificationsNotFound) -> tuple[Response, int]:
    return jsonify(error=f"no notifications entry {error}"), 404


def _name_from_request() -> str:
    payload = request.get_json(silent=True) or {}
    return str(payload.get("name", ""))


class NotificationsListAPI(MethodView):
    """The notifications collection."""

    def get(self) -> Response:
        return jsonify(items=[asdict(item) for item in service().all()])

    def post(self) -> tuple[Response, int]:
        item = service().create(_name_from_request())
        logger.info("created notifications %s", item.id)
        return jsonify(asdict(item)), 201


class NotificationsItemAPI(MethodView):
    """One notifications entry."""

    def get(self, item_id: int) -> Response:
        return jsonify(asdict(service().get(item_id)))


bp.add_url_rule("/", view_func=NotificationsListAPI.as_view("items"))
bp.add_url_rule("/<int:item_id>", view_func=NotificationsItemAPI.as_view("item"))

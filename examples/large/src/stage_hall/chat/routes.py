"""HTTP endpoints for chat (class-based MethodView on the ``chat`` blueprint)."""

from __future__ import annotations

import logging
from dataclasses import asdict

from flask import Blueprint, Response, jsonify, request
from flask.views import MethodView

from stage_hall.chat.models import ChatNotFound, InvalidChat
from stage_hall.chat.services import ChatService
from stage_hall.composition import services

logger = logging.getLogger(__name__)

bp = Blueprint("chat", __name__, url_prefix="/chat")


def service() -> ChatService:
    """The chat use cases, as wired for this app."""
    return services().chat()


@bp.errorhandler(InvalidChat)
def invalid(error: InvalidChat) -> tuple[Response, int]:
    return jsonify(error=str(error)), 400


@bp.errorhandler(ChatNotFound)
def not_found(error: ChatNotFound) -> tuple[Response, int]:
    return jsonify(error=f"no chat {error}"), 404


def _name_from_request() -> str:
    payload = request.get_json(silent=True) or {}
    return str(payload.get("name", ""))


class ChatListAPI(MethodView):
    """The chat collection."""

    def get(self) -> Response:
        return jsonify(items=[asdict(item) for item in service().all()])

    def post(self) -> tuple[Response, int]:
        item = service().create(_name_from_request())
        logger.info("created chat %s", item.id)
        return jsonify(asdict(item)), 201


class ChatItemAPI(MethodView):
    """One chat."""

    def get(self, item_id: int) -> Response:
        return jsonify(asdict(service().get(item_id)))


bp.add_url_rule("/", view_func=ChatListAPI.as_view("items"))
bp.add_url_rule("/<int:item_id>", view_func=ChatItemAPI.as_view("item"))

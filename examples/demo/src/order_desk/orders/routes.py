"""HTTP endpoints for orders (function views on the ``orders`` blueprint)."""

from __future__ import annotations

import logging
from dataclasses import asdict

from flask import Blueprint, Response, jsonify, request

from order_desk.extensions import orders_service
from order_desk.orders.models import InvalidOrder, OrderNotFound
from order_desk.orders.services import OrderService

logger = logging.getLogger(__name__)

bp = Blueprint("orders", __name__, url_prefix="/orders")


def service() -> OrderService:
    """The orders use cases, as wired for this app."""
    return orders_service()


@bp.errorhandler(InvalidOrder)
def invalid(error: InvalidOrder) -> tuple[Response, int]:
    return jsonify(error=str(error)), 400


@bp.errorhandler(OrderNotFound)
def not_found(error: OrderNotFound) -> tuple[Response, int]:
    return jsonify(error=f"no order {error}"), 404


def _name_from_request() -> str:
    payload = request.get_json(silent=True) or {}
    return str(payload.get("name", ""))


@bp.get("/")
def list_items() -> Response:
    return jsonify(items=[asdict(item) for item in service().all()])


@bp.post("/")
def create_item() -> tuple[Response, int]:
    item = service().create(_name_from_request())
    logger.info("created orders %s", item.id)
    return jsonify(asdict(item)), 201


@bp.get("/<int:item_id>")
def get_item(item_id: int) -> Response:
    return jsonify(asdict(service().get(item_id)))

"""HTTP endpoints for customers (function views on the ``customers`` blueprint)."""

from __future__ import annotations

import logging
from dataclasses import asdict

from flask import Blueprint, Response, jsonify, request

from order_desk.customers.models import CustomerNotFound, InvalidCustomer
from order_desk.customers.services import CustomerService
from order_desk.extensions import customers_service

logger = logging.getLogger(__name__)

bp = Blueprint("customers", __name__, url_prefix="/customers")


def service() -> CustomerService:
    """The customers use cases, as wired for this app."""
    return customers_service()


@bp.errorhandler(InvalidCustomer)
def invalid(error: InvalidCustomer) -> tuple[Response, int]:
    return jsonify(error=str(error)), 400


@bp.errorhandler(CustomerNotFound)
def not_found(error: CustomerNotFound) -> tuple[Response, int]:
    return jsonify(error=f"no customer {error}"), 404


def _name_from_request() -> str:
    payload = request.get_json(silent=True) or {}
    return str(payload.get("name", ""))


@bp.get("/")
def list_items() -> Response:
    return jsonify(items=[asdict(item) for item in service().all()])


@bp.post("/")
def create_item() -> tuple[Response, int]:
    item = service().create(_name_from_request())
    logger.info("created customers %s", item.id)
    return jsonify(asdict(item)), 201


@bp.get("/<int:item_id>")
def get_item(item_id: int) -> Response:
    return jsonify(asdict(service().get(item_id)))

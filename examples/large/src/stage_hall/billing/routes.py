"""HTTP endpoints for billing (class-based MethodView on the ``billing`` blueprint)."""

from __future__ import annotations

import logging
from dataclasses import asdict

from flask import Blueprint, Response, jsonify, request
from flask.views import MethodView

from stage_hall.billing.models import BillingNotFound, InvalidBilling
from stage_hall.billing.services import BillingService
from stage_hall.composition import services

logger = logging.getLogger(__name__)

bp = Blueprint("billing", __name__, url_prefix="/billing")


def service() -> BillingService:
    """The billing use cases, as wired for this app."""
    return services().billing()


@bp.errorhandler(InvalidBilling)
def invalid(error: InvalidBilling) -> tuple[Response, int]:
    return jsonify(error=str(error)), 400


@bp.errorhandler(BillingNotFound)
def not_found(error: BillingNotFound) -> tuple[Response, int]:
    return jsonify(error=f"no billing {error}"), 404


def _name_from_request() -> str:
    payload = request.get_json(silent=True) or {}
    return str(payload.get("name", ""))


class BillingListAPI(MethodView):
    """The billing collection."""

    def get(self) -> Response:
        return jsonify(items=[asdict(item) for item in service().all()])

    def post(self) -> tuple[Response, int]:
        item = service().create(_name_from_request())
        logger.info("created billing %s", item.id)
        return jsonify(asdict(item)), 201


class BillingItemAPI(MethodView):
    """One billing."""

    def get(self, item_id: int) -> Response:
        return jsonify(asdict(service().get(item_id)))


bp.add_url_rule("/", view_func=BillingListAPI.as_view("items"))
bp.add_url_rule("/<int:item_id>", view_func=BillingItemAPI.as_view("item"))

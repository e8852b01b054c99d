"""HTTP endpoints for accounts (class-based MethodView on the ``accounts`` blueprint)."""

from __future__ import annotations

import logging
from dataclasses import asdict

from flask import Blueprint, Response, jsonify, request
from flask.views import MethodView

from stage_hall.accounts.models import AccountNotFound, InvalidAccount
from stage_hall.accounts.services import AccountService
from stage_hall.composition import services

logger = logging.getLogger(__name__)

bp = Blueprint("accounts", __name__, url_prefix="/accounts")


def service() -> AccountService:
    """The accounts use cases, as wired for this app."""
    return services().accounts()


@bp.errorhandler(InvalidAccount)
def invalid(error: InvalidAccount) -> tuple[Response, int]:
    return jsonify(error=str(error)), 400


@bp.errorhandler(AccountNotFound)
def not_found(error: AccountNotFound) -> tuple[Response, int]:
    return jsonify(error=f"no account {error}"), 404


def _name_from_request() -> str:
    payload = request.get_json(silent=True) or {}
    return str(payload.get("name", ""))


class AccountListAPI(MethodView):
    """The accounts collection."""

    def get(self) -> Response:
        return jsonify(items=[asdict(item) for item in service().all()])

    def post(self) -> tuple[Response, int]:
        item = service().create(_name_from_request())
        logger.info("created accounts %s", item.id)
        return jsonify(asdict(item)), 201


class AccountItemAPI(MethodView):
    """One account."""

    def get(self, item_id: int) -> Response:
        return jsonify(asdict(service().get(item_id)))


bp.add_url_rule("/", view_func=AccountListAPI.as_view("items"))
bp.add_url_rule("/<int:item_id>", view_func=AccountItemAPI.as_view("item"))

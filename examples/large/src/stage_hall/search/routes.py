"""HTTP endpoints for search (class-based MethodView on the ``search`` blueprint)."""

from __future__ import annotations

import logging
from dataclasses import asdict

from flask import Blueprint, Response, jsonify, request
from flask.views import MethodView

from stage_hall.composition import services
from stage_hall.search.models import InvalidSearch, SearchNotFound
from stage_hall.search.services import SearchService

logger = logging.getLogger(__name__)

bp = Blueprint("search", __name__, url_prefix="/search")


def service() -> SearchService:
    """The search use cases, as wired for this app."""
    return services().search()


@bp.errorhandler(InvalidSearch)
def invalid(error: InvalidSearch) -> tuple[Response, int]:
    return jsonify(error=str(error)), 400


@bp.errorhandler(SearchNotFound)
def not_found(error: SearchNotFound) -> tuple[Response, int]:
    return jsonify(error=f"no search {error}"), 404


def _name_from_request() -> str:
    payload = request.get_json(silent=True) or {}
    return str(payload.get("name", ""))


class SearchListAPI(MethodView):
    """The search collection."""

    def get(self) -> Response:
        return jsonify(items=[asdict(item) for item in service().all()])

    def post(self) -> tuple[Response, int]:
        item = service().create(_name_from_request())
        logger.info("created search %s", item.id)
        return jsonify(asdict(item)), 201


class SearchItemAPI(MethodView):
    """One search."""

    def get(self, item_id: int) -> Response:
        return jsonify(asdict(service().get(item_id)))


bp.add_url_rule("/", view_func=SearchListAPI.as_view("items"))
bp.add_url_rule("/<int:item_id>", view_func=SearchItemAPI.as_view("item"))

"""The extension singletons are bound to each app and hand out working services."""

from __future__ import annotations

from flask import Flask

from order_desk import extensions


def test_services_are_wired(app: Flask) -> None:
    with app.test_request_context():
        assert extensions.orders_service().all() == []
        assert extensions.customers_service().all() == []

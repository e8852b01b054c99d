"""Extension singletons: shared objects created here once and bound to each app with ``init_app``.

Views get their services from the functions below, so the wiring of every
feature is visible in this one module.
"""

from __future__ import annotations

import logging

from flask import Flask

from order_desk import database
from order_desk.customers.repository import SqlAlchemyCustomerRepository
from order_desk.customers.services import CustomerService
from order_desk.orders.repository import SqlAlchemyOrderRepository
from order_desk.orders.services import OrderService

logger = logging.getLogger(__name__)


def init_app(app: Flask) -> None:
    """Bind every extension to ``app``."""
    database.init_app(app)
    logger.debug("extensions ready")


def orders_service() -> OrderService:
    """The orders use cases for the current request."""
    session = database.session()
    return OrderService(
        SqlAlchemyOrderRepository(session),
        commit=session.commit,
    )


def customers_service() -> CustomerService:
    """The customers use cases for the current request."""
    session = database.session()
    return CustomerService(
        SqlAlchemyCustomerRepository(session),
        commit=session.commit,
    )

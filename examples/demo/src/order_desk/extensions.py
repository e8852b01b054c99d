"""Extension singletons: shared objects created here once and bound to each app with ``init_app``.

Views get their services from the functions below, so the wiring of every
feature is visible in this one module.
"""

from __future__ import annotations

import logging

from flask import Flask

from order_desk import database
from order_desk.customers.repository import SqlAlchemyCustomersRepository
from order_desk.customers.services import CustomersService
from order_desk.orders.repository import SqlAlchemyOrdersRepository
from order_desk.orders.services import OrdersService

logger = logging.getLogger(__name__)


def init_app(app: Flask) -> None:
    """Bind every extension to ``app``."""
    database.init_app(app)
    logger.debug("extensions ready")


def orders_service() -> OrdersService:
    """The orders use cases for the current request."""
    session = database.session()
    return OrdersService(SqlAlchemyOrdersRepository(session), commit=session.commit)



def customers_service() -> CustomersService:
    """The customers use cases for the current request."""
    session = database.session()
    return CustomersService(SqlAlchemyCustomersRepository(session), commit=session.commit)

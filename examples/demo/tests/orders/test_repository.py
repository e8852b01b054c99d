"""Order storage: the in-memory fake and the SQLAlchemy repository behave alike."""

from __future__ import annotations

from flask import Flask

from order_desk import database
from order_desk.orders.repository import InMemoryOrderRepository, SqlAlchemyOrderRepository


def test_in_memory_repository() -> None:
    repository = InMemoryOrderRepository()
    added = repository.add("Ada")
    assert repository.get(added.id or 0) == added
    assert repository.all() == [added]
    assert repository.get(999) is None


def test_sqlalchemy_repository(app: Flask) -> None:
    with app.app_context():
        repository = SqlAlchemyOrderRepository(database.session())
        added = repository.add("Ada")
        assert added.id is not None
        assert repository.get(added.id) == added
        assert repository.all() == [added]
        assert repository.get(999) is None

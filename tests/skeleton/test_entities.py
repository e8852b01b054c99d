"""Features are named in the plural; one entry of a feature is named in the singular."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.render.skeleton.modules import singular, singular_words
from tests.skeleton.test_files import plan_for


@pytest.mark.parametrize(
    ("plural", "one"),
    [
        ("accounts", "account"),
        ("customers", "customer"),
        ("categories", "category"),
        ("addresses", "address"),
        ("boxes", "box"),
        ("batches", "batch"),
        ("status", "status"),
        ("search", "search"),
        ("billing", "billing"),
        ("people", "person"),
        ("children", "child"),
        ("news", "news"),
    ],
)
def test_singular(plural: str, one: str) -> None:
    assert singular(plural) == one


def test_only_the_last_word_changes() -> None:
    assert singular_words("billing_items") == ["billing", "item"]
    assert singular_words("news_feeds") == ["news", "feed"]


def test_generated_classes_and_messages_name_one_entry(tmp_path: Path) -> None:
    plan = plan_for({"layout.features": ["customers"], "project.package": "svc"}, tmp_path)
    models = plan.files["src/svc/customers/models.py"].decode()
    services = plan.files["src/svc/customers/services.py"].decode()
    assert "class Customer:" in models or "class Customer(" in models
    assert "class CustomerNotFound(" in models and "Customers" not in models
    assert "class CustomerService" in services
    assert '"created customer %s"' in services


def test_features_whose_singulars_collide_keep_their_names(tmp_path: Path) -> None:
    plan = plan_for({"layout.features": ["users", "user"], "project.package": "svc"}, tmp_path)
    assert "class UsersService" in plan.files["src/svc/users/services.py"].decode()
    assert "class UserService" in plan.files["src/svc/user/services.py"].decode()

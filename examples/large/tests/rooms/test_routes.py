"""The rooms HTTP endpoints, through the test client."""

from __future__ import annotations

from flask.testing import FlaskClient

URL = "/rooms"


def test_create_list_and_fetch(client: FlaskClient) -> None:
    created = client.post(f"{URL}/", json={"name": "Ada"})
    assert created.status_code == 201
    item = created.get_json()
    assert item["name"] == "Ada"
    listed = client.get(f"{URL}/").get_json()
    assert listed == {"items": [item]}
    assert client.get(f"{URL}/{item['id']}").get_json() == item


def test_invalid_and_missing(client: FlaskClient) -> None:
    assert client.post(f"{URL}/", json={"name": ""}).status_code == 400
    assert client.get(f"{URL}/4242").status_code == 404

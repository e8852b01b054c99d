"""The postings HTTP endpoints, through Falcon's test client."""

from __future__ import annotations

import falcon.testing

URL = "/postings"


def test_create_list_and_fetch(client: falcon.testing.TestClient) -> None:
    created = client.simulate_post(f"{URL}/", json={"name": "Ada"})
    assert created.status_code == 201
    item = created.json
    assert item["name"] == "Ada"
    assert client.simulate_get(f"{URL}/").json == {"items": [item]}
    assert client.simulate_get(f"{URL}/{item['id']}").json == item


def test_invalid_and_missing(client: falcon.testing.TestClient) -> None:
    assert client.simulate_post(f"{URL}/", json={"name": ""}).status_code == 400
    assert client.simulate_get(f"{URL}/4242").status_code == 404

"""The health endpoint."""

from __future__ import annotations

import falcon.testing


def test_health_is_ok(client: falcon.testing.TestClient) -> None:
    response = client.simulate_get("/health")
    assert response.status_code == 200
    assert response.json["status"] == "ok"

"""Request ids: taken from the caller or made up, and sent back."""

from __future__ import annotations

import falcon.testing

from ledger_core.request_id import HEADER, current_request_id


def test_incoming_id_is_echoed(client: falcon.testing.TestClient) -> None:
    assert client.simulate_get("/health", headers={HEADER: "abc123"}).headers[HEADER] == "abc123"


def test_missing_id_is_generated(client: falcon.testing.TestClient) -> None:
    assert len(client.simulate_get("/health").headers[HEADER]) == 32


def test_outside_a_request() -> None:
    assert current_request_id() == "-"

"""Request ids: taken from the caller or made up, and sent back."""

from __future__ import annotations

from flask.testing import FlaskClient

from stage_hall.request_id import HEADER, current_request_id


def test_incoming_id_is_echoed(client: FlaskClient) -> None:
    response = client.get("/health", headers={HEADER: "abc123"})
    assert response.headers[HEADER] == "abc123"


def test_missing_id_is_generated(client: FlaskClient) -> None:
    response = client.get("/health")
    assert len(response.headers[HEADER]) == 32


def test_outside_a_request() -> None:
    assert current_request_id() == "-"

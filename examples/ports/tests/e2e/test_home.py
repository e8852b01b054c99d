"""The home page: the project name as text, and a link to every feature."""

from __future__ import annotations

import falcon
import falcon.testing

from ledger_core import home


def test_home_page_lists_features(client: falcon.testing.TestClient) -> None:
    response = client.simulate_get("/")
    assert response.status_code == 200
    assert "/accounts" in response.text


def test_project_name_is_shown_as_text_never_run_as_a_template() -> None:
    app = falcon.App()
    home.add_routes(app, "{{7*7}} <b>{{ config }}</b>")
    response = falcon.testing.TestClient(app).simulate_get("/")
    assert response.status_code == 200
    assert "{{7*7}} &lt;b&gt;{{ config }}&lt;/b&gt;" in response.text
    assert "49" not in response.text

"""``GET /``: a small HTML page naming the project and linking every feature.

The page is built with ``html.escape`` around every value: the project name is
data from the settings, never markup or template source.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import falcon
import structlog

logger = structlog.get_logger(__name__)


class HomeResource:
    def __init__(self, project_name: str, features: Sequence[str]) -> None:
        self._project_name = project_name
        self._features = tuple(features)

    def on_get(self, req: falcon.Request, resp: falcon.Response) -> None:
        name = html.escape(self._project_name)
        links = "".join(
            f'<li><a href="/{html.escape(feature.replace("_", "-"))}">{html.escape(feature)}</a></li>'
            for feature in self._features
        )
        resp.content_type = falcon.MEDIA_HTML
        resp.text = (
            '<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8">'
            f"<title>{name}</title></head>\n<body><h1>{name}</h1><ul>{links}</ul></body>\n</html>\n"
        )


def add_routes(app: falcon.App, project_name: str) -> None:
    features = [
        "accounts",
        "postings",
    ]
    app.add_route("/", HomeResource(project_name, features))

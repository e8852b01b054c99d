"""A Mermaid flowchart of the application as decided.

Built in Python rather than in a template: the drawing rules (one box per
feature, the domain with no arrow into the framework) are logic, and they are
tested here directly.
"""

from __future__ import annotations

from collections.abc import Mapping

from planner.questions.model import DEFERRED, Value
from planner.render.escape import mermaid_label

_ARTIFACT = {
    "wheel": "Python wheel on the host",
    "docker": "Container image",
    "rpm": "RPM package + systemd",
}
_SERVER = {"gunicorn": "Gunicorn", "waitress": "Waitress"}
_CONFIG = {
    "env": "environment variables",
    "file": "TOML config file",
    "layered": "defaults, file, environment",
}
_DB = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
_FORMAT = {"text": "text", "json": "JSON", "structlog": "structlog"}
DRAWN_FEATURES = 4
"""Features drawn side by side; beyond this, one box stands for every feature (readable width)."""


class _Chart:
    def __init__(self) -> None:
        self.lines = ["flowchart TB"]
        self.indent = 1

    def node(self, ident: str, label: str, shape: str = "box") -> None:
        text = mermaid_label(label)
        opening, closing = {
            "box": ("[", "]"),
            "round": ("([", "])"),
            "db": ("[(", ")]"),
            "note": ("[/", "/]"),
            "hex": ("{{", "}}"),
        }[shape]
        self.lines.append("    " * self.indent + f'{ident}{opening}"{text}"{closing}')

    def edge(self, a: str, b: str, label: str | None = None, dotted: bool = False) -> None:
        arrow = "-.->" if dotted else "-->"
        if label:
            arrow = (
                f'-. "{mermaid_label(label)}" .->' if dotted else f'-- "{mermaid_label(label)}" -->'
            )
        self.lines.append("    " * self.indent + f"{a} {arrow} {b}")

    def open(self, ident: str, label: str) -> None:
        self.lines.append("    " * self.indent + f'subgraph {ident}["{mermaid_label(label)}"]')
        self.indent += 1

    def close(self) -> None:
        self.indent -= 1
        self.lines.append("    " * self.indent + "end")

    def text(self) -> str:
        return "\n".join(self.lines)


def _pick(
    answers: Mapping[str, Value],
    qid: str,
    names: Mapping[str, str],
    fallback: str = "to be decided",
) -> str:
    value = answers.get(qid)
    if value is None or value is DEFERRED:
        return fallback
    return names.get(str(value), str(value))


def flowchart(answers: Mapping[str, Value]) -> str:
    """The Mermaid source for a record's flat answers (``section.question -> value``)."""
    chart = _Chart()
    features = answers.get("layout.features")
    feature_names = list(features) if isinstance(features, list) and features else ["features"]
    style = answers.get("layout.style")
    isolation = answers.get("infrastructure.isolation")
    falcon = answers.get("infrastructure.framework") == "falcon"
    framework = "Falcon" if falcon else "Flask"
    database = answers.get("initialization.database")
    has_db = database not in ("none", None)

    chart.node("client", "HTTP clients", "round")
    chart.open("unit", f"Deployment unit: {_pick(answers, 'deployment.artifact', _ARTIFACT)}")
    chart.node("server", f"WSGI server: {_pick(answers, 'deployment.wsgi_server', _SERVER)}")
    chart.node("wsgi", "wsgi.py")
    if answers.get("initialization.entry_point") == "module":
        chart.node("app", f"{framework} app (module level)")
    else:
        chart.node("app", f"{framework} app from create_app()")
    chart.node(
        "config",
        f"Configuration: {_pick(answers, 'initialization.config_source', _CONFIG)}",
        "note",
    )

    sinks: list[str] = []
    if style == "ports_and_adapters":
        sinks = _ports_and_adapters(chart, feature_names, framework)
    elif style == "by_layer":
        sinks = _by_layer(chart, feature_names, isolation)
    else:
        sinks = _by_feature(chart, feature_names, isolation)
    chart.close()

    chart.edge("client", "server")
    chart.edge("server", "wsgi")
    chart.edge("wsgi", "app")
    chart.edge("config", "app", "read at start-up", dotted=True)
    if has_db:
        chart.node("db", f"Database: {_pick(answers, 'initialization.database', _DB)}", "db")
        for sink in sinks:
            chart.edge(sink, "db")
    resources = answers.get("lifetimes.other_resources")
    borrowed = [
        r for r in ("http_client", "cache") if isinstance(resources, list) and r in resources
    ]
    if borrowed:
        # One group and one edge: separate edges to side-by-side boxes cross each other.
        chart.open("borrowed", "Borrowed per request")
        if "http_client" in borrowed:
            chart.node("http", "Other services (pooled HTTP client)", "round")
        if "cache" in borrowed:
            chart.node("cache", "Cache", "db")
        chart.close()
        chart.edge("app", "borrowed", dotted=True)
    fmt = _pick(answers, "logging.format", _FORMAT)
    dest = _pick(answers, "logging.destination", {})
    chart.node("logs", f"Logs: {fmt} to {dest}, one logger per module", "note")
    chart.edge("unit", "logs", dotted=True)
    return chart.text()


def _by_feature(chart: _Chart, features: list[str], isolation: Value) -> list[str]:
    if len(features) > DRAWN_FEATURES:
        return _every_feature(chart, features, isolation)
    sinks = []
    for name in features:
        chart.open(f"f_{name}", f"feature: {name}")
        chart.node(f"{name}_routes", f"{name} blueprint (routes)")
        chart.node(f"{name}_services", f"{name} services")
        chart.edge(f"{name}_routes", f"{name}_services")
        if isolation in ("repository", "ports_and_adapters"):
            chart.node(f"{name}_repo", f"{name} repository")
            chart.edge(f"{name}_services", f"{name}_repo")
            sinks.append(f"{name}_repo")
        else:
            chart.node(f"{name}_models", f"{name} models")
            chart.edge(f"{name}_services", f"{name}_models")
            sinks.append(f"{name}_models")
        chart.close()
        chart.edge("app", f"{name}_routes")
    return sinks


def _every_feature(chart: _Chart, features: list[str], isolation: Value) -> list[str]:
    """One feature box for many features: the same three parts, named once."""
    chart.open("features", f"each of the {len(features)} features")
    chart.node("feature_names", ", ".join(features), "note")  # node labels wrap; titles do not
    chart.node("feature_routes", "blueprint (routes)")
    chart.node("feature_services", "services")
    chart.edge("feature_routes", "feature_services")
    sink = "feature_repo" if isolation in ("repository", "ports_and_adapters") else "feature_models"
    chart.node(sink, "repository" if sink == "feature_repo" else "models")
    chart.edge("feature_services", sink)
    chart.close()
    chart.edge("app", "feature_routes")
    return [sink]


def _by_layer(chart: _Chart, features: list[str], isolation: Value) -> list[str]:
    listed = ", ".join(features)
    chart.node("views", f"views: {listed}")
    chart.node("services", f"services: {listed}")
    chart.edge("app", "views")
    chart.edge("views", "services")
    if isolation in ("repository", "ports_and_adapters"):
        chart.node("repositories", f"repositories: {listed}")
        chart.edge("services", "repositories")
        return ["repositories"]
    chart.node("models", f"models: {listed}")
    chart.edge("services", "models")
    return ["models"]


def _ports_and_adapters(chart: _Chart, features: list[str], framework: str) -> list[str]:
    chart.open("entrypoints", f"entrypoints ({framework})")
    for name in features:
        chart.node(f"{name}_ep", f"{name} {'resource' if framework == 'Falcon' else 'blueprint'}")
    chart.close()
    chart.open("core", "application core (no framework, no ORM)")
    for name in features:
        chart.node(f"{name}_svc", f"{name} services")
    chart.node("domain", "domain model", "hex")
    chart.node("ports", "ports (repository protocols)")
    chart.close()
    chart.node("adapters", "adapters: SQLAlchemy repositories")
    for name in features:
        chart.edge("app", f"{name}_ep")
        chart.edge(f"{name}_ep", f"{name}_svc")
        chart.edge(f"{name}_svc", "domain")
        chart.edge(f"{name}_svc", "ports")
    chart.edge("adapters", "ports", "implements", dotted=True)
    return ["adapters"]

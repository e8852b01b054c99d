"""Decisions planner records but cannot generate, and the nearest skeleton it builds instead.

The record keeps what the team said (a PaaS target, CircleCI, a DB-API
connection on ``g``, no tests yet); the documents and ADRs render it as said.
Only the skeleton needs a value it knows how to build. For each such answer
this module names the value the skeleton uses instead (or ``None`` where no
file is generated for that part) and the sentence the generated README shows
under "Where the skeleton departs from the record", so nothing is substituted
silently.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Nearest:
    """What the skeleton builds for an answer it cannot generate, and why, in plain words."""

    value: str | None
    note: str


NEAREST: dict[str, dict[str, Nearest]] = {
    "deployment.artifact": {
        "source_paas": Nearest(
            "wheel",
            "The record deploys the source to a platform. planner writes no platform files "
            "(Procfile, runtime pin or manifest); the skeleton carries the wheel packaging in "
            "pyproject.toml, which the platform's Python build can install.",
        ),
        "source_venv": Nearest(
            "wheel",
            "The record deploys a source checkout into a virtual environment on the host. "
            "planner writes no deploy script for that; the skeleton carries the wheel "
            "packaging in pyproject.toml, and `pip install .` in the checkout uses it.",
        ),
        "not_deployed": Nearest(
            "wheel",
            "No deployment target is decided yet. The skeleton carries only the packaging in "
            "pyproject.toml that every later choice builds on; no Dockerfile, spec file or "
            "service unit is generated.",
        ),
    },
    "deployment.ci": {
        "circleci": Nearest(
            None,
            "The record runs CI on CircleCI. planner does not generate CircleCI pipelines, so "
            "the skeleton has no CI file; the pipeline should run the commands under Tests.",
        ),
        "travis": Nearest(
            None,
            "The record runs CI on Travis CI. planner does not generate `.travis.yml`, so the "
            "skeleton has no CI file; the build should run the commands under Tests.",
        ),
        "other": Nearest(
            None,
            "The record runs CI on a service planner does not know, so the skeleton has no CI "
            "file; the pipeline should run the commands under Tests.",
        ),
    },
    "deployment.wsgi_server": {
        "dev_server": Nearest(
            "gunicorn",
            "The record says only the development server runs the app so far. The skeleton "
            "still configures Gunicorn so it can be served for real; the development server "
            "works as before.",
        ),
    },
    "initialization.config_source": {
        "classes": Nearest(
            "layered",
            "The record chooses config classes by an environment flag. planner does not "
            "generate config classes; the skeleton's settings are layered (defaults in code, "
            "then a file, then environment variables), which covers the same ground.",
        ),
    },
    "initialization.config_read": {
        "import_time": Nearest(
            "at_creation",
            "The record says configuration is read at import time today. The generated code "
            "reads it when the app is created, the way the heuristics advise.",
        ),
    },
    "initialization.wiring": {
        "bootstrap": Nearest(
            "composition_root",
            "The record wires services in a bootstrap function or class. The skeleton's "
            "composition root plays that part: it builds every service in one place.",
        ),
        "middleware_singletons": Nearest(
            "composition_root",
            "The record hands module-level singletons to requests through middleware. The "
            "skeleton builds its services in a composition root when the app is created "
            "instead, so nothing is created at import time.",
        ),
    },
    "initialization.db_init": {
        "create_all_at_startup": Nearest(
            "command",
            "The record creates tables with create_all() at start-up. The skeleton creates "
            "them with an explicit init-db command instead, so starting the app never "
            "changes the schema.",
        ),
        "test_fixtures_only": Nearest(
            "command",
            "The record says only test fixtures create the schema. The skeleton adds an "
            "init-db command so a real environment can be set up the same way.",
        ),
        "create_all_then_migrate": Nearest(
            "migrations",
            "The record creates fresh installs with create_all and stamps them, and upgrades "
            "with migrations. The skeleton generates the migrations path only; add the "
            "create-and-stamp install command by hand.",
        ),
    },
    "lifetimes.db_session": {
        "dbapi_on_g": Nearest(
            "scoped_session",
            "The record keeps a plain DB-API connection on flask.g. planner generates "
            "SQLAlchemy code only; the skeleton uses the nearest lifetime, a scoped_session "
            "removed when every request ends.",
        ),
    },
    "layout.style": {
        "single_context": Nearest(
            "by_layer",
            "The record keeps one small package without features. The skeleton uses the "
            "by-layer layout, the closest planner generates: views, models and services "
            "modules side by side.",
        ),
    },
    "testing.layout": {
        "none_yet": Nearest(
            "mirror",
            "The record says there are no tests yet. The skeleton still ships tests in the "
            "mirror layout, because they are how the generated code proves it works.",
        ),
    },
    "logging.logger_scope": {
        "shared": Nearest(
            "where_used",
            "The record logs through one shared application logger. Each generated module "
            "that logs still gets its own logger, so records name the module they came from.",
        ),
    },
    "logging.format": {
        "unconfigured": Nearest(
            "text",
            "The record leaves logging unconfigured. The skeleton configures plain-text "
            "logging, so INFO records are not dropped by Python's defaults.",
        ),
    },
    "logging.destination": {
        "per_environment": Nearest(
            "stdout",
            "The record sends logs to a different place per environment. The skeleton sends "
            "them to standard output; each environment's destination is still to be wired.",
        ),
    },
}

OTHER_RESOURCES_GENERATED = ("http_client", "cache")
"""The resources of ``lifetimes.other_resources`` the skeleton generates a client for."""

RESOURCE_NAMES = {
    "message_queue": "message broker",
    "smtp": "SMTP connection",
    "job_queue": "job queue",
    "metrics": "metrics client",
    "rate_limit_storage": "rate-limiter storage",
}


def nearest(qid: str, value: object) -> Nearest | None:
    """The stand-in for ``value`` of question ``qid``, or None when planner generates it as is."""
    if not isinstance(value, str):
        return None
    return NEAREST.get(qid, {}).get(value)


def resources_note(resources: tuple[str, ...]) -> str | None:
    """The README sentence for recorded resources the skeleton has no client for."""
    missing = [RESOURCE_NAMES.get(r, r) for r in resources if r not in OTHER_RESOURCES_GENERATED]
    if not missing:
        return None
    return (
        "The record lists resources planner generates no client for: "
        + ", ".join(missing)
        + ". Create each once per worker and release it at shutdown, through the same wiring."
    )

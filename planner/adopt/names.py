"""The codebase's own names, written into the record's ``check:`` section.

These are the settings ``planner check`` reads (planner/check/config.py), so
that checking the code against the adopted record reports real deviations,
not names check did not know.
"""

from __future__ import annotations

from typing import Any

from planner.adopt.codebase import Codebase
from planner.adopt.initialization import app_classes, factories
from planner.adopt.layout import Shape
from planner.adopt.logs import log_wrappers, own_logger_factories
from planner.adopt.model import Answer
from planner.adopt.testing import test_files
from planner.check.model import name_matches
from planner.check.rules.infrastructure import DEFAULT_CORE


def check_settings(code: Codebase, shape: Shape, answers: dict[str, Answer]) -> dict[str, Any]:
    config = code.config
    settings: dict[str, Any] = {}
    own = sorted({n for n, _ in factories(code) if not name_matches(n, config.factories)})
    if own:
        settings["extend-factories"] = own
    own_classes = app_classes(code)
    if own_classes:
        settings["extend-app-classes"] = own_classes
    loggers = own_logger_factories(code)
    if loggers:
        settings["extend-logger-factories"] = loggers
    made = {n for n, _ in factories(code)}
    wrappers = [w for w in log_wrappers(code) if w not in made]  # a factory is not a log setup
    if wrappers:
        settings["extend-log-setup"] = wrappers
    folders = sorted(
        {
            f.split("/")[0]
            for f in test_files(code)
            if "/" in f
            and f.split("/")[0] not in config.test_folders
            and f.split("/")[0] not in ("src", code.package)
        }
    )
    if folders:
        settings["extend-test-folders"] = folders
    migrations = sorted(
        {
            path.split("/")[-2]
            for path in code.matching("*/env.py")
            if "alembic" in (code.text(path) or "") and path.split("/")[-2] not in config.migrations
        }
        | {
            path.split("/")[-3]
            for path in code.matching("*/versions/*.py")
            if len(path.split("/")) >= 3
            and path.split("/")[-3] not in config.migrations
            and code.matching("/".join(path.split("/")[:-2]) + "/env.py")
        }
    )
    if migrations:
        settings["extend-migrations"] = migrations
    if shape.feature_root:
        settings["feature-roots"] = [shape.feature_root]
    isolation = answers.get("infrastructure.isolation")
    style = answers.get("layout.style")
    if isolation is not None and isolation.value == "ports_and_adapters":
        from planner.adopt.infrastructure import core_packages

        core = core_packages(code)
        kind = str(style.value) if style is not None and not style.open else "by_feature"
        if core and tuple(core) != DEFAULT_CORE.get(kind):
            defaults = DEFAULT_CORE.get(kind, ())
            if not all(any(c == d for d in defaults) for c in core):
                settings["core"] = core
    views = sorted(
        {
            part
            for f in code.app_modules
            for part in code.relative_module(f).split(".")
            if part == "controllers" and part not in config.views
        }
    )
    if views and answers.get("layout.views") is not None:
        settings["extend-views"] = views
    return settings

"""The codebase's own names, written into the record's ``check:`` section.

These are the settings ``planner check`` reads (planner/check/config.py), so
that checking the code against the adopted record reports real deviations,
not names check did not know.
"""

from __future__ import annotations

import fnmatch
from typing import Any

from planner.adopt.apps import app_classes, factories
from planner.adopt.codebase import _VENDORED, Codebase
from planner.adopt.initialization import composition_roots
from planner.adopt.layout import Shape
from planner.adopt.logs import log_wrappers, own_logger_factories
from planner.adopt.model import Answer
from planner.adopt.storage import storage_names
from planner.adopt.testing import test_files
from planner.check.model import name_matches
from planner.check.rules.infrastructure import DEFAULT_CORE


def check_settings(code: Codebase, shape: Shape, answers: dict[str, Answer]) -> dict[str, Any]:
    config = code.config
    settings: dict[str, Any] = {}
    own = sorted({n for n, _ in factories(code) if not name_matches(n, config.factories)})
    if own:
        settings["extend-factories"] = own
    roots = [
        name
        for name in composition_roots(code)
        if not any(fnmatch.fnmatchcase(name, p) for p in config.composition_roots)
    ]
    if roots:
        settings["extend-composition-roots"] = roots
    storage = [name for name, _ in storage_names(code)]
    if storage:
        settings["extend-storage"] = storage
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
    # test support inside the package (indico/testing/: pytest fixtures and its plugin)
    support = sorted(
        {
            code.relative_module(f).split(".")[0]
            for f in code.app_modules
            if code.relative_module(f).split(".")[0] in _TEST_SUPPORT
            and any(i.target.split(".")[0] == "pytest" for i in f.imports)
        }
    )
    folders = sorted({*folders, *(s for s in support if s not in config.test_folders)})
    if folders:
        settings["extend-test-folders"] = folders
    vendored = sorted(
        {
            "/".join([code.rel(code.package_dir), *parts[: parts.index(part) + 1]]) + "/*"
            for f in code.modules
            for parts in [code.relative_module(f).split(".")[:-1]]
            for part in parts[:1] + [p for p in parts[1:] if p in _VENDORED]
            if part in _VENDORED
        }
    )
    # a version module versioneer (or a tool based on it) wrote, not the team's code
    generated = sorted(
        code.rel(f.path)
        for f in code.modules
        if f.path.name == "_version.py" and "versioneer" in (code.text(code.rel(f.path)) or "")
    )
    if vendored or generated:
        # someone else's code: no decision of the team applies
        settings["exclude"] = [*vendored, *generated]
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
    style = answers.get("layout.style")
    if shape.feature_root and style is not None and style.value == "by_feature":
        settings["feature-roots"] = [shape.feature_root]
    isolation = answers.get("infrastructure.isolation")
    if isolation is not None and isolation.value == "ports_and_adapters":
        from planner.adopt.infrastructure import core_packages

        core = core_packages(code)
        kind = str(style.value) if style is not None and not style.open else "by_feature"
        if core and tuple(core) != DEFAULT_CORE.get(kind):
            defaults = DEFAULT_CORE.get(kind, ())
            if not all(any(c == d for d in defaults) for c in core):
                settings["core"] = core
    web = ("flask", "falcon", "werkzeug")
    controllers = [
        f
        for f in code.app_modules
        if "controllers" in code.relative_module(f).split(".") and not f.is_package
    ]
    # check matches view modules by a part of their name: "controllers" are views only when
    # most such modules are web code (Zaqar's storage drivers have controllers.py modules too)
    web_code = [f for f in controllers if any(i.target.split(".")[0] in web for i in f.imports)]
    views = (
        ["controllers"]
        if controllers
        and "controllers" not in config.views
        and len(web_code) * 2 > len(controllers)
        else []
    )
    if views and answers.get("layout.views") is not None:
        settings["extend-views"] = views
    tools = command_line_tools(code)
    if tools:
        settings["extend-cli"] = tools
    return settings


def _console_scripts(code: Codebase) -> list[str]:
    """The modules the distribution's console scripts run (``zaqar.bench.conductor``)."""
    targets: list[str] = []
    project = code.pyproject.get("project")
    scripts = project.get("scripts") if isinstance(project, dict) else None
    if isinstance(scripts, dict):
        targets += [str(v) for v in scripts.values()]
    if code.distribution:
        section = ""
        for line in code.lines(f"{code.distribution}/entry_points.txt"):
            stripped = line.strip()
            if stripped.startswith("["):
                section = stripped
            elif section == "[console_scripts]" and "=" in stripped:
                targets.append(stripped.split("=", 1)[1].strip())
    return sorted({t.split(":", 1)[0].strip() for t in targets})


def command_line_tools(code: Codebase) -> list[str]:
    """Packages and modules that exist to be run as command line tools: what a console script
    runs, and its whole package when nothing else in the code imports it (zaqar/bench/)."""
    relative = {f.module: code.relative_module(f) for f in code.app_modules}
    found: set[str] = set()
    for target in _console_scripts(code):
        if target not in relative or not relative[target]:
            continue  # not in this package, or the package itself (octoprint:main)
        facts = next(f for f in code.app_modules if f.module == target)
        if code.context.is_cli(facts):
            continue
        module = relative[target]
        package = module.rsplit(".", 1)[0] if "." in module else ""
        inside = f"{code.package}.{package}"
        used_outside = package and any(
            i.target == inside or i.target.startswith(inside + ".")
            for f in code.app_modules
            if not (f.module == inside or f.module.startswith(inside + "."))
            for i in f.imports
        )
        found.add(package if package and not used_outside else module)
    # a console or terminal helper writes to the terminal by purpose (indico/util/console.py)
    for facts in code.app_modules:
        module = code.relative_module(facts)
        if (
            module.rsplit(".", 1)[-1] in _TERMINAL
            and not code.context.is_cli(facts)
            and any(c.name == "print" for c in facts.calls)
        ):
            found.add(module)
    return sorted(found)


_TERMINAL = {"console", "terminal", "tty"}
_TEST_SUPPORT = {"testing", "test_utils", "testutils", "pytest_plugins"}

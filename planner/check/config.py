"""What ``planner check`` needs to know about a codebase's own names: one model, two sources.

The same keys are read from the decision record's ``check:`` section and from
``[tool.planner.check]`` in ``pyproject.toml`` (where ruff, import-linter and
tach users look). The record wins key by key. A list given under its own name
replaces the default; under ``extend-<name>`` it adds to it. The defaults
cover common conventions, so most codebases need no configuration at all.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal

from planner.errors import PlannerError

Severity = Literal["error", "warning"]


class CheckConfigError(PlannerError):
    """The ``check`` configuration is not what planner can use; names file and key."""


@dataclass(frozen=True)
class CheckConfig:
    package: str = ""
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    rule_excludes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    severities: Mapping[str, Severity] = field(default_factory=dict)
    # INF001: modules (relative to the package, dotted; globs allowed) that must stay pure.
    # Empty: chosen by the recorded layout.
    core: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ("flask", "falcon", "sqlalchemy", "flask_sqlalchemy")
    # INF002: a module is a view when one of its name parts is listed here. ("resources"
    # is left out: Falcon calls its views so, but many Flask apps name resource wiring so.)
    views: tuple[str, ...] = ("routes", "views", "handlers", "endpoints", "entrypoints")
    storage: tuple[str, ...] = ("sqlalchemy", "flask_sqlalchemy", "{package}.database")
    # INI001 and INI003
    factories: tuple[str, ...] = (
        "create_app",
        "make_app",
        "build_app",
        "app_factory",
        "create_application",
        "make_application",
        "init_application",
    )
    composition_roots: tuple[str, ...] = (
        "compose",
        "build_services",
        "bootstrap",
        "Bootstrap",
        "*Services",
        "*Container",
    )
    # LOG001 and LOG003
    logger_factories: tuple[str, ...] = (
        "getLogger",
        "get_logger",
        "getlogger",
        "logger",
        "Logger.get",
        "getChild",
    )
    log_setup: tuple[str, ...] = (
        "dictConfig",
        "fileConfig",
        "basicConfig",
        "configure_logging",
        "setup_logging",
        "init_logging",
        "log.setup",
        "structlog.configure",
    )
    app_classes: tuple[str, ...] = ("Flask", "flask.Flask", "falcon.App", "falcon.API")
    # TST001 and what counts as application code
    test_folders: tuple[str, ...] = ("tests", "test")
    test_patterns: tuple[str, ...] = ("test_{name}.py", "{name}_test.py", "test_{name}_*.py")
    migrations: tuple[str, ...] = ("migrations", "alembic_migrations", "alembic")
    cli: tuple[str, ...] = ("cli", "commands", "cmd", "manage", "__main__", "scripts")
    # LAY002
    feature_roots: tuple[str, ...] = ("",)  # dotted, relative to the package; "" is the package
    feature_depth: int = 1
    public: tuple[str, ...] = ()  # feature modules others may import, e.g. "*.decorators"

    def severity(self, rule: str, default: Severity) -> Severity:
        return self.severities.get(rule, default)


_LISTS = {
    f.name.replace("_", "-")
    for f in fields(CheckConfig)
    if f.name not in ("package", "rule_excludes", "severities", "feature_depth")
}
KEYS = sorted(
    {*_LISTS, *(f"extend-{k}" for k in _LISTS), "package", "rules", "feature-depth"}
    - {"extend-select", "extend-ignore"}
)


def _strings(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CheckConfigError(f"{where}: expected a list of strings, got {value!r}"[:300])
    return tuple(value)


def merge(
    base: CheckConfig,
    data: object,
    source: str,
    prefix: str = "check.",
    lines: Mapping[str, int] | None = None,
) -> CheckConfig:
    """``base`` with the settings of one source (``data``) applied.

    ``source`` names the file and section for messages, ``lines`` the line of each key.
    """
    if data is None:
        return base
    if not isinstance(data, Mapping):
        raise CheckConfigError(f"{source}: {prefix[:-1]}: expected a mapping, got {data!r}"[:300])
    changes: dict[str, Any] = {}
    for raw_key, value in data.items():
        key = str(raw_key).replace("_", "-")
        line = (lines or {}).get(str(raw_key))
        where = f"{source}{f':{line}' if line else ''}: {prefix}{raw_key}"
        if key not in KEYS:
            from planner.reader import did_you_mean

            raise CheckConfigError(
                f"{where}: unknown setting{did_you_mean(key, KEYS)}; settings: {', '.join(KEYS)}"
            )
        if key == "package":
            if not isinstance(value, str) or not value.isidentifier():
                raise CheckConfigError(f"{where}: expected a package name, got {value!r}")
            changes["package"] = value
        elif key == "feature-depth":
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 5:
                raise CheckConfigError(f"{where}: expected a number from 1 to 5, got {value!r}")
            changes["feature_depth"] = value
        elif key == "rules":
            excludes, severities = _rules(value, where)
            changes["rule_excludes"] = {**base.rule_excludes, **excludes}
            changes["severities"] = {**base.severities, **severities}
        elif key.startswith("extend-"):
            name = key.removeprefix("extend-").replace("-", "_")
            current = changes.get(name, getattr(base, name))
            changes[name] = (*current, *_strings(value, where))
        else:
            name = key.replace("-", "_")
            changes[name] = _strings(value, where)
    return replace(base, **changes)


def _rules(value: object, where: str) -> tuple[dict[str, tuple[str, ...]], dict[str, Severity]]:
    if not isinstance(value, Mapping):
        raise CheckConfigError(f"{where}: expected RULE: {{exclude: [...], severity: ...}}")
    excludes: dict[str, tuple[str, ...]] = {}
    severities: dict[str, Severity] = {}
    for rule, options in value.items():
        here = f"{where}.{rule}"
        if not isinstance(options, Mapping):
            raise CheckConfigError(f"{here}: expected a mapping with exclude and/or severity")
        for option, setting in options.items():
            if option == "exclude":
                excludes[str(rule)] = _strings(setting, f"{here}.exclude")
            elif option == "severity":
                if setting not in ("error", "warning"):
                    raise CheckConfigError(
                        f"{here}.severity: expected error or warning, got {setting!r}"
                    )
                severities[str(rule)] = setting
            else:
                raise CheckConfigError(
                    f"{here}: unknown option {option!r}; options: exclude, severity"
                )
    return excludes, severities


def from_pyproject(root: Path) -> tuple[CheckConfig, Path | None]:
    """The defaults with ``[tool.planner.check]`` of ``root/pyproject.toml`` applied."""
    from planner.check.files import Unreadable, is_regular, read_text

    path = root / "pyproject.toml"
    if not is_regular(path):
        return CheckConfig(), None
    try:
        data = tomllib.loads(read_text(path, root))
    except Unreadable:
        return CheckConfig(), None  # DEP001 reports an unreadable pyproject.toml
    except (tomllib.TOMLDecodeError, RecursionError):
        return CheckConfig(), None
    tool = data.get("tool")
    planner = tool.get("planner") if isinstance(tool, dict) else None
    section = planner.get("check") if isinstance(planner, dict) else None
    if section is None:
        return CheckConfig(), None
    return merge(CheckConfig(), section, str(path), "tool.planner.check."), path


def requires_python(root: Path) -> str | None:
    """``project.requires-python`` of ``root/pyproject.toml``, when it can be read."""
    from planner.check.files import Unreadable, is_regular, read_text

    path = root / "pyproject.toml"
    if not is_regular(path):
        return None
    try:
        data = tomllib.loads(read_text(path, root))
    except (Unreadable, tomllib.TOMLDecodeError, RecursionError):
        return None
    project = data.get("project")
    value = project.get("requires-python") if isinstance(project, dict) else None
    return value if isinstance(value, str) else None

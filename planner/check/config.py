"""What ``planner check`` needs to know about a codebase's own names: one model, two sources.

The same keys are read from the decision record's ``check:`` section and from
``[tool.planner.check]`` in ``pyproject.toml`` (where ruff, import-linter and
tach users look). The record wins key by key. A list given under its own name
replaces the default; under ``extend-<name>`` it adds to it. The defaults
cover common conventions, so most codebases need no configuration at all.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal

from planner.errors import InputFileError, Problem

Severity = Literal["error", "warning"]


class CheckConfigError(InputFileError):
    """The ``check`` settings are not what planner can use; each problem names file,
    line and field."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems, what="file's check settings")


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
    # The list settings a source gave under their own name (``test-patterns``), replacing
    # the default: a rule can then tell a team's choice from the default it narrows.
    given: frozenset[str] = frozenset()

    def severity(self, rule: str, default: Severity) -> Severity:
        return self.severities.get(rule, default)


_LISTS = {
    f.name.replace("_", "-")
    for f in fields(CheckConfig)
    if f.name not in ("package", "rule_excludes", "severities", "feature_depth", "given")
}
KEYS = sorted(
    {*_LISTS, *(f"extend-{k}" for k in _LISTS), "package", "rules", "feature-depth"}
    - {"extend-select", "extend-ignore"}
)


# What each list holds, so a value that can never match is caught when it is read.
_IDENTIFIERS = ("views", "migrations")  # one name part each
_FOLDERS = ("test-folders",)  # a folder name
_PACKAGES = ("forbidden", "storage")  # dotted package names, no globs
_MODULES = ("core", "cli", "public", "feature-roots")  # dotted, relative, globs allowed
_CALLS = ("factories", "composition-roots", "logger-factories", "log-setup", "app-classes")
_FILES = ("test-patterns",)  # file names with {name}
_PATHS = ("exclude",)  # globs over project-relative paths
_RULE_IDS = ("select", "ignore")
_GLOB = frozenset("*?[")


_ABOUT = {
    "package": "The package to check (its folder name); found from the record when omitted.",
    "select": "Run only these rules (ids such as LOG002).",
    "ignore": "Never run these rules.",
    "exclude": "Project-relative paths (globs) that are never read.",
    "core": "Modules that must stay pure (INF001): dotted, relative to the package, globs allowed.",
    "forbidden": "Packages the core must never reach (INF001).",
    "views": "Name parts that make a module a view (INF002).",
    "storage": "Packages and modules that are storage, kept out of views (INF002).",
    "factories": "Names of the application factory (INI001, INI003).",
    "composition-roots": "Functions or classes that wire the application (INI003).",
    "logger-factories": "Calls that create a module's logger (LOG001).",
    "log-setup": "Calls that configure logging (LOG003).",
    "app-classes": "Classes whose instances are the web application.",
    "test-folders": "Folders that hold tests.",
    "test-patterns": "Test file names for a module, with {name} (TST001).",
    "migrations": "Folders of database migrations, not application code.",
    "cli": "Command-line modules, where print() is output (LOG002).",
    "feature-roots": "Where features live, dotted and relative to the package (LAY002).",
    "feature-depth": "How many name parts below a feature root make a feature (LAY002).",
    "public": "Feature modules other features may import (LAY002), globs allowed.",
    "rules": "Per rule: paths it skips (exclude) and its severity (error or warning).",
}


def settings_schema() -> dict[str, Any]:
    """A JSON Schema of the settings, for the record's schema: editors complete the keys."""
    strings: dict[str, Any] = {"type": "array", "items": {"type": "string", "minLength": 1}}
    rule = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "exclude": strings,
            "severity": {"enum": ["error", "warning"]},
        },
    }
    properties: dict[str, Any] = {}
    for key in KEYS:
        base = key.removeprefix("extend-")
        about = _ABOUT.get(base, "")
        if key.startswith("extend-"):
            about = f"Added to the defaults of {base}. {about}"
        if key == "package":
            spec: dict[str, Any] = {"type": "string", "pattern": r"^[A-Za-z_][A-Za-z0-9_]*$"}
        elif key == "feature-depth":
            spec = {"type": "integer", "minimum": 1, "maximum": 5}
        elif key == "rules":
            spec = {
                "type": "object",
                "propertyNames": {"pattern": "^[A-Z]{3}[0-9]{3}$"},
                "additionalProperties": rule,
            }
        else:
            spec = dict(strings)
        properties[key] = {**spec, "description": about.strip()}
        if "-" in key:  # read with underscores too
            properties[key.replace("-", "_")] = properties[key]
    return {
        "type": "object",
        "description": "Names planner check reads from this codebase (see planner check --help).",
        "additionalProperties": False,
        "properties": properties,
    }


def did_you_mean(word: str, options: Iterable[str]) -> str:
    from planner.reader import did_you_mean as hint  # yaml stays unloaded until needed

    return hint(word, options)


def type_name(value: object) -> str:
    from planner.reader import type_name as name

    return name(value)


def _rule_ids() -> list[str]:
    from planner.check.rules import ALL

    return sorted(rule.id for rule in ALL)


def _unknown_rule(rule: str, known: list[str]) -> str:
    hint = did_you_mean(rule, known)
    if not hint and rule.upper() in known:
        hint = f" (did you mean {rule.upper()!r}? rule ids are upper case)"
    return f"unknown rule {rule!r}{hint}"


def _bad_glob(text: str) -> str | None:
    depth = 0
    for char in text:
        if char == "[":
            depth += 1
        elif char == "]" and depth:
            depth -= 1
    return "a [ is never closed, so the pattern matches nothing" if depth else None


def _dotted_problem(text: str, globs: bool, placeholder: bool = False) -> str | None:
    if "/" in text or "\\" in text or text.endswith(".py"):
        return "expected a dotted name like shop.domain, not a path"
    for part in text.split("."):
        if placeholder and part == "{package}":
            continue
        what = "" if part == text else f"{part!r} "
        if not part:
            return "expected a dotted name like shop.domain (an empty part between dots)"
        if _GLOB & set(part):
            if not globs:
                return f"{what}is a glob, which this setting does not take; list the names"
            if not all(c.isalnum() or c in "_*?[]!-" for c in part):
                return f"{what}is neither a Python name nor a glob of one"
            bad = _bad_glob(part)
            if bad:
                return bad
        elif not part.isidentifier():
            return f"{what}is not a Python name"
    return None


def _item_problem(key: str, text: str) -> str | None:
    """What is wrong with one entry of the list setting ``key`` (no extend- prefix)."""
    if not text.strip():
        if key == "feature-roots" and text == "":
            return None  # the package itself
        return "empty; give a name"
    if text != text.strip():
        return "has spaces around it, so it matches nothing"
    if key in _IDENTIFIERS:
        return None if text.isidentifier() else "expected one Python name (no dots, no path)"
    if key in _FOLDERS:
        if "/" not in text and "\\" not in text and text not in (".", ".."):
            return None
        last = text.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        hint = f"; for {text!r} give {last!r}" if last not in ("", ".", "..") else ""
        return (
            "expected a folder name (no path): a test folder of that name is looked for "
            f"both beside the package and directly inside it{hint}"
        )
    if key in _PACKAGES:
        return _dotted_problem(text, globs=False, placeholder=key == "storage")
    if key in _MODULES or key in _CALLS:
        return _dotted_problem(text, globs=True)
    if key in _FILES:
        if "{name}" not in text:
            return "expected a file name with {name} in it, like test_{name}.py"
        if not text.endswith(".py") or "/" in text or "\\" in text:
            return "expected a Python file name like test_{name}.py (no folder)"
        return _bad_glob(text)
    if key in _PATHS:
        if text.startswith(("/", "./")) or "\\" in text:
            return "expected a path relative to the project with / between folders"
        return _bad_glob(text)
    if key in _RULE_IDS:
        known = _rule_ids()
        return None if text in known else _unknown_rule(text, known)
    return None


class _Checker:
    """Collects every problem of one source's settings, each with its file, line and field."""

    def __init__(self, source: str, prefix: str, lines: Mapping[str, int] | None) -> None:
        self.source = source
        self.prefix = prefix
        self.lines = lines or {}
        self.problems: list[Problem] = []

    def fail(self, path: str, message: str) -> None:
        line = None
        probe = path
        while probe:
            line = self.lines.get(probe)
            if line is not None:
                break
            cut = max(probe.rfind("."), probe.rfind("["))
            probe = probe[:cut] if cut > 0 else ""
        if line is None:
            line = self.lines.get("")  # the line that opens the section
        self.problems.append(Problem(self.source, line, None, self.prefix + path, message))

    def strings(self, value: object, path: str, key: str) -> None:
        if not isinstance(value, list):
            hint = f"; write [{json.dumps(value)}]" if isinstance(value, str) else ""
            self.fail(path, f"expected a list of text, found {type_name(value)}{hint}")
            return
        for i, item in enumerate(value):
            if not isinstance(item, str):
                self.fail(f"{path}[{i}]", f"expected text, found {type_name(item)}")
                continue
            problem = _item_problem(key, item)
            if problem:
                self.fail(f"{path}[{i}]", f"{item!r}: {problem}")

    def rules(self, value: object, path: str) -> None:
        if not isinstance(value, Mapping):
            self.fail(
                path, f"expected RULE: {{exclude: [...], severity: ...}}, found {type_name(value)}"
            )
            return
        known = _rule_ids()
        for rule, options in value.items():
            here = f"{path}.{rule}"
            if str(rule) not in known:
                self.fail(here, _unknown_rule(str(rule), known))
            if not isinstance(options, Mapping):
                self.fail(here, f"expected exclude and/or severity, found {type_name(options)}")
                continue
            for option, setting in options.items():
                where = f"{here}.{option}"
                if option == "exclude":
                    self.strings(setting, where, "exclude")
                elif option == "severity":
                    if setting not in ("error", "warning"):
                        self.fail(where, f"expected error or warning, found {setting!r}"[:200])
                else:
                    hint = did_you_mean(str(option), ("exclude", "severity"))
                    self.fail(where, f"unknown option {option!r}{hint}; options: exclude, severity")

    def check(self, data: object) -> None:
        if not isinstance(data, Mapping):
            self.problems.append(
                Problem(
                    self.source,
                    self.lines.get(""),
                    None,
                    self.prefix[:-1],
                    f"expected a mapping, found {type_name(data)}",
                )
            )
            return
        for raw_key, value in data.items():
            path = str(raw_key)
            key = path.replace("_", "-")
            if key not in KEYS:
                self.fail(
                    path,
                    f"unknown setting{did_you_mean(key, KEYS)}; settings: {', '.join(KEYS)}",
                )
            elif key == "package":
                if not isinstance(value, str) or not value.isidentifier():
                    self.fail(path, f"expected a package name (a Python name), found {value!r}")
            elif key == "feature-depth":
                if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 5:
                    self.fail(path, f"expected a number from 1 to 5, found {value!r}")
            elif key == "rules":
                self.rules(value, path)
            else:
                self.strings(value, path, key.removeprefix("extend-"))


def problems(
    data: object, source: str, prefix: str = "check.", lines: Mapping[str, int] | None = None
) -> list[Problem]:
    """Every problem of one source's settings (``data``), none when planner can use them.

    ``source`` names the file, ``prefix`` the section, ``lines`` the line of each field
    (``core``, ``core[1]``, ``rules.LOG002.severity``; the nearest given one is used).
    """
    if data is None:
        return []
    checker = _Checker(source, prefix, lines)
    checker.check(data)
    return checker.problems


def merge(
    base: CheckConfig,
    data: object,
    source: str,
    prefix: str = "check.",
    lines: Mapping[str, int] | None = None,
) -> CheckConfig:
    """``base`` with the settings of one source (``data``) applied.

    Raises :class:`CheckConfigError` listing every problem before anything is applied.
    """
    found = problems(data, source, prefix, lines)
    if found:
        raise CheckConfigError(found)
    if not isinstance(data, Mapping):
        return base
    changes: dict[str, Any] = {}
    for raw_key, value in data.items():
        key = str(raw_key).replace("_", "-")
        if key == "package":
            changes["package"] = value
        elif key == "feature-depth":
            changes["feature_depth"] = value
        elif key == "rules":
            excludes = {str(r): tuple(o["exclude"]) for r, o in value.items() if "exclude" in o}
            severities = {str(r): o["severity"] for r, o in value.items() if "severity" in o}
            changes["rule_excludes"] = {**base.rule_excludes, **excludes}
            changes["severities"] = {**base.severities, **severities}
        elif key.startswith("extend-"):
            name = key.removeprefix("extend-").replace("-", "_")
            current = changes.get(name, getattr(base, name))
            changes[name] = (*current, *value)
        else:
            changes[key.replace("-", "_")] = tuple(value)
            changes["given"] = changes.get("given", base.given) | {key}
    return replace(base, **changes)


def pyproject_lines(text: str) -> dict[str, int]:
    """The line of each key of ``tool.planner.check`` in a ``pyproject.toml``: ``core``,
    ``rules``, ``rules.LOG002``..., and under ``""`` the line that opens the section
    (``[tool.planner.check]``, or ``check = {...}`` in ``[tool.planner]``). Keys inside
    inline tables and arrays take the line of the key that holds them (lookups walk up).
    """
    section = "tool.planner.check"
    lines: dict[str, int] = {}
    table = ""
    for number, line in enumerate(text.splitlines(), 1):
        header = _TABLE.match(line)
        if header or line.lstrip().startswith("[["):
            table = _dotted_key(header.group(1)) if header else "[[array]]"
            if table == section or table.startswith(section + "."):
                lines.setdefault(table[len(section) + 1 :], number)
            continue
        key = _KEY.match(line)
        if key:
            full = ".".join(filter(None, (table, _dotted_key(key.group(1)))))
            if full == section or full.startswith(section + "."):
                lines.setdefault(full[len(section) + 1 :], number)
    return lines


def _dotted_key(text: str) -> str:
    return ".".join(p.strip().strip("\"'") for p in text.split("."))


_TABLE = re.compile(r"^\s*\[([^\[\]]+)\]\s*(?:#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-.\"' ]+?)\s*=")


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
    lines = pyproject_lines(read_text(path, root))
    return merge(CheckConfig(), section, str(path), "tool.planner.check.", lines), path


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

"""Heuristic 2, initialization: where configuration comes from and when it is read."""

from __future__ import annotations

import re

from planner.adopt.apps import factories, memoized
from planner.adopt.choices import has, pick
from planner.adopt.codebase import Codebase, first
from planner.adopt.model import Answer, Evidence, left_open
from planner.check.facts import ModuleFacts
from planner.questions.model import Bank

_FILE_LOADERS = (
    "load_from_file",
    "yaml.load",
    "from_file",
    "from_pyfile",
    "from_envvar",
    "tomllib.load",
    "toml.load",
    "yaml.safe_load",
    "read_file",
    "ConfigParser",
)
_ENV_LOADERS = (
    "*from_env",
    "*config_from_env*",
    "from_prefixed_env",
    "os.environ.items",
    "environ.items",
    "os.environ.copy",
    "Env.read_env",
    "read_env",
)


_DATA_LOADERS = ("yaml.load", "yaml.safe_load", "tomllib.load", "toml.load", "read_file")
_CONFIG_WORDS = re.compile(r"(?i)conf|settings|cfg|options|environ")


def _loads_config(code: Codebase, facts: ModuleFacts, where: Evidence) -> bool:
    """A YAML or TOML load counts as a configuration file only when its module, its path or
    what it is assigned to says so (``presets = yaml.safe_load(f)`` loads data)."""
    leaf = where.text.removesuffix("()").rsplit(".", 1)[-1]
    if leaf not in {d.rsplit(".", 1)[-1] for d in _DATA_LOADERS}:
        return True
    lines = code.lines(where.path)
    line = lines[where.line - 1] if 0 < where.line <= len(lines) else ""
    return bool(_CONFIG_WORDS.search(facts.module.rsplit(".", 1)[-1]) or _CONFIG_WORDS.search(line))


_PROJECT_LOADERS = ("load_config", "load_settings", "read_config", "load_configuration")
_SETTINGS_PARTS = {"config", "settings", "conf", "configuration"}
_NOT_SERVICE = {"testing", "tests", "test", "bench", "benchmarks"}


def _service_modules(code: Codebase) -> list[ModuleFacts]:
    """The modules that serve: command line tools, test helpers and benchmarks left out."""
    return [
        m
        for m in code.app_modules
        if not code.context.is_cli(m) and not _NOT_SERVICE & set(m.module.split(".")[1:])
    ]


def _settings_first(code: Codebase, found: list[tuple[ModuleFacts, Evidence]]) -> list[Evidence]:
    """Evidence from settings modules (``settings``, ``config``) before the rest."""
    own = [e for m, e in found if _SETTINGS_PARTS & set(m.module.split(".")[1:])]
    return first(own, 3) + first((e for m, e in found if e not in own), 5 - min(3, len(own)))


def _settings_table(code: Codebase) -> list[Evidence]:
    """A settings table in the app's own database (Calibre-Web's ``_Settings``)."""
    return [
        Evidence(code.rel(f.path), f.strings.get("settings", 0), f"class {name}: a settings table")
        for f in code.app_modules
        if "settings" in f.strings and any(i.target.startswith("sqlalchemy") for i in f.imports)
        for name in sorted(f.classes)
        if name.lstrip("_") in ("Settings", "Setting")
    ]


def config_source(code: Codebase, bank: Bank) -> Answer | None:
    qid = "initialization.config_source"
    service = _service_modules(code)
    factory_names = {name for name, _ in factories(code)}
    loaded = [
        Evidence(code.rel(m.path), c.line, f"{c.name}() in the factory {c.function}()")
        for m, c in code.call_sites(*_PROJECT_LOADERS, modules=service)
        if c.function in factory_names
    ]
    # oslo.config: ``conf(project="zaqar")`` reads /etc/<project>/<project>.conf
    oslo = [
        Evidence(code.rel(m.path), c.line, f"{c.name}(project=...): oslo.config reads its file")
        for m in code.app_modules
        if any(i.target.startswith("oslo_config") for i in m.imports)
        for c in m.calls
        if "project" in c.keywords
    ]
    loaders = [
        (m, e) for m, e in code.calls(*_FILE_LOADERS, modules=service) if _loads_config(code, m, e)
    ]
    files = loaded + first(oslo, 2) + _settings_first(code, loaders)
    env = [e for _, e in code.calls(*_ENV_LOADERS, modules=service)]
    env += code.imports("environs", "pydantic_settings", "decouple", "dotenv")
    reads = first((e for _, e in code.calls("os.getenv", "os.environ.get", modules=service)), 50)
    if len(reads) >= 3:
        env += reads
    classes = [e for _, e in code.calls("from_object")]
    table = _settings_table(code)
    if files and env:
        return pick(
            bank,
            qid,
            "layered",
            "likely",
            first(files, 3) + first(env, 3),
            finding="configuration files and environment variables are both read",
        )
    if files:
        return pick(bank, qid, "file", "likely", files[:6])
    if table:
        return left_open(
            qid,
            "settings are kept in a table of the app's own database"
            + (f" ({len(env)} environment reads besides)" if env else "")
            + "; the bank has no value for that",
            first(table, 2) + first(env, 2),
        )
    if env:
        return pick(bank, qid, "env", "likely", first(env))
    if classes:
        return pick(
            bank,
            qid,
            "classes",
            "likely",
            first(classes),
            nearest="file",
            finding="settings come from Python objects (app.config.from_object)",
        )
    return left_open(qid, "no configuration loading was recognised")


_READS_CONFIG = re.compile(
    r"(?i)(load|read|parse|init)_?(config|settings)|config\.from_|(^|\.)configure_app$"
)


def config_files(code: Codebase) -> list[ModuleFacts]:
    """Settings modules the app loads as files (``from_pyfile``, ``from_envvar``), never imports.

    What such a file reads runs when the app loads it, not when the package is imported.
    """
    if "config_files" in code.memo:
        return list(code.memo["config_files"])
    found: list[ModuleFacts] = []
    if code.call_sites("from_pyfile", "from_envvar"):
        imported = {i.target for m in code.modules for i in m.imports}
        for facts in code.app_modules:
            leaf = facts.module.rsplit(".", 1)[-1]
            if not re.search(r"settings|config|conf$|cfg", leaf):
                continue
            if any(t == facts.module or t.startswith(facts.module + ".") for t in imported):
                continue
            found.append(facts)
    code.memo["config_files"] = found
    return list(found)


def config_read(code: Codebase, bank: Bank) -> Answer | None:
    """Newer banks ask whether configuration is read at import time."""
    qid = "initialization.config_read"
    if not has(bank, qid):
        return None
    files = {id(m) for m in config_files(code)}
    reads = [
        Evidence(code.rel(f.path), r.line, r.code)
        for f in code.app_modules
        if id(f) not in files
        for r in f.env_reads
    ]
    if reads:
        return pick(bank, qid, "import_time", "certain", first(reads))
    # where the configuration is read instead: in the factory (load_config(), configure_app())
    made = factories(code)
    loading = [
        Evidence(code.rel(m.path), c.line, f"{c.name}() in the factory {c.function}()")
        for m in code.app_modules
        for c in m.calls
        if c.function in {name for name, _ in made}
        and not c.import_time
        and _READS_CONFIG.search(c.name)
    ]
    # a "factory" that keeps one app and is called at import time reads it at import time
    early = [e for _, e in memoized(code, made) if e.text.endswith("at import time")]
    if loading and early:
        return pick(
            bank,
            qid,
            "import_time",
            "likely",
            first(loading, 3) + early[:2],
            finding="the function that reads the configuration runs when modules are imported",
        )
    return pick(
        bank,
        qid,
        "at_creation",
        "likely",
        first(loading, 3),
        finding="no environment read at import time",
    )

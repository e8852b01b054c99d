"""Heuristic 2, app initialization: entry point, wiring, configuration source, database."""

from __future__ import annotations

import fnmatch
import re

from planner.adopt.choices import has, pick
from planner.adopt.codebase import Codebase, first
from planner.adopt.model import Answer, Evidence, contradicted, left_open
from planner.check.facts import ModuleFacts
from planner.questions.model import Bank


def app_classes(code: Codebase) -> list[str]:
    """The project's own app classes: ``class IndicoFlask(Flask)`` in a module importing Flask."""
    own = set()
    for facts in code.app_modules:
        if not any(i.target in ("flask.Flask", "falcon.App", "falcon.API") for i in facts.imports):
            continue
        for name in facts.classes:
            if name.endswith(("Flask", "App")) and name not in ("Flask", "App"):
                own.add(name)
    return sorted(own)


def app_creations(code: Codebase) -> list[tuple[ModuleFacts, str | None, Evidence]]:
    """Every call that creates the app object: (module, enclosing function or None, where)."""
    if "app_creations" in code.memo:
        return list(code.memo["app_creations"])
    found = []
    classes = (*code.config.app_classes, *app_classes(code))
    for facts, call in code.call_sites(*classes):
        where = Evidence(code.rel(facts.path), call.line, f"{call.name}()")
        found.append((facts, call.function if not call.import_time else None, where))
    code.memo["app_creations"] = found
    return list(found)


def factories(code: Codebase) -> list[tuple[str, Evidence]]:
    """Functions that create the app object: the project's app factories, by their own names."""
    out = []
    for facts, function, evidence in app_creations(code):
        if function is not None and function in facts.functions:
            out.append(
                (
                    function,
                    Evidence(
                        evidence.path,
                        evidence.line,
                        f"{function}() creates the app: {evidence.text}",
                    ),
                )
            )
    return out


def entry_point(code: Codebase, bank: Bank) -> Answer | None:
    qid = "initialization.entry_point"
    creations = app_creations(code)
    module_level = [e for _, function, e in creations if function is None]
    made = factories(code)
    if not creations:
        return left_open(
            qid, "no app object is created in the package (Flask(...) or falcon.App(...))"
        )
    if made and module_level:
        names = ", ".join(sorted({n for n, _ in made}))
        return contradicted(
            qid,
            f"both an app factory ({names}) and a module-level app exist",
            [*module_level, *(e for _, e in made)],
        )
    singletons = _memoized(code, made)
    if singletons:
        names = ", ".join(sorted({f"{n}()" for n, _ in singletons}))
        return contradicted(
            qid,
            f"{names} looks like an app factory but keeps one app in a module global and "
            "returns it on every call: a module-level app behind a function, not a factory",
            first([e for _, e in singletons], 8),
        )
    if made:
        return pick(bank, qid, "factory", "certain", first(e for _, e in made))
    return pick(
        bank,
        qid,
        "module",
        "certain",
        first(Evidence(e.path, e.line, f"module-level app: {e.text}") for e in module_level),
    )


def _memoized(code: Codebase, made: list[tuple[str, Evidence]]) -> list[tuple[str, Evidence]]:
    """Factories that create the app once and keep it in a module global (``global APP`` ...
    ``return APP``), with where, and the modules that take the app from them at import time."""
    found: list[tuple[str, Evidence]] = []
    for name, evidence in made:
        lines = code.lines(evidence.path)
        start = next(
            (
                n
                for n, line in enumerate(lines)
                if (m := _DEF.match(line)) and m.group(2) == name and not m.group(1)
            ),
            None,
        )
        if start is None:
            continue
        body: list[tuple[int, str]] = []
        for number in range(start + 1, len(lines)):
            line = lines[number]
            if line.strip() and not line[:1].isspace():
                break
            body.append((number + 1, line))
        kept = {
            held.strip(): number
            for number, line in body
            if (m := _GLOBAL.match(line))
            for held in m.group(2).split(",")
        }
        returned = [
            (number, held)
            for number, line in body
            if (m := re.match(r"\s+return\s+(\w+)\s*$", line)) and (held := m.group(1)) in kept
        ]
        if not returned:
            continue
        number, held = returned[0]
        found.append((name, evidence))
        found.append((name, Evidence(evidence.path, kept[held], f"global {held}")))
        found.append(
            (name, Evidence(evidence.path, number, f"return {held}: the same app each call"))
        )
        callers = [
            Evidence(code.rel(facts.path), call.line, f"{call.name}() at import time")
            for facts, call in code.call_sites(name)
            if call.import_time
        ]
        found += [(name, e) for e in callers[:4]]
        if len(callers) > 4:
            found.append(
                (
                    name,
                    Evidence(
                        callers[4].path, callers[4].line, f"... {len(callers)} such calls in all"
                    ),
                )
            )
    return found


# Names of a composition root. check also accepts ``*Container``, but in real code that
# names many other things (Tornado's WSGIContainer); a container is found by its methods.
_ROOTS = ("compose", "build_services", "bootstrap", "Bootstrap", "*Services", "composition_root")
_HELPERS = ("get_*", "*_service", "*_client", "*_connection", "*_db", "*_session", "*_cache")


def _releases_g(facts: ModuleFacts) -> bool:
    """The module drops what it kept on ``g`` when the request ends (``g.pop`` in a teardown
    registered by ``init_app``, or in a ``close_*``/``*teardown*`` function)."""
    return any(
        c.name == "g.pop"
        and c.function is not None
        and c.function not in facts.classes
        and (c.function == "init_app" or c.function.startswith("close") or "teardown" in c.function)
        for c in facts.calls
    )


_GLOBAL = re.compile(r"^(\s+)global\s+(\w+(?:\s*,\s*\w+)*)")
_DEF = re.compile(r"^(\s*)(?:async\s+)?def\s+(\w+)")
_TOP = re.compile(r"^(?:class|(?:async\s+)?def)\s+(\w+)")


def _publishes_globals(code: Codebase) -> list[tuple[str, Evidence]]:
    """A start-up function in the app's module that builds the services and publishes them as
    module attributes (``global printer`` ... in OctoPrint's ``Server.run``): five or more.

    Returns the top-level class or function that holds it, with where."""
    found = []
    for path in sorted({e.path for _, _, e in app_creations(code)}):
        names: dict[tuple[str, str], list[int]] = {}
        owner = function = ""
        for number, line in enumerate(code.lines(path), 1):
            top = _TOP.match(line)
            if top:
                owner = top.group(1)
            head = _DEF.match(line)
            if head:
                function = head.group(2)
            match = _GLOBAL.match(line)
            if match and function:
                names.setdefault((owner or function, function), []).extend(
                    [number] * len(match.group(2).split(","))
                )
        for (holder, function), lines in names.items():
            if len(lines) >= 5:
                text = f"{function}() publishes {len(lines)} services as module attributes"
                found.append((holder, Evidence(path, lines[0], text)))
    return found[:3]


_STORES = re.compile(r"\.extensions\[[^\]]+\]\s*=[^=]")


def _extension_writers(code: Codebase) -> list[tuple[str, Evidence]]:
    """Top-level functions that store services in ``app.extensions`` (an ``init_application``
    that builds them), methods and extensions' own ``init_app`` left out."""
    found: dict[str, Evidence] = {}
    for facts in code.app_modules:
        if not facts.writes_extensions:
            continue
        path = code.rel(facts.path)
        function = ""
        for number, line in enumerate(code.lines(path), 1):
            top = _TOP.match(line)
            if top:
                function = top.group(1) if top.group(1) in facts.functions else ""
            if function and function != "init_app" and _STORES.search(line):
                found.setdefault(
                    function, Evidence(path, number, f"{function}() stores services on the app")
                )
    return sorted(found.items())


def composition_roots(code: Codebase) -> list[str]:
    """The names of the classes and functions that wire the services, as adopt found them."""
    named = {name for f in code.app_modules for name in _named(code, set(f.classes) | f.functions)}
    if not named and "composition_root" in code.memo:
        named = {name for name, _ in _extension_writers(code)}
    return sorted(named | {holder for holder, _ in _publishes_globals(code)})


def _named(code: Codebase, names: set[str]) -> list[str]:
    return sorted(n for n in names if any(fnmatch.fnmatchcase(n, p) for p in _ROOTS))


def wiring(code: Codebase, bank: Bank, framework: str | None) -> Answer | None:
    qid = "initialization.wiring"
    modules = code.app_modules
    container = [
        Evidence(code.rel(f.path), 0, f"class {name} with register() and resolve()")
        for f in modules
        for name, methods in f.classes.items()
        if {"register", "resolve"} <= methods
    ]
    if container:
        return pick(bank, qid, "container", "certain", container)
    roots = [
        Evidence(code.rel(f.path), 0, f"composition root {name}")
        for f in modules
        for name in _named(code, set(f.classes) | f.functions)
    ]
    stored = any(f.writes_extensions for f in modules)
    if roots and not stored and has(bank, qid, "bootstrap"):
        booting = [e for e in roots if e.text.rsplit(" ", 1)[-1].lower() == "bootstrap"]
        if booting:
            # a Bootstrap class or bootstrap() builds the services and hands them on; nothing
            # is kept in app.extensions (Zaqar's Bootstrap, Falcon has no app.extensions)
            return pick(bank, qid, "bootstrap", "likely", first(booting))
    if roots:
        return pick(bank, qid, "composition_root", "likely", first(roots))
    published = [e for _, e in _publishes_globals(code)]
    if published and has(bank, qid, "bootstrap"):
        return pick(bank, qid, "bootstrap", "likely", published)
    holders = [f for f in modules if f.module.rsplit(".", 1)[-1] in ("extensions", "ext", "exts")]
    singletons = [
        Evidence(code.rel(f.path), b.line, f"{b.call}() bound with init_app")
        for f in holders
        for b in f.bindings
    ]
    if singletons:
        return pick(bank, qid, "extensions", "likely", first(singletons))
    lazy = [
        Evidence(code.rel(f.path), 0, f"{name}() hands out a resource kept on flask.g")
        for f in modules
        if any(i.target == "flask.g" for i in f.imports)
        and not any(part in code.config.views for part in f.module.split(".")[1:])
        and _releases_g(f)
        for name in sorted(f.functions - set(f.classes) - {"init_app"})
        if any(fnmatch.fnmatchcase(name, pattern) for pattern in _HELPERS)
    ]
    if lazy:
        return pick(bank, qid, "lazy", "likely", first(lazy))
    bound = [e for _, e in code.calls("init_app")]
    if bound:
        return pick(bank, qid, "extensions", "likely", first(bound))
    writers = _extension_writers(code)
    if writers:
        code.memo["composition_root"] = True
        return pick(bank, qid, "composition_root", "likely", first(e for _, e in writers))
    if framework == "falcon" and code.imports("falcon"):
        return left_open(
            qid,
            "Falcon resources get their dependencies in their constructors; no pattern recognised",
        )
    return left_open(
        qid, "no extension init_app(), flask.g helper, composition root or container found"
    )


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
    early = [e for _, e in _memoized(code, made) if e.text.endswith("at import time")]
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


_POSTGRES = ("psycopg", "psycopg2", "psycopg2-binary", "psycopg-binary", "asyncpg", "pg8000")
_DRIVERS = {  # a distribution's name -> the engine it talks to
    **dict.fromkeys(_POSTGRES, "postgresql"),
    **dict.fromkeys(("pymysql", "mysqlclient", "mysql-connector-python", "mariadb"), "mysql"),
    **dict.fromkeys(("cx-oracle", "oracledb"), "oracle"),
    **dict.fromkeys(("pymssql", "pyodbc"), "mssql"),
}


def _optional_drivers(code: Codebase) -> dict[str, list[Evidence]]:
    """Engines whose drivers are only in optional extras or groups: the installation picks."""
    found: dict[str, list[Evidence]] = {}
    for driver, engine in _DRIVERS.items():
        optional = code.optional_dependency(driver)
        if optional is not None:
            group, where = optional
            text = f"{where.text} (only in the optional {group!r} extra or group)"
            found.setdefault(engine, []).append(Evidence(where.path, where.line, text))
    return found


def database(code: Codebase, bank: Bank) -> Answer | None:
    """The engine the code names; open when optional extras offer several to choose from."""
    qid = "initialization.database"
    postgres = [d for d in (code.dependency(n) for n in _POSTGRES) if d is not None]
    postgres += code.imports("psycopg", "psycopg2", "asyncpg", "pg8000")
    postgres += code.strings(r"^postgres(ql)?(\+\w+)?://")
    urls = code.strings(r"^sqlite(\+\w+)?:///")
    sqlite = first(urls) + first(code.imports("sqlite3"), 2)
    other = code.strings(r"^(mysql|mariadb|oracle|mssql)(\+\w+)?://") + code.imports(
        "pymysql", "MySQLdb", "pymongo"
    )
    orm = code.imports("sqlalchemy", "flask_sqlalchemy", "peewee", "pony", "django.db")
    optional = _optional_drivers(code)
    shown = {"postgresql": postgres, "sqlite": urls or sqlite, "another engine": other}
    evident = {engine for engine, places in shown.items() if places}
    if optional and len(evident | set(optional)) > 1:
        parts = [f"optional extras offer drivers for {', '.join(sorted(optional))}"]
        if urls:
            parts.append(f"the default database URL is SQLite ({urls[0].path}:{urls[0].line})")
        elif evident:
            parts.append(f"the code also names {', '.join(sorted(evident))}")
        return left_open(
            qid,
            "the installation chooses the database: " + "; ".join(parts),
            first(
                [
                    *(e for engine in sorted(evident) for e in shown[engine][:2]),
                    *(e for engine in sorted(optional) for e in optional[engine]),
                ],
                8,
            ),
        )
    if postgres:
        finding = "SQLite is mentioned too (tests or development)" if sqlite else ""
        return pick(bank, qid, "postgresql", "likely", first(postgres), finding=finding)
    if sqlite and not other:
        return pick(bank, qid, "sqlite", "likely", sqlite)
    if other:
        return left_open(qid, "a database this bank has no value for", first(other))
    if optional:  # one engine, named only by an optional extra's driver: weak evidence
        ((engine, places),) = optional.items()
        return pick(
            bank,
            qid,
            engine,
            "guess",
            first(places),
            finding=f"only an optional extra's driver names {engine}",
        )
    if orm:
        return left_open(
            qid,
            "an ORM is used, but which database runs in production is configured outside the code",
            first(orm),
        )
    return pick(
        bank, qid, "none", "likely", [], finding="no database driver, ORM or database URL found"
    )


def db_init(code: Codebase, bank: Bank) -> Answer | None:
    qid = "initialization.db_init"
    folders = sorted(
        {
            "/".join(path.split("/")[:-1])
            for path in code.matching("*env.py", "*alembic.ini")
            if any(part in code.config.migrations for part in path.split("/")[:-1])
            or path.endswith("alembic.ini")
        }
    )
    migrations = [
        Evidence(f or ".", 0, "migrations folder" if f else "alembic.ini") for f in folders
    ]
    migrations += code.imports("flask_migrate", "flask_alembic", "alembic")
    create_all = list(code.calls("create_all"))
    # Start-up functions: the factories, and functions with a factory's name that configure a
    # module-level app (Calibre-Web's create_app); create_all() in one of them, or in a function
    # one of them calls (init_db()), runs when the app starts.
    starting = {name for name, _ in factories(code)} | {
        name for m in code.app_modules for name in m.functions & set(code.config.factories)
    }
    called = {
        c.name.rsplit(".", 1)[-1]
        for m in code.app_modules
        for c in m.calls
        if c.function in starting and not c.import_time
    }
    startup = [
        e
        for facts, e in create_all
        if any(
            c.line == e.line and (c.function in starting or c.function in called)
            for c in facts.calls
        )
    ]
    if migrations and create_all:
        if has(bank, qid, "create_all_then_migrate"):
            return pick(
                bank,
                qid,
                "create_all_then_migrate",
                "likely",
                first([*migrations, *(e for _, e in create_all)]),
            )
        return pick(
            bank,
            qid,
            "migrations",
            "likely",
            first([*migrations, *(e for _, e in create_all)]),
            finding="create_all() is called as well as migrations",
        )
    if migrations:
        return pick(bank, qid, "migrations", "certain", first(migrations))
    if startup:
        return pick(
            bank,
            qid,
            "create_all_at_startup",
            "likely",
            first(startup),
            nearest="command",
            finding="the schema is created when the app starts",
        )
    if create_all:
        return pick(bank, qid, "command", "likely", first(e for _, e in create_all))
    return left_open(qid, "neither migrations nor create_all() were found")


def adopt(code: Codebase, bank: Bank, framework: str | None) -> list[Answer | None]:
    return [
        entry_point(code, bank),
        wiring(code, bank, framework),
        config_source(code, bank),
        config_read(code, bank),
        database(code, bank),
        db_init(code, bank),
    ]

"""Heuristic 2, app initialization: entry point, wiring, configuration source, database."""

from __future__ import annotations

import fnmatch

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
    if made:
        return pick(bank, qid, "factory", "certain", first(e for _, e in made))
    return pick(
        bank,
        qid,
        "module",
        "certain",
        first(Evidence(e.path, e.line, f"module-level app: {e.text}") for e in module_level),
    )


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
    if roots:
        return pick(bank, qid, "composition_root", "likely", first(roots))
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


def config_source(code: Codebase, bank: Bank) -> Answer | None:
    qid = "initialization.config_source"
    files = [e for _, e in code.calls(*_FILE_LOADERS)]
    env = [e for _, e in code.calls(*_ENV_LOADERS)]
    env += code.imports("environs", "pydantic_settings", "decouple", "dotenv")
    reads = [e for _, e in code.calls("os.getenv", "os.environ.get")]
    if len(reads) >= 3:
        env += reads
    classes = [e for _, e in code.calls("from_object")]
    if files and env:
        return pick(
            bank,
            qid,
            "layered",
            "likely",
            first([*files, *env], 6),
            finding="configuration files and environment variables are both read",
        )
    if files:
        return pick(bank, qid, "file", "likely", first(files))
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


def config_read(code: Codebase, bank: Bank) -> Answer | None:
    """Newer banks ask whether configuration is read at import time."""
    qid = "initialization.config_read"
    if not has(bank, qid):
        return None
    reads = [
        Evidence(code.rel(f.path), r.line, r.code) for f in code.app_modules for r in f.env_reads
    ]
    if reads:
        return pick(bank, qid, "import_time", "certain", first(reads))
    return pick(
        bank, qid, "at_creation", "likely", [], finding="no environment read at import time"
    )


_POSTGRES = ("psycopg", "psycopg2", "psycopg2-binary", "psycopg-binary", "asyncpg", "pg8000")


def database(code: Codebase, bank: Bank) -> Answer | None:
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
    if postgres:
        finding = "SQLite is mentioned too (tests or development)" if sqlite else ""
        return pick(bank, qid, "postgresql", "likely", first(postgres), finding=finding)
    if sqlite and not other:
        return pick(bank, qid, "sqlite", "likely", sqlite)
    if other:
        return left_open(qid, "a database this bank has no value for", first(other))
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
    factory_names = {name for name, _ in factories(code)}
    startup = [
        e
        for facts, e in create_all
        if any(c.function in factory_names and c.line == e.line for c in facts.calls)
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

"""Heuristic 2, initialization: the database and how a fresh one is set up."""

from __future__ import annotations

from planner.adopt.apps import factories
from planner.adopt.choices import has, pick
from planner.adopt.codebase import Codebase, first
from planner.adopt.model import Answer, Evidence, left_open
from planner.questions.model import Bank

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

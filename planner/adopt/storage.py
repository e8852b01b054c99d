"""Where a codebase keeps its ORM and sessions: the names ``planner check`` calls storage.

``planner check`` (INF002) reports views that import storage directly; by default it knows
only SQLAlchemy, Flask-SQLAlchemy and ``<package>.database``. A real service keeps its
``db`` object in ``indico.core.db``, in ``flaskbb.extensions`` or in a module of its own
(Calibre-Web's ``cps/ub.py``), and Zaqar keeps its database code in storage drivers.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass

from planner.adopt.codebase import Codebase
from planner.adopt.model import Evidence
from planner.check.model import parts_match

# Module-level objects that are the ORM or its sessions (``db = SQLAlchemy()``).
_ORM_CALLS = (
    "*SQLAlchemy",
    "sessionmaker",
    "scoped_session",
    "create_engine",
    "declarative_base",
)
# A module or package of one of these names holds storage as a whole.
_STORAGE_PARTS = {"db", "database", "databases", "storage", "orm", "persistence"}
# A module of one of these names holds many shared objects: only the ORM one is storage.
_HOLDERS = {"extensions", "ext", "exts", "app", "application", "__init__"}
_ASSIGNED = re.compile(r"^\s*([A-Za-z_]\w*)\s*(?::[^=]+)?=[^=]")


_STORAGE_PACKAGES = {"storage", "repositories", "repository", "persistence", "store", "backends"}
_DATABASE_LIBRARIES = (
    "sqlalchemy",
    "flask_sqlalchemy",
    "pymongo",
    "motor",
    "redis",
    "psycopg",
    "psycopg2",
    "pymysql",
    "sqlite3",
    "peewee",
    "swiftclient",
)


@dataclass(frozen=True)
class Drivers:
    """A storage package with interfaces in its ``base`` module and a sub-package per driver."""

    package: str  # dotted, absolute: "zaqar.storage"
    drivers: tuple[str, ...]  # "mongodb", "redis", ...
    evidence: Evidence


def storage_drivers(code: Codebase) -> Drivers | None:
    """Storage behind interfaces: a ``storage`` package whose ``base`` module declares the
    classes that two or more driver sub-packages implement, and no module outside it importing
    a database library (Zaqar's storage/base.py with its mongodb, redis and sqlalchemy drivers).
    The interfaces are repositories by another name."""
    relative = {code.relative_module(f): f for f in code.app_modules}
    for name in sorted(relative):
        parts = name.split(".")
        if parts[-1] != "base" or len(parts) < 2 or parts[-2] not in _STORAGE_PACKAGES:
            continue
        base = relative[name]
        package = ".".join(parts[:-1])
        drivers = sorted(
            {
                other.split(".")[len(parts) - 1]
                for other in relative
                if other.startswith(package + ".") and other.count(".") >= len(parts)
            }
        )
        if len(base.classes) < 2 or len(drivers) < 2:
            continue
        folder = code.rel(base.path).rsplit("/", 1)[0] + "/"
        outside = [e for e in code.imports(*_DATABASE_LIBRARIES) if not e.path.startswith(folder)]
        if outside:
            continue
        where = Evidence(
            code.rel(base.path),
            0,
            f"{len(base.classes)} storage interfaces, implemented by {', '.join(drivers)}",
        )
        return Drivers(base.module.rsplit(".", 1)[0], tuple(drivers), where)
    return None


def _orm_call(call: str) -> bool:
    leaf = call.rsplit(".", 1)[-1]
    return any(fnmatch.fnmatchcase(leaf, pattern) for pattern in _ORM_CALLS)


def storage_names(code: Codebase) -> list[tuple[str, Evidence]]:
    """Dotted names of the storage modules (or objects) check does not know yet, with where."""
    if "storage_names" in code.memo:
        return list(code.memo["storage_names"])
    known = [s.replace("{package}", code.package) for s in code.config.storage]
    found: dict[str, Evidence] = {}
    for facts in code.app_modules:
        bindings = [b for b in facts.bindings if _orm_call(b.call)]
        if not bindings:
            continue
        rel = code.rel(facts.path)
        parts = facts.module.split(".")
        storage_at = next((i for i in range(1, len(parts)) if parts[i] in _STORAGE_PARTS), None)
        binding = bindings[0]
        where = Evidence(rel, binding.line, f"{binding.call}() at module level")
        if storage_at is not None:
            found.setdefault(".".join(parts[: storage_at + 1]), where)
        elif parts[-1] in _HOLDERS or facts.is_package:
            lines = code.lines(rel)
            for b in bindings:
                text = lines[b.line - 1] if 0 < b.line <= len(lines) else ""
                match = _ASSIGNED.match(text)
                if match:
                    found.setdefault(
                        f"{facts.module}.{match.group(1)}",
                        Evidence(rel, b.line, f"{b.call}() at module level"),
                    )
        else:
            found.setdefault(facts.module, where)
    drivers = storage_drivers(code)
    if drivers is not None:
        # the drivers are storage; the interfaces in base.py are what the rest may use
        for driver in drivers.drivers:
            found.setdefault(f"{drivers.package}.{driver}", drivers.evidence)
    result = sorted(
        (name, where)
        for name, where in found.items()
        if not any(parts_match(name, k) for k in known)
    )
    code.memo["storage_names"] = result
    return list(result)

"""Heuristic 2, app initialization: the entry point and the wiring, and every answer of the
heuristic gathered (configuration is read in ``configuration``, the database in ``database``,
the app object itself in ``apps``)."""

from __future__ import annotations

import fnmatch
import re

from planner.adopt.apps import DEF, GLOBAL, app_creations, factories, memoized
from planner.adopt.choices import has, pick
from planner.adopt.codebase import Codebase, first
from planner.adopt.configuration import config_read, config_source
from planner.adopt.database import database, db_init
from planner.adopt.model import Answer, Evidence, contradicted, left_open
from planner.check.facts import ModuleFacts
from planner.questions.model import Bank


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
    singletons = memoized(code, made)
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
            head = DEF.match(line)
            if head:
                function = head.group(2)
            match = GLOBAL.match(line)
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


def adopt(code: Codebase, bank: Bank, framework: str | None) -> list[Answer | None]:
    return [
        entry_point(code, bank),
        wiring(code, bank, framework),
        config_source(code, bank),
        config_read(code, bank),
        database(code, bank),
        db_init(code, bank),
    ]

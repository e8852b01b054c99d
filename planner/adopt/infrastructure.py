"""Heuristic 7, infrastructure: does the core import the framework or the ORM; which framework."""

from __future__ import annotations

from planner.adopt.choices import pick
from planner.adopt.codebase import Codebase, first
from planner.adopt.model import Answer, Evidence, contradicted, left_open
from planner.adopt.storage import storage_drivers, storage_names
from planner.check.model import parts_match
from planner.check.rules.infrastructure import Reach
from planner.questions.model import Bank

CORE = ("domain", "services", "service_layer")


def framework(code: Codebase, bank: Bank) -> Answer | None:
    qid = "infrastructure.framework"
    flask = code.imports("flask")
    falcon = code.imports("falcon")
    if flask and falcon:
        return contradicted(
            qid, "both Flask and Falcon are imported", first(flask, 3) + first(falcon, 3)
        )
    if falcon:
        return pick(bank, qid, "falcon", "certain", first(falcon))
    if flask:
        return pick(bank, qid, "flask", "certain", first(flask))
    return left_open(qid, "neither Flask nor Falcon is imported")


def core_packages(code: Codebase) -> list[str]:
    """Top-level sub-packages or modules named like a core (domain, services)."""
    tops = {
        code.relative_module(f).split(".")[0] for f in code.app_modules if code.relative_module(f)
    }
    return sorted(tops & set(CORE))


def views_on_storage(code: Codebase) -> list[Evidence]:
    """View modules that import the ORM or the session themselves (one per module)."""
    storage = [s.replace("{package}", code.package) for s in code.config.storage]
    storage += [name for name, _ in storage_names(code)]
    found = []
    for facts in code.app_modules:
        if not any(part in code.config.views for part in facts.module.split(".")[1:]):
            continue
        hit = next(
            (i for i in facts.imports if any(parts_match(i.target, s) for s in storage)), None
        )
        if hit is not None:
            found.append(Evidence(code.rel(facts.path), hit.line, f"import {hit.target}"))
    return found


def isolation(code: Codebase, bank: Bank) -> Answer | None:
    qid = "infrastructure.isolation"
    contracts = [
        Evidence(p, 0, "import-linter contracts")
        for p in code.matching(".importlinter", "setup.cfg", "pyproject.toml", "tox.ini")
        if any(marker in (code.text(p) or "") for marker in ("[importlinter", "[tool.importlinter"))
    ]
    core = core_packages(code)
    reach = Reach(code.context.modules, code.config.forbidden)
    impure: list[Evidence] = []
    pure: list[Evidence] = []
    for facts in code.app_modules:
        top = code.relative_module(facts).split(".")[0]
        if top not in core or facts.is_package or facts.empty:
            continue
        path = reach.path(facts.module)
        if path is None:
            pure.append(Evidence(code.rel(facts.path), 0, "free of the framework and the ORM"))
        else:
            impure.append(Evidence(code.rel(facts.path), 0, "reaches " + " -> ".join(path)))
    repositories = [
        Evidence(code.rel(f.path), 0, f"class {name}")
        for f in code.app_modules
        for name in sorted(f.classes)
        if name.endswith("Repository")
    ]
    if contracts:
        broken = f"{len(impure)} core modules break them" if impure else ""
        return pick(
            bank, qid, "ports_and_adapters", "certain", first(contracts + impure, 6), finding=broken
        )
    if core and pure and impure:
        return contradicted(
            qid,
            f"{len(pure)} core modules are free of the framework and the ORM, "
            f"{len(impure)} are not",
            first(impure, 4) + first(pure, 2),
        )
    if core and pure and not impure and ("domain" in core):
        return pick(
            bank,
            qid,
            "ports_and_adapters",
            "likely",
            first(pure, 6),
            finding="no import contracts; the core is pure today",
        )
    if repositories:
        direct = views_on_storage(code)
        if direct:
            return contradicted(
                qid,
                f"repositories exist, yet {len(direct)} view modules import the ORM directly",
                first(repositories, 3) + first(direct, 4),
            )
        return pick(bank, qid, "repository", "likely", first(repositories))
    drivers = storage_drivers(code)
    if drivers is not None:
        return pick(
            bank,
            qid,
            "repository",
            "likely",
            [drivers.evidence],
            finding="storage drivers behind interfaces; only the drivers import database libraries",
        )
    return pick(
        bank, qid, "none", "likely", first(impure, 4), finding="no repositories and no pure core"
    )


def adopt(code: Codebase, bank: Bank) -> list[Answer | None]:
    return [isolation(code, bank), framework(code, bank)]

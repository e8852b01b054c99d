"""Heuristic 6, logging: module loggers and their coverage, format, destination, request ids."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from planner.adopt.choices import has, pick, value
from planner.adopt.codebase import Codebase, first
from planner.adopt.model import Answer, Evidence, contradicted, left_open
from planner.check.facts import ModuleFacts
from planner.check.model import Names
from planner.check.rules.logs import has_logger
from planner.questions.model import Bank

ROOT_CALLS = tuple(
    f"logging.{level}"
    for level in ("debug", "info", "warning", "warn", "error", "exception", "critical", "log")
)
STDLIB_SETUP = (
    "addHandler",
    "logging.config.dictConfig",
    "dictConfig",
    "logging.config.fileConfig",
    "fileConfig",
    "logging.basicConfig",
    "basicConfig",
    "structlog.configure",
)


def own_logger_factories(code: Codebase) -> list[str]:
    """A project's own logger helper (``log = logger.create()``), bound in three modules or more."""
    from planner.check.model import name_matches

    used = Counter(
        b.call
        for facts in code.app_modules
        for b in {b.call: b for b in facts.bindings}.values()
        if "log" in b.call.lower() and not b.uses_name
    )
    return sorted(
        call
        for call, count in used.items()
        if count >= 3 and not name_matches(call, code.config.logger_factories)
    )


def _counted(facts: ModuleFacts) -> bool:
    return not (facts.empty or facts.reexports_only or facts.syntax_error)


_LOGGER_NAMES = {"logger", "log", "LOG", "LOGGER", "_logger", "_log", "_LOG"}
_LEVELS = {"debug", "info", "warning", "warn", "error", "exception", "critical", "log"}


def imported_logger(code: Codebase, facts: ModuleFacts) -> str | None:
    """The project module whose logger ``facts`` logs through (``from shop.events import
    logger`` then ``logger.info(...)``), or None when it logs through no imported logger."""
    owners = [
        i.target.rsplit(".", 1)[0]
        for i in facts.imports
        if i.target.startswith(code.package + ".") and i.target.rsplit(".", 1)[-1] in _LOGGER_NAMES
    ]
    if not owners:
        return None
    logs = any(
        c.name.count(".") == 1
        and c.name.split(".")[0] in _LOGGER_NAMES
        and c.name.split(".")[1] in _LEVELS
        for c in facts.calls
    )
    return owners[0] if logs else None


def module_logger(code: Codebase, bank: Bank) -> list[Answer | None]:
    qid = "logging.module_logger"
    modules = [m for m in code.app_modules if _counted(m)]
    if not modules:
        return [left_open(qid, "no application modules with code")]
    ctx = dataclasses.replace(
        code.context,
        config=dataclasses.replace(
            code.config,
            logger_factories=(*code.config.logger_factories, *own_logger_factories(code)),
        ),
    )
    factories = Names(ctx.config.logger_factories)
    with_logger = [m for m in modules if has_logger(m, factories)]
    without = [m for m in modules if not has_logger(m, factories)]
    # The module that sets logging up may report on that through the root logger itself.
    setting_up = {facts.module for facts, _, _ in setup_places(code)}
    root = {
        m.module: [c for c in m.calls if c.name in ROOT_CALLS]
        for m in modules
        if m.module not in setting_up
    }
    root = {k: v for k, v in root.items() if v}
    root_evidence = [
        Evidence(
            code.rel(m.path),
            root[m.module][0].line,
            f"{root[m.module][0].name}() logs through the root logger",
        )
        for m in modules
        if m.module in root
    ]
    have = [
        Evidence(
            code.rel(m.path),
            next(b.line for b in m.bindings if b.uses_name or "log" in b.call.lower()),
            "module logger",
        )
        for m in with_logger
        if any(b.uses_name or "log" in b.call.lower() for b in m.bindings)
    ]
    coverage = f"{len(with_logger)} of {len(modules)} modules define a module logger"
    scope = None
    if not without:
        return [value(bank, qid, True, "certain", first(have, 3), coverage), None]
    if with_logger and len(root) >= max(2, len(with_logger) // 10):
        return [
            contradicted(
                qid,
                f"{coverage}; {len(root)} log through the root logger instead",
                first(root_evidence, 4) + first(have, 2),
            ),
            None,
        ]
    missing = [Evidence(code.rel(m.path), 1, "no module logger") for m in without]
    logging_without = [m for m in without if m.module in root]
    if root and with_logger:
        return [
            value(
                bank,
                qid,
                False,
                "likely",
                first(root_evidence, 4) + first(missing, 2),
                f"{coverage}; {len(root)} log through the root logger",
            ),
            None,
        ]
    if not with_logger:
        finding = "no module defines a module logger"
        if root:
            finding += f"; {len(root)} log through the root logger"
        return [
            value(bank, qid, False, "certain", first(root_evidence or missing, 4), finding),
            None,
        ]
    borrowed: dict[str, str] = {}
    for m in without:
        owner = imported_logger(code, m)
        if owner is not None:
            borrowed[m.module] = owner
    if borrowed:
        # Modules log through a logger another module made: one for the whole application
        # is "shared"; one per package (indico's Logger.get('events') in each feature) is
        # neither value of the bank, so the meeting decides.
        owners = sorted(set(borrowed.values()))
        examples = [
            Evidence(code.rel(m.path), 1, f"logs through {borrowed[m.module]}'s logger")
            for m in without
            if m.module in borrowed
        ]
        more = "..." if len(owners) > 4 else ""
        scope_finding = (
            f"{len(borrowed)} modules log through a logger made in another module "
            f"({len(owners)} such modules: {', '.join(owners[:4])}{more})"
        )
        if len(owners) == 1 and has(bank, "logging.logger_scope", "shared"):
            scope = pick(
                bank,
                "logging.logger_scope",
                "shared",
                "likely",
                first(examples, 4),
                finding=scope_finding,
            )
        else:
            scope = left_open(
                "logging.logger_scope",
                scope_finding + "; loggers are shared per package, which the bank has no value for",
                first(examples, 4) + first(have, 2),
            )
        return [
            value(
                bank,
                qid,
                False,
                "likely",
                first(missing, 4) + first(have, 2),
                f"{coverage}; {len(borrowed)} others log through an imported logger",
            ),
            scope if has(bank, "logging.logger_scope") else None,
        ]
    # some modules have a logger; the others do not log at all
    if has(bank, "logging.logger_scope", "where_used") and not logging_without:
        scope = pick(
            bank,
            "logging.logger_scope",
            "where_used",
            "likely",
            first(have, 3),
            finding="the modules without a logger do not log",
        )
    return [
        value(
            bank,
            qid,
            False,
            "likely",
            first(missing, 4) + first(have, 2),
            f"{coverage}; the others do not log",
        ),
        scope,
    ]


def setup_places(code: Codebase) -> list[tuple[ModuleFacts, str | None, Evidence]]:
    """Each (module, function) that configures logging, with the first such call."""
    if "setup_places" in code.memo:
        return list(code.memo["setup_places"])
    seen: dict[tuple[str, str | None], tuple[ModuleFacts, str | None, Evidence]] = {}
    service = [m for m in code.app_modules if not code.context.is_cli(m)]  # a CLI's own logging
    for facts, call in code.call_sites(*STDLIB_SETUP, modules=service):
        evidence = Evidence(code.rel(facts.path), call.line, f"{call.name}()")
        seen.setdefault((facts.module, call.function), (facts, call.function, evidence))
    code.memo["setup_places"] = list(seen.values())
    return list(seen.values())


def _formats(code: Codebase, facts: ModuleFacts) -> dict[str, list[Evidence]]:
    found: dict[str, list[Evidence]] = {}
    rel = code.rel(facts.path)
    names = {c.name for c in facts.calls} | set(facts.strings) | {i.target for i in facts.imports}
    if any(n.startswith("structlog") for n in names):
        found["structlog"] = [Evidence(rel, facts.strings.get("structlog", 0), "structlog")]
    elif any("jsonlogger" in n or "JsonFormatter" in n or "JSONFormatter" in n for n in names):
        found["json"] = [Evidence(rel, 0, "JSON formatter")]
    return found


def _destinations(code: Codebase, facts: ModuleFacts) -> dict[str, list[Evidence]]:
    rel = code.rel(facts.path)
    names: dict[str, int] = {}
    for call in facts.calls:
        names.setdefault(call.name, call.line)  # the first use
    for text, line in facts.strings.items():
        names.setdefault(text, line)
    found: dict[str, list[Evidence]] = {}
    for name, line in names.items():
        short = name.rsplit(".", 1)[-1]
        if short in ("SysLogHandler",):
            found.setdefault("syslog", []).append(Evidence(rel, line, name))
        elif short in (
            "FileHandler",
            "RotatingFileHandler",
            "TimedRotatingFileHandler",
            "WatchedFileHandler",
        ):
            found.setdefault("file", []).append(Evidence(rel, line, name))
        elif name == "ext://sys.stdout":
            found.setdefault("stdout", []).append(Evidence(rel, line, name))
        elif name == "ext://sys.stderr":
            found.setdefault("stderr", []).append(Evidence(rel, line, name))
    streams = [(n, ln) for n, ln in names.items() if n.rsplit(".", 1)[-1] == "StreamHandler"]
    if streams and not ({"stdout", "stderr"} & set(found)):
        found["stderr"] = [
            Evidence(rel, streams[0][1], f"{streams[0][0]} (stderr unless told otherwise)")
        ]
    for call in facts.calls:
        if call.name.endswith("basicConfig"):
            kind = "file" if "filename" in call.keywords else "stderr"
            if "stream" not in call.keywords:
                found.setdefault(kind, []).append(
                    Evidence(rel, call.line, f"basicConfig() to {kind}")
                )
    return found


def format_and_destination(code: Codebase, bank: Bank) -> list[Answer | None]:
    places = setup_places(code)
    where = [e for _, _, e in places]
    library = [e for _, e in code.calls("log.setup", "oslo_log.log.setup")]
    if library and not places:
        finding = "a logging library is set up (oslo.log's log.setup); its configuration decides"
        return [
            left_open("logging.format", f"{finding} the format", first(library)),
            left_open("logging.destination", f"{finding} the destination", first(library)),
        ]
    if not places:
        unconfigured = pick(
            bank,
            "logging.format",
            "unconfigured",
            "likely",
            [],
            finding="logging is never configured in the package",
        )
        return [
            unconfigured,
            left_open("logging.destination", "logging is never configured in the package"),
        ]
    modules = {facts.module: facts for facts, _, _ in places}
    formats: dict[str, list[Evidence]] = {}
    destinations: dict[str, list[Evidence]] = {}
    for facts in modules.values():
        for k, v in _formats(code, facts).items():
            formats.setdefault(k, []).extend(v)
        for k, v in _destinations(code, facts).items():
            destinations.setdefault(k, []).extend(v)
    several = ""
    if len(places) > 1:
        several = f"logging is configured in {len(places)} places: " + "; ".join(
            str(e) for e in first(where, 6)
        )
    fmt: Answer | None
    if len(formats) > 1:
        fmt = contradicted(
            "logging.format",
            f"{several or 'different formats'}: {', '.join(sorted(formats))}",
            first(where + [e for v in formats.values() for e in v], 8),
        )
    elif formats:
        ((kind, evidence),) = formats.items()
        fmt = pick(
            bank, "logging.format", kind, "likely", first(evidence + where, 6), finding=several
        )
    else:
        fmt = pick(
            bank,
            "logging.format",
            "text",
            "guess" if several else "likely",
            first(where, 6),
            finding=several or "a plain text formatter",
        )
    dest: Answer | None
    if len(destinations) > 1:
        # Several destinations may mean one per environment, or several at once: the code
        # alone cannot tell, so the meeting decides (never rounded to the nicer answer).
        dest = contradicted(
            "logging.destination",
            f"{several or 'several destinations'}: {', '.join(sorted(destinations))}",
            first(where + [e for v in destinations.values() for e in v], 8),
        )
    elif destinations:
        ((kind, evidence),) = destinations.items()
        dest = pick(
            bank, "logging.destination", kind, "likely", first(evidence, 6), finding=several
        )
    else:
        dest = left_open(
            "logging.destination", "the handler is not one planner recognises", first(where)
        )
    return [fmt, dest]


def request_id(code: Codebase, bank: Bank) -> Answer | None:
    qid = "logging.request_id"
    evidence = code.strings(r"(?i)^x-(request|correlation)-id$")
    evidence += code.imports(
        "flask_request_id",
        "asgi_correlation_id",
        "flask_log_request_id",
        "request_id",
        "oslo_middleware.request_id",
        "oslo_middleware.RequestId",
    )
    # A logging filter or middleware of the project's own that tags records with the id
    # (indico's AddRequestIDFilter).
    evidence += [
        Evidence(code.rel(f.path), 0, f"class {name}")
        for f in code.app_modules
        for name in sorted(f.classes)
        if re.search(r"(?i)(request|correlation)_?id", name)
        and name.endswith(("Filter", "Middleware", "Formatter"))
    ]
    evidence += [
        Evidence(code.rel(f.path), 0, "request id module")
        for f in code.app_modules
        if f.module.rsplit(".", 1)[-1] in ("request_id", "correlation_id", "request_ids")
    ]
    if evidence:
        return value(bank, qid, True, "likely", first(evidence))
    return value(bank, qid, False, "likely", [], "no request id header, module or library found")


def log_wrappers(code: Codebase) -> list[str]:
    """The project's own functions that configure logging, when check would not know them."""
    from planner.check.model import name_matches

    names = set()
    for _, function, _ in setup_places(code):
        if function and not name_matches(function, code.config.log_setup):
            names.add(function)
    return sorted(names)


def adopt(code: Codebase, bank: Bank) -> list[Answer | None]:
    return [*module_logger(code, bank), *format_and_destination(code, bank), request_id(code, bank)]

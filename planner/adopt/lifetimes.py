"""Heuristic 3, resource lifetimes: how long a database session and other resources live."""

from __future__ import annotations

from planner.adopt.choices import has, pick, value
from planner.adopt.codebase import Codebase, first
from planner.adopt.model import Answer, Evidence, left_open
from planner.questions.model import Bank


def db_session(code: Codebase, bank: Bank) -> Answer | None:
    qid = "lifetimes.db_session"
    uow = [
        Evidence(code.rel(f.path), 0, f"class {name} opens and closes the session")
        for f in code.app_modules
        for name, methods in f.classes.items()
        if name.endswith("UnitOfWork") and {"__enter__", "__exit__"} <= methods
    ]
    if uow:
        return pick(bank, qid, "unit_of_work", "likely", first(uow))
    scoped = [e for _, e in code.calls("scoped_session")]
    if scoped:
        released = [
            Evidence(code.rel(f.path), 0, "a teardown handler calls remove()")
            for f in code.app_modules
            if f.releases_session
        ]
        finding = (
            ""
            if released
            else "no teardown handler calls remove(); planner check reports it (LIF001)"
        )
        return pick(
            bank, qid, "scoped_session", "certain", first([*scoped, *released]), finding=finding
        )
    fsa = code.imports("flask_sqlalchemy")
    if fsa:
        return pick(bank, qid, "flask_sqlalchemy", "certain", first(fsa))
    if has(bank, qid, "dbapi_on_g"):
        on_g = code.imports("flask.g")
        connects = [
            e for _, e in code.calls("sqlite3.connect", "psycopg.connect", "psycopg2.connect")
        ]
        if on_g and connects:
            return pick(bank, qid, "dbapi_on_g", "likely", first([*connects, *on_g]))
    sessions = [e for _, e in code.calls("sessionmaker", "Session")]
    if sessions:
        return left_open(
            qid,
            "sessions are made, but their lifetime follows no pattern planner knows",
            first(sessions),
        )
    return left_open(qid, "no database session handling was found")


_RESOURCES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # value: (imports, calls)
    "http_client": (
        ("httpx", "requests.Session", "aiohttp", "urllib3"),
        ("httpx.Client", "requests.Session", "Session"),
    ),
    "cache": (("cachelib", "flask_caching", "redis", "pymemcache", "dogpile", "oslo_cache"), ()),
    "message_queue": (("kombu", "pika", "aio_pika"), ()),
    "smtp": (("flask_mail", "smtplib", "flask_mailman"), ()),
    "job_queue": (("celery", "rq", "dramatiq", "huey"), ()),
    "metrics": (("prometheus_client", "statsd", "prometheus_flask_exporter"), ()),
    "rate_limit_storage": (("flask_limiter",), ()),
}


def other_resources(code: Codebase, bank: Bank) -> Answer | None:
    qid = "lifetimes.other_resources"
    if not has(bank, qid):
        return None
    found: dict[str, list[Evidence]] = {}
    skipped: list[str] = []
    for name, (modules, _) in _RESOURCES.items():
        evidence = code.imports(*modules)
        if name == "http_client":
            # a pooled client, not a one-off requests.get(); a module that defines its own
            # Session class wraps requests for one-off calls (Calibre-Web's cw_advocate)
            wrappers = {code.rel(f.path) for f in code.app_modules if "Session" in f.classes}
            evidence = [
                e
                for e in evidence
                if ("httpx" in e.text or "Session" in e.text) and e.path not in wrappers
            ] or [
                e
                for _, e in code.calls("httpx.Client", "requests.Session", "aiohttp.ClientSession")
                if e.path not in wrappers
            ]
        if name == "rate_limit_storage":
            # a limiter that counts in process memory only has no store to manage
            memory_only = {
                code.rel(f.path)
                for f in code.app_modules
                if "memory://" in f.strings
                and not {"RATELIMIT_STORAGE_URI", "RATELIMIT_STORAGE_URL"} & set(f.strings)
            }
            evidence = [e for e in evidence if e.path not in memory_only]
        if not evidence:
            continue
        if has(bank, qid, name):
            found[name] = evidence
        else:
            skipped.append(name)
    chosen = [n for n in _RESOURCES if n in found]
    finding = f"also uses {', '.join(skipped)}, which this bank does not list" if skipped else ""
    return value(
        bank, qid, chosen, "likely", first([e for n in chosen for e in found[n][:2]], 8), finding
    )


def adopt(code: Codebase, bank: Bank) -> list[Answer | None]:
    return [db_session(code, bank), other_resources(code, bank)]

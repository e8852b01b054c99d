"""Heuristic 1, deployment: the artifact, CI, WSGI server and configuration management."""

from __future__ import annotations

import re

from planner.adopt.choices import has, pick
from planner.adopt.codebase import Codebase, first
from planner.adopt.model import Answer, Evidence, contradicted, left_open
from planner.questions.model import Bank


def _dockerfiles(code: Codebase) -> list[str]:
    return code.matching(
        "Dockerfile", "Containerfile", "*/Dockerfile", "Dockerfile.*", "*.dockerfile"
    )


def final_user(code: Codebase, path: str) -> tuple[str, int]:
    """The user the last stage of a Dockerfile runs as (``root`` when it sets none)."""
    user, line = "root", 0
    for number, text in enumerate(code.lines(path), 1):
        words = text.strip().split()
        if not words:
            continue
        keyword = words[0].upper()
        if keyword == "FROM":
            user, line = "root", number  # a new stage starts as root
        elif keyword == "USER" and len(words) > 1:
            user, line = words[1].split(":")[0], number
    return user, line


def artifact(code: Codebase, bank: Bank) -> Answer | None:
    qid = "deployment.artifact"
    found: dict[str, list[Evidence]] = {}
    for path in _dockerfiles(code):
        user, line = final_user(code, path)
        if user in ("root", "0"):
            text = (
                f"the final stage runs as root (no USER after line {line})" if line else "no USER"
            )
        else:
            text = f"the final stage runs as {user}"
        found.setdefault("docker", []).append(Evidence(path, line, text))
    specs = code.matching("*.spec", "*/*.spec")
    if specs:
        found["rpm"] = [Evidence(p, 1, "RPM spec file") for p in specs]
        found["rpm"] += [
            Evidence(p, 1, "systemd unit") for p in code.matching("*.service", "*/*.service")
        ]
    if code.matching("Procfile", "app.yaml", "manifest.yml") and has(bank, qid, "source_paas"):
        found["source_paas"] = [Evidence(p, 1, "platform file") for p in code.matching("Procfile")]
    if len(found) > 1:
        kinds = " and ".join(sorted(found))
        return contradicted(
            qid,
            f"the repository builds more than one artifact ({kinds}); the meeting picks the one "
            "production runs",
            [e for items in found.values() for e in items],
        )
    if found:
        ((kind, evidence),) = found.items()
        finding = ""
        if kind == "docker" and any("root" in e.text for e in evidence):
            finding = "the image runs as root; planner check reports it (DEP002)"
        return pick(bank, qid, kind, "certain", evidence, finding=finding)
    if code.distribution:
        return left_open(
            qid,
            f"{code.distribution}: an unpacked distribution, without the repository's "
            "packaging files",
        )
    backend = code.pyproject.get("build-system")
    if isinstance(backend, dict) and isinstance(backend.get("build-backend"), str):
        line = code._line_of("pyproject.toml", "build-backend")
        evidence = [Evidence("pyproject.toml", line, f"build-backend = {backend['build-backend']}")]
        return pick(bank, qid, "wheel", "likely", evidence, finding="no Dockerfile or RPM spec")
    if code.matching("setup.py", "setup.cfg"):
        return pick(
            bank,
            qid,
            "wheel",
            "guess",
            [Evidence(p, 1, "setuptools") for p in code.matching("setup.py")],
        )
    return left_open(qid, "no Dockerfile, RPM spec or packaging metadata was found")


_CI = {
    "github": (".github/workflows/*.yml", ".github/workflows/*.yaml"),
    "gitlab": (".gitlab-ci.yml",),
    "circleci": (".circleci/config.yml",),
    "travis": (".travis.yml",),
    "other": ("Jenkinsfile", "azure-pipelines.yml", "bitbucket-pipelines.yml", ".drone.yml"),
}


def ci(code: Codebase, bank: Bank) -> Answer | None:
    qid = "deployment.ci"
    found = {kind: code.matching(*patterns) for kind, patterns in _CI.items()}
    found = {kind: paths for kind, paths in found.items() if paths}
    evidence = [Evidence(p, 1, f"{kind} pipeline") for kind, paths in found.items() for p in paths]
    if len(found) > 1:
        return contradicted(qid, f"pipelines for {' and '.join(sorted(found))}", evidence)
    if found:
        ((kind, _),) = found.items()
        return pick(bank, qid, kind, "certain", evidence)
    if code.distribution:
        return left_open(qid, f"{code.distribution}: an unpacked distribution carries no CI files")
    return pick(bank, qid, "none", "likely", [], finding="no CI pipeline file in the repository")


_SERVERS = {
    "gunicorn": r"\bgunicorn\b",
    "waitress": r"\bwaitress\b",
    "uwsgi": r"\buwsgi\b",
    "mod_wsgi": r"\bWSGI(ScriptAlias|DaemonProcess)\b|\bmod_wsgi\b",  # Apache's module
}
_SERVER_CONFIG = {
    "gunicorn": (r"(^|/)gunicorn[\w.-]*\.conf\.py(\.\w+)?$", "Gunicorn configuration"),
    "uwsgi": (r"(^|/)uwsgi[\w.-]*\.ini(\.\w+)?$", "uWSGI configuration"),
}
# files that start or configure a server: containers, process managers, units, scripts
_RUN_FILES = (
    "Procfile",
    "Procfile.*",
    "*.service",
    "*.service.*",
    "*.spec",
    "*.conf",
    "*.conf.*",
    "*.ini",
    "*.ini.*",
    "*.sh",
    "*.sh.*",
    "docker-compose*.y*ml",
    "compose*.y*ml",
    "*/docker-compose*.y*ml",
)
_TEMPLATE = re.compile(r"\.(j2|jinja2?|tmpl|tpl|template|in)$|(^|/)[\w-]*templates?[\w-]*/", re.I)


def _template(path: str) -> bool:
    """A file the installation renders (its own values filled in) before it runs."""
    return bool(_TEMPLATE.search(path))


def wsgi_server(code: Codebase, bank: Bank) -> Answer | None:
    """The server dependencies, run files and server configuration name.

    Required dependencies and files that run the app are certain; a server only in an
    optional extra or group, or in shipped templates, is likely; several offered that way
    leave the choice to the installation.
    """
    qid = "deployment.wsgi_server"
    places = sorted({*_dockerfiles(code), *code.matching(*_RUN_FILES)})
    found: dict[str, list[tuple[bool, Evidence]]] = {}  # server -> (certain?, where)
    for name, pattern in _SERVERS.items():
        items: list[tuple[bool, Evidence]] = []
        named: set[str] = set()  # the server's own configuration files, cited by name
        if name in _SERVER_CONFIG:
            config, what = _SERVER_CONFIG[name]
            named = {path for path in code.files if re.search(config, path)}
            items += [(not _template(path), Evidence(path, 0, what)) for path in sorted(named)]
        for path in places:
            if path not in named:
                items += [(not _template(path), e) for e in code.grep(path, pattern)]
        dep = code.dependency(name)
        if dep is not None:
            items.append((True, dep))
        optional = code.optional_dependency(name)
        if optional is not None:
            group, where = optional
            text = f"{where.text} (only in the optional {group!r} extra or group)"
            items.append((False, Evidence(where.path, where.line, text)))
        if items:
            found[name] = sorted(items, key=lambda item: not item[0])  # certain ones first
    certain = sorted(name for name, items in found.items() if any(c for c, _ in items))
    evidence = {name: [e for _, e in items] for name, items in found.items()}
    if len(certain) > 1:
        return contradicted(
            qid,
            f"more than one WSGI server: {', '.join(certain)}",
            first([e for name in certain for e in evidence[name]], 8),
        )
    if not found:
        return left_open(qid, "no WSGI server found in dependencies, config or scripts")
    others = sorted(set(found) - set(certain))
    if certain:
        (name,) = certain
        also = f"also offered, optionally: {', '.join(others)}" if others else ""
        return pick(bank, qid, name, "certain", first(evidence[name]), finding=also)
    if len(others) > 1:
        return left_open(
            qid,
            f"the installation chooses: optional extras or shipped templates offer "
            f"{', '.join(others)}",
            first([e for name in others for e in evidence[name][:3]], 8),
        )
    (name,) = others
    return pick(
        bank,
        qid,
        name,
        "likely",
        first(evidence[name]),
        finding=f"{name} only in an optional dependency or a shipped template",
    )


_CONFIG_MANAGEMENT = {
    "ansible": ("ansible.cfg", "*playbook*.yml", "ansible/*", "*/ansible/*", "roles/*/tasks/*.yml"),
    "salt": ("*.sls", "*/*.sls", "salt/*"),
    "puppet": ("*.pp", "*/*.pp", "manifests/*", "Puppetfile"),
}


def config_management(code: Codebase, bank: Bank) -> Answer | None:
    qid = "deployment.config_management"
    found = {k: code.matching(*p) for k, p in _CONFIG_MANAGEMENT.items()}
    found = {k: v for k, v in found.items() if v}
    evidence = [Evidence(p, 1, f"{k} file") for k, v in found.items() for p in v[:3]]
    if len(found) > 1:
        return contradicted(qid, f"files of {' and '.join(sorted(found))}", evidence)
    if found:
        ((kind, _),) = found.items()
        return pick(bank, qid, kind, "certain", evidence)
    return left_open(
        qid, "host setup usually lives outside the service's repository; none was found here"
    )


def adopt(code: Codebase, bank: Bank) -> list[Answer | None]:
    return [
        artifact(code, bank),
        ci(code, bank),
        wsgi_server(code, bank),
        config_management(code, bank),
    ]

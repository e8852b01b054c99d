"""Heuristic 1, deployment: the artifact, CI, WSGI server and configuration management."""

from __future__ import annotations

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


def wsgi_server(code: Codebase, bank: Bank) -> Answer | None:
    qid = "deployment.wsgi_server"
    found: dict[str, list[Evidence]] = {}
    places = [
        *_dockerfiles(code),
        *code.matching("Procfile", "*.service", "*/*.service", "*.spec", "*/*.spec"),
    ]
    for name, pattern in (
        ("gunicorn", r"\bgunicorn\b"),
        ("waitress", r"waitress"),
        ("uwsgi", r"\buwsgi\b"),
    ):
        found[name] = []
        for path in places:
            found[name].extend(code.grep(path, pattern))
        if name == "gunicorn":
            found[name] += [
                Evidence(p, 1, "Gunicorn configuration") for p in code.matching("gunicorn.conf.py")
            ]
        if name == "uwsgi":
            found[name] += [
                Evidence(p, 1, "uWSGI configuration") for p in code.matching("uwsgi.ini")
            ]
        dep = code.dependency(name)
        if dep is not None:
            found[name].append(dep)
        if not found[name]:
            del found[name]
    if len(found) > 1:
        return contradicted(
            qid,
            f"more than one WSGI server: {', '.join(sorted(found))}",
            first([e for items in found.values() for e in items], 8),
        )
    if not found:
        return left_open(qid, "no WSGI server is configured or required")
    ((name, evidence),) = found.items()
    return pick(bank, qid, name, "certain", first(evidence))


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

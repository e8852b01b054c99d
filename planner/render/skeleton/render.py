"""Plan the skeleton's files for a record: the application, its tests and its tooling."""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

from planner import __version__
from planner.files.plan import FilePlan
from planner.questions.model import Bank
from planner.record.model import Record
from planner.render.environment import Templates
from planner.render.skeleton.modules import Feature, Module, features, modules
from planner.render.skeleton.pyimports import sort_imports
from planner.render.skeleton.spec import Spec, build_spec

logger = logging.getLogger(__name__)

SKELETON = "skeleton"

TEMPLATE_SUFFIXES = (".html", ".htm", ".jinja", ".jinja2", ".j2", ".mako", ".tmpl")
"""Generated files that are themselves templates, rendered again by the generated project."""


def is_template(path: str) -> bool:
    """Whether the generated file at ``path`` is template source for the generated project."""
    return path.endswith(TEMPLATE_SUFFIXES)


def _without_free_text(spec: Spec) -> Spec:
    """``spec`` with the team's free text removed: what a generated template may see.

    A value typed in the meeting must never become template source in a file
    the generated project renders (Flask's Jinja, Alembic's Mako): there it
    would run as code on every request. Such files get the name and the
    description as values at run time instead.
    """
    return dataclasses.replace(spec, name="", description="")


def _table_module(spec: Spec, feature: Feature) -> str:
    dotted = feature.repository if spec.ports and feature.repository else feature.models
    parent, _, leaf = dotted.rpartition(".")
    return f"from {spec.package}.{parent} import {leaf} as {feature.name}_tables"


def _forbidden(spec: Spec) -> list[str]:
    """The third-party packages the domain and services must not import (installed ones only)."""
    names = ["falcon" if spec.falcon else "flask"]
    if spec.has_db:
        names.append("sqlalchemy")
    if spec.flask_sqlalchemy:
        names.append("flask_sqlalchemy")
    return names


def _context(spec: Spec, feats: list[Feature], record: Record) -> dict[str, Any]:
    def imports(*lines: str) -> str:
        return sort_imports(lines, spec.package)

    return {
        "date": record.meeting.date.isoformat(),
        # CI checks with the planner that wrote the project: a new release's rules arrive
        # when the team renders again with it, not on an unrelated push.
        "planner_requirement": f"architecture-kickoff=={__version__}",
        "table_imports": [_table_module(spec, f) for f in feats],
        "table_aliases": [f"{f.name}_tables" for f in feats],
        "forbidden": _forbidden(spec),
        "pure_modules": sorted(
            {f"{spec.package}.{m}" for f in feats for m in (f.models, f.services)}
        ),
        "resource_imports": [
            f"from {spec.package}.{f.routes} import add_routes as add_{f.name}_routes"
            for f in feats
        ]
        + (
            [f"from {spec.package}.{f.services} import {f.entity}Service" for f in feats]
            if spec.wiring == "container"
            else []
        ),
        "colocated_test_modules": sorted(
            {
                f"{spec.package}.{dotted.rpartition('.')[0]}."
                + spec.test_file(dotted.rpartition(".")[2]).removesuffix(".py")
                for f in feats
                for dotted in (f.models, f.repository, f.services, f.routes)
                if dotted
            }
        ),
        "service_imports": [
            f"from {spec.package}.{f.services} import {f.entity}Service" for f in feats
        ],
        "spec": spec,
        "features": feats,
        "imports": imports,
        "blueprint_imports": [
            f"from {spec.package}.{f.routes} import bp as {f.name}_bp" for f in feats
        ],
    }


def _project_files(spec: Spec) -> list[tuple[str, str]]:
    """(output path, template) for files outside the package."""
    files = [
        ("pyproject.toml", "project/pyproject.toml.j2"),
        ("README.md", "project/README.md.j2"),
        (".gitignore", "project/gitignore.j2"),
    ]
    if spec.flask:
        files += [
            (f"{spec.package_dir}/templates/index.html", "project/index.html.j2"),
            (f"{spec.package_dir}/static/style.css", "project/style.css.j2"),
        ]
    if spec.wsgi_server == "gunicorn":
        files.append(("gunicorn.conf.py", "project/gunicorn.conf.py.j2"))
    if spec.artifact == "docker":
        files += [
            ("Dockerfile", "project/Dockerfile.j2"),
            (".dockerignore", "project/dockerignore.j2"),
        ]
    if spec.artifact == "rpm":
        files += [
            (f"packaging/{spec.dist_name}.spec", "project/rpm.spec.j2"),
            (f"packaging/{spec.dist_name}.service", "project/systemd.service.j2"),
            (f"packaging/{spec.dist_name}.sysusers", "project/sysusers.conf.j2"),
        ]
    if spec.ci == "github":
        files.append((".github/workflows/ci.yml", "project/github-ci.yml.j2"))
    elif spec.ci == "gitlab":
        files.append((".gitlab-ci.yml", "project/gitlab-ci.yml.j2"))
    if spec.migrations:
        files += [
            (f"{spec.package_dir}/migrations/env.py", "project/migrations/env.py.j2"),
            (
                f"{spec.package_dir}/migrations/script.py.mako",
                "project/migrations/script.py.mako.j2",
            ),
            (
                f"{spec.package_dir}/migrations/versions/0001_initial.py",
                "project/migrations/0001_initial.py.j2",
            ),
        ]
    conftest = (
        f"{spec.package_dir}/conftest.py"
        if spec.test_layout == "colocated"
        else "tests/conftest.py"
    )
    files.append(
        (conftest, "falcon/tests/conftest.py.j2" if spec.falcon else "tests/conftest.py.j2")
    )
    if spec.ports:
        name = spec.test_file("import_contracts")
        contracts = {
            "colocated": f"{spec.package_dir}/{name}",
            "by_kind": f"tests/unit/{name}",
        }.get(spec.test_layout, f"tests/{name}")
        files.append((contracts, "tests/test_import_contracts.py.j2"))
    return files


def plan_skeleton(record: Record, bank: Bank, templates: Templates) -> FilePlan:
    """Every file of the project skeleton that ``record`` calls for."""
    spec = build_spec(record, bank)
    feats = features(spec)
    mods: list[Module] = modules(spec)
    base = _context(spec, feats, record)
    plan = FilePlan()
    for path, template in _project_files(spec):
        context = {**base, "spec": _without_free_text(spec)} if is_template(path) else base
        plan.add(path, templates.render(f"{SKELETON}/{template}", modules=mods, **context))
    for module in mods:
        context = {**base, **module.context, "module": module}
        plan.add(module.path(spec), templates.render(f"{SKELETON}/{module.template}", **context))
        if module.test_template:
            plan.add(
                module.test_path(spec),
                templates.render(f"{SKELETON}/{module.test_template}", **context),
            )
    logger.info("planned skeleton: %d files", len(plan.files))
    return plan

"""Heuristic 1, deployment: the artifact's and the pipeline's files exist and are valid."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable

import yaml

from planner.check.files import Unreadable, read_text
from planner.check.model import Context, Finding, Rule


def _build_backend(ctx: Context) -> Iterable[Finding]:
    path = ctx.root / "pyproject.toml"
    if not path.exists() and not path.is_symlink():
        yield Finding(
            "DEP001", "pyproject.toml", 1, 1, "no pyproject.toml: the package cannot be built"
        )
        return
    try:
        data = tomllib.loads(read_text(path, ctx.root))
    except Unreadable as exc:
        yield Finding("DEP001", "pyproject.toml", 1, 1, f"pyproject.toml cannot be read: {exc}")
        return
    except tomllib.TOMLDecodeError as exc:
        yield Finding("DEP001", "pyproject.toml", 1, 1, f"pyproject.toml does not parse: {exc}")
        return
    except RecursionError:
        yield Finding("DEP001", "pyproject.toml", 1, 1, "pyproject.toml is nested too deeply")
        return
    system = data.get("build-system")
    if system is not None and not isinstance(system, dict):
        yield Finding("DEP001", "pyproject.toml", 1, 1, "[build-system] is not a table")
    elif not isinstance((system or {}).get("build-backend"), str):
        yield Finding("DEP001", "pyproject.toml", 1, 1, "no [build-system] build-backend")


def _docker_non_root(ctx: Context) -> Iterable[Finding]:
    path = ctx.root / "Dockerfile"
    if not path.exists() and not path.is_symlink():
        yield Finding(
            "DEP002",
            ctx.anchor(),
            1,
            1,
            "the artifact is a container image but there is no Dockerfile",
        )
        return
    try:
        text = read_text(path, ctx.root)
    except Unreadable as exc:
        yield Finding("DEP002", "Dockerfile", 1, 1, f"the Dockerfile cannot be read: {exc}")
        return
    users = [
        (number, line.split(None, 1)[1].strip() if len(line.split()) > 1 else "")
        for number, line in enumerate(text.splitlines(), 1)
        if line.strip().upper().startswith("USER")
    ]
    if not users or users[-1][1].split(":")[0] in ("root", "0"):
        yield Finding(
            "DEP002",
            "Dockerfile",
            users[-1][0] if users else 1,
            1,
            "the image runs as root; add a USER",
        )


def _ci_pipeline(ctx: Context) -> Iterable[Finding]:
    ci = ctx.answer("deployment.ci")
    paths = (
        sorted((ctx.root / ".github" / "workflows").glob("*.y*ml"))
        if ci == "github"
        else [ctx.root / ".gitlab-ci.yml"]
    )
    present = [p for p in paths if p.exists() or p.is_symlink()]
    if not present:
        where = ".github/workflows/" if ci == "github" else ".gitlab-ci.yml"
        yield Finding("DEP003", ctx.anchor(), 1, 1, f"the CI pipeline is missing ({where})")
        return
    for path in present:
        try:
            data = yaml.safe_load(read_text(path, ctx.root))
        except Unreadable as exc:
            yield Finding("DEP003", ctx.rel(path), 1, 1, f"the pipeline cannot be read: {exc}")
            continue
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            yield Finding(
                "DEP003",
                ctx.rel(path),
                (mark.line + 1) if mark else 1,
                1,
                f"the pipeline does not parse: {exc}",
            )
            continue
        except RecursionError:
            yield Finding("DEP003", ctx.rel(path), 1, 1, "the pipeline is nested too deeply")
            continue
        if not isinstance(data, dict) or (ci == "github" and "jobs" not in data):
            yield Finding("DEP003", ctx.rel(path), 1, 1, "the pipeline defines no jobs")


def _rpm_packaging(ctx: Context) -> Iterable[Finding]:
    folder = ctx.root / "packaging"
    if not [p for p in folder.glob("*.spec") if p.is_file()]:
        yield Finding(
            "DEP004",
            ctx.anchor(),
            1,
            1,
            "the artifact is an RPM but there is no packaging/*.spec",
            code="spec",
        )
    if not [p for p in folder.glob("*.service") if p.is_file()]:
        yield Finding(
            "DEP004",
            ctx.anchor(),
            1,
            1,
            "the RPM has no systemd unit (packaging/*.service)",
            code="service",
        )


RULES = (
    Rule(
        "DEP001",
        "deployment",
        "pyproject.toml names a build backend",
        lambda ctx: ctx.answer("deployment.artifact") is not None,
        _build_backend,
        decides=("deployment.artifact",),
    ),
    Rule(
        "DEP002",
        "deployment",
        "the Dockerfile runs as a non-root user",
        lambda ctx: ctx.answer("deployment.artifact") == "docker",
        _docker_non_root,
        decides=("deployment.artifact",),
    ),
    Rule(
        "DEP003",
        "deployment",
        "the CI pipeline exists and parses",
        lambda ctx: ctx.answer("deployment.ci") in ("github", "gitlab"),
        _ci_pipeline,
        decides=("deployment.ci",),
    ),
    Rule(
        "DEP004",
        "deployment",
        "an RPM artifact has its spec file and systemd unit",
        lambda ctx: ctx.answer("deployment.artifact") == "rpm",
        _rpm_packaging,
        decides=("deployment.artifact",),
    ),
)

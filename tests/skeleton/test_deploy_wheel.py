"""The container image's steps without a container: root installs the wheel, a user serves it.

The generated Dockerfile installs the wheel as root into the image's Python,
then switches to an unprivileged user whose only writable place is the state
folder the image provides. This test takes the same steps on the host, read
from the generated Dockerfile itself: a fresh virtual environment owned by
root (read-only for everyone else), the Dockerfile's environment with its
state folder mapped to a folder owned by the service user, ``init-db`` and the
Dockerfile's ``CMD`` run as ``nobody``. Flask's instance folder in such an
install sits under the read-only prefix, so an app that creates it at start-up
fails here exactly as it fails in the image.
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.skeleton.conftest import fresh_postgres_database, generate
from tests.skeleton.deploy import (
    SERVICE_USER,
    as_user,
    base_env,
    build_wheel,
    exercise,
    free_port,
    install_as_root,
    require_root,
    run,
    serving,
    world_readable_folder,
)
from tests.skeleton.test_matrix import COMBINATIONS, label

pytestmark = pytest.mark.slow


def dockerfile_runtime(text: str) -> tuple[dict[str, str], str, list[str]]:
    """The runtime stage's environment, working folder and command."""
    runtime = text.split("\nFROM ")[-1]
    joined = runtime.replace("\\\n", " ")
    env: dict[str, str] = {}
    for line in joined.splitlines():
        if line.startswith("ENV "):
            env.update(dict(pair.split("=", 1) for pair in line[4:].split()))
    (workdir,) = re.findall(r"^WORKDIR (\S+)$", runtime, re.MULTILINE)
    (cmd,) = re.findall(r"^CMD (\[.*\])$", runtime, re.MULTILINE)
    assert re.search(r"^USER (?!root)\w+$", runtime, re.MULTILINE), "the image must not run as root"
    return env, workdir, json.loads(cmd)


@pytest.mark.parametrize(
    "answers",
    [{}, {"deployment.wsgi_server": "waitress", "layout.src_layout": False}],
    ids=["default", "waitress-flat"],
)
def test_image_steps_serve_as_an_unprivileged_user(answers: dict[str, Any], tmp_path: Path) -> None:
    require_root()
    project = tmp_path / "project"
    spec = generate(project, answers)
    image_env, workdir, cmd = dockerfile_runtime((project / "Dockerfile").read_text())
    state_in_image = image_env[f"{spec.env_prefix}_INSTANCE_PATH"]
    assert workdir == state_in_image

    with world_readable_folder("planner-image-") as image:
        wheel = build_wheel(project, tmp_path / "dist")
        venv = image / "usr-local"
        install_as_root(wheel, venv)
        etc = image / "etc" / spec.dist_name
        etc.mkdir(parents=True)
        if spec.wsgi_server == "gunicorn":
            shutil.copy(project / "gunicorn.conf.py", etc / "gunicorn.conf.py")
        state = image / "state"
        state.mkdir(mode=0o750)
        nobody = pwd.getpwnam(SERVICE_USER)
        os.chown(state, nobody.pw_uid, nobody.pw_gid)

        def mapped(value: str) -> str:
            return value.replace(state_in_image, str(state)).replace(
                f"/etc/{spec.dist_name}", str(etc)
            )

        port = free_port()
        env = {
            **base_env(),
            "PATH": f"{venv / 'bin'}:/usr/bin:/bin",
            **{key: mapped(value) for key, value in image_env.items()},
            f"{spec.env_prefix}_SECRET_KEY": "a-key-the-deployment-sets",
            f"{spec.env_prefix}_BIND": f"127.0.0.1:{port}",
            f"{spec.env_prefix}_WORKERS": "1",
        }
        command = [mapped(part) for part in cmd]
        if spec.wsgi_server == "waitress":
            command = [part.replace("0.0.0.0:8000", f"127.0.0.1:{port}") for part in command]
        run(
            [
                *as_user(SERVICE_USER, env),
                "flask",
                "--app",
                spec.wsgi_target.split(":")[0],
                "init-db",
            ],
            cwd=state,
        )
        base = f"http://127.0.0.1:{port}"
        with serving([*as_user(SERVICE_USER, env), *command], base, cwd=state):
            exercise(base, spec.features[0].replace("_", "-"))
        assert (state / f"{spec.package}.sqlite").is_file()
        written = [
            path
            for path in venv.rglob("*")
            if not path.is_symlink() and path.stat().st_uid == nobody.pw_uid
        ]
        assert written == [], "the service wrote into the installation"


WHEEL_COMBINATIONS = [
    {k: v for k, v in combo.items() if not k.startswith(("project.", "meeting."))}
    for combo in COMBINATIONS
    if combo.get("deployment.artifact") == "wheel"
]


@pytest.mark.matrix
@pytest.mark.parametrize("answers", WHEEL_COMBINATIONS, ids=[label(c) for c in WHEEL_COMBINATIONS])
def test_every_wheel_choice_serves_from_a_fresh_environment(
    answers: dict[str, Any], tmp_path: Path
) -> None:
    """The wheel installed by root into a fresh environment, served by nobody outside the tree."""
    require_root()
    project = tmp_path / "project"
    spec = generate(project, answers)
    with world_readable_folder("planner-wheel-") as host, contextlib.ExitStack() as stack:
        wheel = build_wheel(project, tmp_path / "dist")
        venv = host / "venv"
        install_as_root(wheel, venv)
        state = host / "state"
        state.mkdir(mode=0o750)
        nobody = pwd.getpwnam(SERVICE_USER)
        os.chown(state, nobody.pw_uid, nobody.pw_gid)
        port = free_port()
        env = {
            **base_env(),
            "PATH": f"{venv / 'bin'}:/usr/bin:/bin",
            f"{spec.env_prefix}_INSTANCE_PATH": str(state),
            f"{spec.env_prefix}_SECRET_KEY": "a-key-the-deployment-sets",
            f"{spec.env_prefix}_LOG_FILE": str(state / "service.log"),
        }
        if spec.database == "postgresql":
            env[f"{spec.env_prefix}_DATABASE_URL"] = stack.enter_context(fresh_postgres_database())
        if spec.config_source == "file":
            (state / f"{spec.package}.toml").write_text(
                "".join(
                    f'{k[len(spec.env_prefix) + 1 :]} = "{v}"\n'
                    for k, v in env.items()
                    if k.startswith(spec.env_prefix + "_")
                )
            )
        if spec.has_db:
            init = ["flask", "--app", f"{spec.package}.wsgi", "init-db"]
            if spec.falcon:
                init = ["python", "-m", f"{spec.package}.cli", "init-db"]
            run([*as_user(SERVICE_USER, env), *init], cwd=state)
        if spec.wsgi_server == "gunicorn":
            serve = ["gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "1", spec.wsgi_target]
        else:
            serve = ["waitress-serve", f"--listen=127.0.0.1:{port}", spec.wsgi_target]
        base = f"http://127.0.0.1:{port}"
        with serving([*as_user(SERVICE_USER, env), *serve], base, cwd=state):
            exercise(base, spec.features[0].replace("_", "-"))

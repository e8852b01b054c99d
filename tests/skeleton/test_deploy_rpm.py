"""The generated RPM builds, installs, creates its user and serves under its unit's command.

Built with ``rpmbuild`` from the generated spec (the wheel in a virtual
environment under /opt made by the system Python 3.11), installed into a
scratch root with ``rpm --root``, checked (shebangs name the installed path,
never the build root; the package creates its service user), and run the way
systemd runs it: the unit's ``User=``, ``WorkingDirectory=``,
``Environment=``, ``EnvironmentFile=`` and ``ExecStart=``, inside the scratch
root (``chroot`` in a private mount namespace, the host's /usr lent
read-only), against a real PostgreSQL database.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from tests.skeleton.conftest import fresh_postgres_database, generate
from tests.skeleton.deploy import (
    exercise,
    free_port,
    require,
    require_root,
    run,
    serving,
    world_readable_folder,
)

pytestmark = pytest.mark.slow

RPM_POSTGRES = {"deployment.artifact": "rpm", "initialization.database": "postgresql"}


def read_unit(path: Path) -> dict[str, list[str]]:
    """The unit's [Service] settings, each with every value it was given."""
    values: dict[str, list[str]] = {}
    section = ""
    for line in path.read_text().splitlines():
        if line.startswith("["):
            section = line.strip("[]")
        elif "=" in line and not line.startswith("#") and section == "Service":
            key, value = line.split("=", 1)
            values.setdefault(key, []).append(value)
    return values


def environment_of(unit: dict[str, list[str]], root: Path) -> dict[str, str]:
    """Environment= then EnvironmentFile= (which wins), as systemd applies them."""
    env: dict[str, str] = {}
    for assignment in unit.get("Environment", []):
        for pair in shlex.split(assignment):
            key, value = pair.split("=", 1)
            env[key] = value
    for name in unit.get("EnvironmentFile", []):
        path = root / name.lstrip("-").lstrip("/")
        if path.is_file():
            for line in path.read_text().splitlines():
                if line.strip() and not line.startswith("#"):
                    key, value = line.split("=", 1)
                    env[key] = value
    return env


def in_scratch_root(
    root: Path, uid: int, gid: int, workdir: str, env: dict[str, str], command: list[str]
) -> list[str]:
    """Run ``command`` as uid:gid inside ``root``, with the host's /usr lent read-only."""
    for name in ("bin", "sbin", "lib", "lib64"):
        host = Path("/") / name
        if host.is_symlink() and not (root / name).is_symlink():
            (root / name).symlink_to(os.readlink(host))
    for name in ("usr", "dev", "proc", "tmp"):
        (root / name).mkdir(exist_ok=True)
    (root / "tmp").chmod(0o1777)
    assignments = " ".join(shlex.quote(f"{k}={v}") for k, v in sorted(env.items()))
    inner = f"cd {shlex.quote(workdir)} && exec env -i {assignments} {shlex.join(command)}"
    setup = (
        f"mount --rbind /usr {root}/usr && mount -o remount,bind,ro {root}/usr"
        f" && mount --rbind /dev {root}/dev && mount -t proc proc {root}/proc"
        f" && exec chroot --userspec={uid}:{gid} {root} /bin/sh -c {shlex.quote(inner)}"
    )
    return ["unshare", "--mount", "--propagation", "private", "/bin/sh", "-c", setup]


def test_rpm_builds_installs_and_serves_as_its_service_user(tmp_path: Path) -> None:
    require_root()
    for tool in ("rpmbuild", "rpm", "systemd-sysusers", "systemd-analyze", "unshare", "chroot"):
        require(shutil.which(tool) is not None, f"{tool} is not installed")
    project = tmp_path / "project"
    spec = generate(project, RPM_POSTGRES)
    name = spec.dist_name
    with world_readable_folder("planner-rpm-") as work:
        top = work / "rpmbuild"
        (top / "SOURCES").mkdir(parents=True)
        with tarfile.open(top / "SOURCES" / f"{name}-0.1.0.tar.gz", "w:gz") as tar:
            tar.add(project, arcname=f"{name}-0.1.0")
        run(
            [
                "rpmbuild",
                "-bb",
                "--nodeps",
                "--define",
                f"_topdir {top}",
                str(project / "packaging" / f"{name}.spec"),
            ],
            env={**os.environ, "PATH": "/usr/bin:/bin", "HOME": str(work)},
            timeout=900,
        )
        (package,) = (top / "RPMS").rglob("*.rpm")
        root = work / "root"
        root.mkdir()
        run(
            [
                "rpm",
                "--root",
                str(root),
                "--dbpath",
                "/rpmdb",
                "-i",
                "--nodeps",
                "--noscripts",
                str(package),
            ],
            env={**os.environ, "HOME": str(work)},
        )

        # Scripts name the installed interpreter; nothing remembers the build root.
        bindir = root / "opt" / name / "bin"
        scripts = [
            p
            for p in bindir.iterdir()
            if p.is_file() and not p.is_symlink() and p.read_bytes().startswith(b"#!")
        ]
        assert {"gunicorn", "flask"} <= {p.name for p in scripts}
        for script in scripts:
            first = script.read_text().splitlines()[0]
            if script.name.startswith("activate") or script.suffix == ".ps1":
                continue
            assert first in (
                f"#!/opt/{name}/bin/python3.11",
                f"#!/opt/{name}/bin/python3",
                f"#!/opt/{name}/bin/python",
            ), (script, first)
        leaked = subprocess.run(
            ["grep", "-rl", "BUILDROOT", str(root / "opt")], capture_output=True, text=True
        )
        assert leaked.stdout == "", leaked.stdout[:2000]

        # The package creates its service user: %pre for rpm, sysusers.d for systemd.
        scripts_text = run(["rpm", "-qp", "--scripts", str(package)]).stdout
        assert "useradd" in scripts_text and name in scripts_text
        run(["systemd-sysusers", f"--root={root}"])
        users = {
            line.split(":")[0]: line.split(":")
            for line in (root / "etc" / "passwd").read_text().splitlines()
        }
        assert name in users and users[name][6].endswith("nologin")
        uid, gid = int(users[name][2]), int(users[name][3])

        unit_file = root / "usr" / "lib" / "systemd" / "system" / f"{name}.service"
        unit = read_unit(unit_file)
        assert unit["User"] == [name]
        verify = subprocess.run(
            [
                "unshare",
                "--mount",
                "/bin/sh",
                "-c",
                f"mount --bind {root}/opt /opt && systemd-analyze verify {unit_file}",
            ],
            capture_output=True,
            text=True,
        )
        assert verify.returncode == 0 and verify.stderr.strip() == "", verify.stderr

        # What systemd does before ExecStart: the state folder and the site's environment file.
        (state,) = unit["StateDirectory"]
        state_dir = root / "var" / "lib" / state
        state_dir.mkdir(parents=True)
        os.chown(state_dir, uid, gid)
        port = free_port()
        with fresh_postgres_database() as url:
            (root / "etc" / name / "environment").write_text(
                f"{spec.env_prefix}_SECRET_KEY=a-key-the-site-sets\n"
                f"{spec.env_prefix}_DATABASE_URL={url}\n"
                f"{spec.env_prefix}_BIND=127.0.0.1:{port}\n"
                f"{spec.env_prefix}_WORKERS=1\n"
            )
            env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", **environment_of(unit, root)}
            (workdir,) = unit["WorkingDirectory"]
            run(
                in_scratch_root(
                    root,
                    uid,
                    gid,
                    workdir,
                    env,
                    [f"/opt/{name}/bin/flask", "--app", f"{spec.package}.wsgi", "init-db"],
                )
            )
            (exec_start,) = unit["ExecStart"]
            base = f"http://127.0.0.1:{port}"
            with serving(
                in_scratch_root(root, uid, gid, workdir, env, shlex.split(exec_start)), base
            ):
                exercise(base, spec.features[0].replace("_", "-"))

"""Deploying a generated project the way production does: root installs, a service user serves.

Shared by the wheel, RPM and container tests. Everything is real: a wheel built
with the project's own backend, a fresh virtual environment made by the system
Python (readable by every user, unlike a per-user interpreter), commands run
as an unprivileged user with ``runuser``, HTTP over 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

SYSTEM_PYTHON = "/usr/bin/python3.11"
SERVICE_USER = "nobody"


def require(condition: bool, why: str) -> None:
    """Skip when a tool is missing on a workstation; under CI the same gap is a failure."""
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{why} (.ci/run installs it)", pytrace=False)
    pytest.skip(why)


def require_root() -> None:
    require(os.geteuid() == 0, "installing as root and serving as another user needs root")
    require(shutil.which("runuser") is not None, "runuser is not installed")
    require(Path(SYSTEM_PYTHON).is_file(), f"{SYSTEM_PYTHON} (Debian's python3.11) is missing")


@contextmanager
def world_readable_folder(prefix: str) -> Iterator[Path]:
    """A folder every user can enter (pytest's own tmp folders are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(command: Sequence[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Run ``command``; on failure, the assertion shows its output."""
    kwargs.setdefault("timeout", 600)
    result = subprocess.run(list(command), capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, (
        f"{' '.join(command)} failed ({result.returncode}):\n"
        f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    )
    return result


def build_wheel(project: Path, dist: Path) -> Path:
    """The project's wheel, built by its own build backend."""
    pip = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
    run([*pip, "-w", str(dist), str(project)])
    (wheel,) = dist.glob("*.whl")
    return wheel


def install_as_root(wheel: Path, venv: Path) -> None:
    """A fresh virtual environment by the system Python, the wheel and its dependencies in it."""
    run([SYSTEM_PYTHON, "-m", "venv", str(venv)])
    run([str(venv / "bin" / "pip"), "install", "-q", str(wheel)])


def as_user(user: str, env: dict[str, str]) -> list[str]:
    """The prefix that runs a command as ``user`` with exactly ``env``."""
    assignments = [f"{k}={v}" for k, v in sorted(env.items())]
    return ["runuser", "-u", user, "--", "env", "-i", *assignments]


def base_env() -> dict[str, str]:
    return {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/nonexistent"}


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def call(url: str, payload: dict[str, Any] | None = None) -> tuple[int, Any]:
    """``GET`` (or ``POST`` with a JSON body); the status and the decoded body."""
    data = json.dumps(payload).encode() if payload is not None else None
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            body = response.read()
            kind = response.headers.get("Content-Type", "")
            return response.status, json.loads(body or b"null") if "json" in kind else body
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@contextmanager
def serving(
    command: Sequence[str],
    base: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    startup: float = 60,
) -> Iterator[None]:
    """Start a server and wait until ``base``/health answers; stop it afterwards."""
    server = subprocess.Popen(
        list(command), cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + startup
        while True:
            try:
                call(f"{base}/health")
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline or server.poll() is not None:
                    server.kill()
                    output = server.stdout.read().decode() if server.stdout else ""
                    raise AssertionError(f"server did not come up:\n{output[-6000:]}") from None
                time.sleep(0.3)
        yield
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def exercise(base: str, feature: str) -> None:
    """What the deployed service must answer: health, a feature round trip and the home page."""
    status, body = call(f"{base}/health")
    assert status == 200 and body["status"] == "ok", body
    status, created = call(f"{base}/{feature}/", {"name": "Ada"})
    assert status == 201 and created["name"] == "Ada", created
    status, listed = call(f"{base}/{feature}/")
    assert status == 200 and created in listed["items"], listed
    status, page = call(f"{base}/")
    assert status == 200 and b"<h1>" in page

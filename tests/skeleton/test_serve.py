"""Generated projects serve real requests under their chosen WSGI server, on 127.0.0.1."""

from __future__ import annotations

import http.client
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.skeleton.conftest import generate
from tests.skeleton.deploy import call, free_port

pytestmark = pytest.mark.matrix

DEFAULT: dict[str, Any] = {}
PORTS: dict[str, Any] = {
    "deployment.wsgi_server": "waitress",
    "initialization.wiring": "container",
    "lifetimes.db_session": "unit_of_work",
    "layout.style": "ports_and_adapters",
    "infrastructure.isolation": "ports_and_adapters",
    "layout.features": ["ledgers", "postings"],
}
FALCON: dict[str, Any] = {
    **PORTS,
    "infrastructure.framework": "falcon",
    "deployment.wsgi_server": "gunicorn",
}
FALCON_BY_FEATURE: dict[str, Any] = {
    "infrastructure.framework": "falcon",
    "layout.style": "by_feature",
    "infrastructure.isolation": "none",
    "initialization.wiring": "extensions",
    "layout.features": ["users", "billing_items"],
}
FALCON_BY_LAYER: dict[str, Any] = {
    "infrastructure.framework": "falcon",
    "layout.style": "by_layer",
    "infrastructure.isolation": "repository",
    "initialization.wiring": "container",
    "lifetimes.db_session": "unit_of_work",
    "deployment.wsgi_server": "waitress",
    "layout.features": ["orders"],
}


@pytest.mark.parametrize(
    "answers",
    [DEFAULT, PORTS, FALCON, FALCON_BY_FEATURE, FALCON_BY_LAYER],
    ids=["default", "ports-and-adapters", "falcon", "falcon-by-feature", "falcon-by-layer"],
)
def test_server_answers_health_and_a_feature(answers: dict[str, Any], tmp_path: Path) -> None:
    root = tmp_path / "project"
    spec = generate(root, answers)
    env = {
        **os.environ,
        "PYTHONPATH": str(root / "src") if spec.src_layout else str(root),
        f"{spec.env_prefix}_LOG_FILE": str(tmp_path / "serve.log"),
        f"{spec.env_prefix}_SECRET_KEY": "a-key-only-this-test-knows",
    }
    if (
        answers is not DEFAULT
    ):  # the default project runs on its built-in settings, as its README says
        env[f"{spec.env_prefix}_DATABASE_URL"] = "sqlite:///" + str(tmp_path / "serve.sqlite")
    init_db = [sys.executable, "-m", "flask", "--app", f"{spec.package}.wsgi", "init-db"]
    if spec.falcon:
        init_db = [sys.executable, "-m", f"{spec.package}.cli", "init-db"]
    subprocess.run(
        init_db,
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )
    port = free_port()
    if spec.wsgi_server == "gunicorn":
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            spec.wsgi_target,
        ]
    else:
        command = [sys.executable, "-m", "waitress", f"--listen=127.0.0.1:{port}", spec.wsgi_target]
    server = subprocess.Popen(
        command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                status, body = call(f"{base}/health")
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline or server.poll() is not None:
                    raise AssertionError(
                        server.stdout.read().decode() if server.stdout else "no output"
                    ) from None
                time.sleep(0.2)
        assert status == 200 and body["status"] == "ok"
        feature = spec.features[0].replace("_", "-")
        status, created = call(f"{base}/{feature}/", {"name": "Ada"})
        assert status == 201 and created["name"] == "Ada"
        status, listed = call(f"{base}/{feature}/")
        assert status == 200 and listed["items"] == [created]
        # one URL style across frameworks: with and without the slash, never a redirect
        for path in (f"/{feature}", f"/{feature}/"):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path)
            assert connection.getresponse().status == 200, path
            connection.close()
    finally:
        server.terminate()
        server.wait(timeout=20)

"""A generated project builds a wheel that ships its templates and static files, not its tests."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.skeleton.conftest import generate

pytestmark = pytest.mark.matrix


@pytest.mark.parametrize(
    "answers",
    [{}, {"layout.src_layout": False, "testing.layout": "colocated"}],
    ids=["src-layout", "flat-colocated"],
)
def test_wheel_contents(answers: dict[str, object], tmp_path: Path) -> None:
    root = tmp_path / "project"
    spec = generate(root, answers)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(root),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    package = spec.package
    assert f"{package}/app.py" in names
    assert f"{package}/templates/index.html" in names
    assert f"{package}/static/style.css" in names
    assert not [
        n for n in names if n.rsplit("/", 1)[-1].startswith("test_") or n.endswith("conftest.py")
    ]

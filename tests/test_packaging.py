"""A wheel built from the repository works in a fresh virtual environment."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, check=True, timeout=600
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", work / "dist", ROOT)
    wheels = list((work / "dist").glob("architecture_kickoff-*.whl"))
    assert len(wheels) == 1
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    run(python, "-m", "pip", "install", "--quiet", wheels[0])
    return env_dir


def test_wheel_ships_bank_templates_and_examples(installed: Path) -> None:
    python = installed / "bin" / "python"
    out = run(
        python,
        "-c",
        "from planner import resources; print(resources.bank_path().is_file(), sorted(resources.examples()), resources.data_dir('templates').is_dir())",
    ).stdout
    assert out.strip() == "True ['demo', 'large', 'ports'] True"


def test_console_script_help_and_new(installed: Path, tmp_path: Path) -> None:
    planner = installed / "bin" / "planner"
    assert "Run an architecture kickoff" in run(planner, "--help").stdout
    run(planner, "new", "--example", "demo", cwd=tmp_path)
    assert (tmp_path / "demo" / "architecture" / "decisions.yaml").is_file()
    # The precompiled templates in the wheel render exactly what the sources render.
    for shipped in (ROOT / "examples" / "demo" / "docs").rglob("*.md"):
        relative = shipped.relative_to(ROOT / "examples" / "demo")
        assert (tmp_path / "demo" / relative).read_bytes() == shipped.read_bytes(), relative
    run(planner, "validate", tmp_path / "demo" / "architecture" / "decisions.yaml")
    run(installed / "bin" / "python", "-m", "planner", "new", tmp_path / "svc", "--defaults")
    assert (tmp_path / "svc" / "architecture" / "decisions.yaml").is_file()

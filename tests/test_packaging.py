"""Release artifacts: sdist and wheel pass twine, agree with each other, and work when installed."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, check=True, timeout=600
    )


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sdist, the wheel built from it (as a release build does), and one built from the tree."""
    work = tmp_path_factory.mktemp("dist")
    build = [sys.executable, "-m", "build", "--no-isolation"]
    run(*build, "--outdir", work / "release", ROOT)  # sdist, then a wheel from the sdist
    run(*build, "--wheel", "--outdir", work / "tree", ROOT)
    (sdist,) = (work / "release").glob("architecture_kickoff-*.tar.gz")
    (from_sdist,) = (work / "release").glob("architecture_kickoff-*.whl")
    (from_tree,) = (work / "tree").glob("architecture_kickoff-*.whl")
    return {"sdist": sdist, "from_sdist": from_sdist, "from_tree": from_tree}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory, artifacts: dict[str, Path]) -> Path:
    env_dir = tmp_path_factory.mktemp("wheel") / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    run(python, "-m", "pip", "install", "--quiet", artifacts["from_sdist"])
    return env_dir


def contents(wheel: Path) -> dict[str, str]:
    with zipfile.ZipFile(wheel) as archive:
        return {
            name: hashlib.sha256(archive.read(name)).hexdigest()
            for name in archive.namelist()
            if not name.endswith("/")
        }


def test_twine_accepts_the_sdist_and_the_wheel(artifacts: dict[str, Path]) -> None:
    out = run(
        sys.executable,
        "-m",
        "twine",
        "check",
        "--strict",
        artifacts["sdist"],
        artifacts["from_sdist"],
    ).stdout
    assert out.count("PASSED") == 2, out


def test_a_wheel_built_from_the_sdist_is_the_wheel_built_from_the_tree(
    artifacts: dict[str, Path],
) -> None:
    from_sdist, from_tree = contents(artifacts["from_sdist"]), contents(artifacts["from_tree"])
    assert sorted(from_sdist) == sorted(from_tree)
    assert from_sdist == from_tree
    names = set(from_sdist)
    # What the package needs at run time, checked against the repository itself.
    for folder, target in (("templates", "templates"), ("examples", "examples")):
        shipped = {
            f"planner/_data/{target}/{p.relative_to(ROOT / folder)}"
            for p in (ROOT / folder).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        }
        assert shipped <= names, sorted(shipped - names)[:5]
    compiled = [n for n in names if n.startswith("planner/_data/compiled")]
    sources = [n for n in names if n.startswith("planner/_data/templates/") and n.endswith(".j2")]
    assert compiled and len(compiled) >= len(sources)
    assert "planner/questions/bank.yaml" in names
    (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
    assert metadata.startswith("architecture_kickoff-")
    with zipfile.ZipFile(artifacts["from_sdist"]) as archive:
        meta = archive.read(metadata).decode()
        entry_points = archive.read(metadata.replace("METADATA", "entry_points.txt")).decode()
    assert "Name: architecture-kickoff\n" in meta
    assert re.search(r"^Requires-Python: >=3\.11$", meta, flags=re.MULTILINE)
    assert "planner = planner.cli:main" in entry_points


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

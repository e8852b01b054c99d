"""The README's quickstart writes demo/ inside a checkout; planner's own lint leaves it alone."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_quickstart_folder_is_outside_planners_own_lint(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    (folder,) = re.findall(r"planner new --example (\w+)", readme.split("## Holding")[0])
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    generated = tmp_path / folder / "src" / "x"
    generated.mkdir(parents=True)
    # code in the team's own style (or any style): not planner's concern
    (generated / "mod.py").write_text("import os\nx=[1,\n   2]\n\n\n\ndef f():  return os\n")
    for command in (["check", "."], ["format", "--check", "."]):
        result = subprocess.run(
            [sys.executable, "-m", "ruff", *command, "--no-cache"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr

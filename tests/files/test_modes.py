"""Updated files keep their permission bits: a private file stays private, a script stays runnable."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from planner.files.apply import apply, update
from planner.files.plan import FilePlan


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def plan(text: str) -> FilePlan:
    files = FilePlan()
    files.add("secret.env", f"KEY={text}\n")
    files.add("bin/run.sh", f"#!/bin/sh\nset -e\n\n\necho {text}\n")
    files.add("README.md", f"{text}\n")
    return files


def test_render_keeps_the_mode_of_updated_files(tmp_path: Path) -> None:
    apply(plan("one"), tmp_path)
    (tmp_path / "secret.env").chmod(0o600)
    (tmp_path / "bin/run.sh").chmod(0o755)
    apply(plan("two"), tmp_path)
    assert (tmp_path / "secret.env").read_text() == "KEY=two\n"
    assert mode(tmp_path / "secret.env") == 0o600
    assert mode(tmp_path / "bin/run.sh") == 0o755
    assert mode(tmp_path / "README.md") == 0o644


def test_merge_keeps_the_mode_of_the_teams_file(tmp_path: Path) -> None:
    apply(plan("one"), tmp_path)
    script = tmp_path / "bin/run.sh"
    script.write_text("#!/bin/sh\nset -eu\n\n\necho one\n")
    script.chmod(0o750)
    update(plan("two"), tmp_path)
    assert script.read_text() == "#!/bin/sh\nset -eu\n\n\necho two\n"
    assert mode(script) == 0o750


def test_revisit_keeps_modes_of_generated_files(
    invoke: Callable[..., Any], tmp_path: Path, no_terminal: None
) -> None:
    root = tmp_path / "svc"
    assert invoke("new", root, "--defaults", "--date", "2026-11-24").exit_code == 0
    setup = next(root.glob("src/*/logging_setup.py"))
    setup.chmod(0o600)
    (root / "pyproject.toml").chmod(0o664)
    record = root / "architecture/decisions.yaml"
    record.chmod(0o600)
    result = invoke("revisit", record, "--no-input", "--set", "logging.format=json")
    assert result.exit_code == 0, result.output
    assert "pythonjsonlogger" in setup.read_text()
    assert mode(setup) == 0o600
    assert mode(root / "pyproject.toml") == 0o664
    assert mode(record) == 0o600


def test_new_files_follow_the_users_umask(tmp_path: Path) -> None:
    """A team with umask 002 shares group-writable files; umask 077 keeps them private."""
    import os

    for umask, expected in ((0o002, 0o664), (0o022, 0o644), (0o077, 0o600)):
        root = tmp_path / f"u{umask:03o}"
        old = os.umask(umask)
        try:
            apply(plan("one"), root)
        finally:
            os.umask(old)
        assert mode(root / "README.md") == expected, f"umask {umask:03o}"
        assert mode(root / "bin/run.sh") == expected


def test_the_umask_is_read_without_changing_it() -> None:
    import os

    from planner.files.writer import _umask

    old = os.umask(0o027)
    try:
        assert _umask() == 0o027
        assert os.umask(0o027) == 0o027  # still what it was
    finally:
        os.umask(old)

"""ADR file names: a team ADR named in another encoding, and a very long choice label."""

from __future__ import annotations

import os
from pathlib import Path

from tests.security.harness import run

LABEL = "Keep " + "very " * 60 + "long"  # 309 characters: over the 255-byte name limit
PACK = f"""sections:
  - id: caching
    title: Caching
    questions:
      - id: store
        title: Cache store
        type: select
        prompt: Where do cached values live?
        default: memory
        choices:
          - value: memory
            label: {LABEL}
            description: In the process.
          - value: redis
            label: Redis
            description: A shared server.
"""


def test_team_adr_with_a_latin1_name_is_skipped_with_a_clear_message(tmp_path: Path) -> None:
    assert run("new", "p", "--example", "demo", "--no-input", cwd=tmp_path).returncode == 0
    root = tmp_path / "p"
    latin1 = os.fsencode(root / "docs" / "adr") + b"/0099-caf\xe9.md"
    with open(latin1, "wb") as handle:  # as an old tool on a Latin-1 system names it
        handle.write(b"# 99. Caf\xe9\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n")
    result = run("render", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "0099-caf\\xe9.md" in result.stderr and "not UTF-8" in result.stderr
    assert "template" not in result.stderr
    status = run("status", cwd=root)  # reads the ADR folder several times: one warning
    assert status.stderr.count("not UTF-8") == 1, status.stderr
    assert result.stderr.count("not UTF-8") == 1, result.stderr
    with open(latin1, "rb") as handle:  # the team's file is left as it was
        assert handle.read().startswith(b"# 99. Caf\xe9")


def test_choice_label_longer_than_a_file_name_gives_a_short_adr_name(tmp_path: Path) -> None:
    (tmp_path / "pack.yaml").write_text(PACK)
    args = ("new", "s", "--example", "demo", "--no-input", "--questions", "pack.yaml")
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    names = [p.name for p in (tmp_path / "s" / "docs" / "adr").iterdir()]
    caching = [n for n in names if n.startswith("0009-caching-keep-very-")]
    assert len(caching) == 1 and len(caching[0].encode()) < 255, names

"""The per-file facts cache: warm runs give the same findings, changed files are parsed again."""

from __future__ import annotations

import marshal
import os
import time
from pathlib import Path
from typing import Any

import pytest

from planner.check.cache import checksum
from planner.check.runner import run_check

ANSWERS = {
    "infrastructure.isolation": "ports_and_adapters",
    "layout.style": "ports_and_adapters",
    "testing.layout": "mirror",
}


def codebase(root: Path) -> Path:
    files = {
        "app/__init__.py": "",
        "app/domain/__init__.py": "",
        "app/domain/orders.py": "from ..adapters import web\n",
        "app/adapters/__init__.py": "",
        "app/adapters/web.py": "import flask\nprint('x')\n",
        "app/settings.py": "import os\nURL = os.environ['URL']\n",
    }
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def summary(root: Path) -> list[tuple[str, str, int, str, str]]:
    report = run_check(root, "app", ANSWERS)
    return [(f.rule, f.path, f.line, f.message, f.fingerprint) for f in report.findings]


def test_a_warm_run_reads_facts_from_the_cache_and_agrees(tmp_path: Path) -> None:
    root = codebase(tmp_path)
    cold = run_check(root, "app", ANSWERS)
    assert cold.cached == 0
    warm = run_check(root, "app", ANSWERS)
    assert warm.cached == warm.files == 6
    assert warm.findings == cold.findings
    uncached = run_check(root, "app", ANSWERS, use_cache=False)
    assert uncached.findings == cold.findings and uncached.cached == 0


def test_a_changed_file_is_parsed_again(tmp_path: Path) -> None:
    root = codebase(tmp_path)
    before = summary(root)
    (root / "app" / "adapters" / "web.py").write_text("import json\n")
    report = run_check(root, "app", ANSWERS)
    assert report.cached == 5
    after = [(f.rule, f.path) for f in report.findings]
    assert ("INF001", "app/domain/orders.py") in [(r, p) for r, p, *_ in before]
    assert ("INF001", "app/domain/orders.py") not in after


def test_a_moved_file_is_not_taken_for_its_twin(tmp_path: Path) -> None:
    """Relative imports resolve from the module's name, so the name is part of the key."""
    root = codebase(tmp_path)
    summary(root)
    (root / "app" / "domain" / "orders.py").rename(root / "app" / "domain" / "sub.py")
    (root / "app" / "domain" / "deeper").mkdir()
    (root / "app" / "domain" / "deeper" / "__init__.py").write_text("")
    (root / "app" / "domain" / "deeper" / "orders.py").write_text("from ..adapters import web\n")
    findings = {(f.rule, f.path): f.message for f in run_check(root, "app", ANSWERS).findings}
    # from app.domain.deeper, ..adapters is app.domain.adapters: not a project module
    assert ("INF001", "app/domain/deeper/orders.py") not in findings
    assert ("INF001", "app/domain/sub.py") in findings


def _cache_file(root: Path) -> Path:
    [cache] = (root / ".planner_cache").glob("check-facts-*.marshal")
    return cache


def _rewrap(raw: bytes, payload: bytes) -> bytes:
    """The cache file with another payload behind a valid header and checksum."""
    header = raw[: raw.index(b"\n") + 1]
    return header + checksum(payload) + payload


def test_a_damaged_or_foreign_cache_is_ignored(tmp_path: Path) -> None:
    root = codebase(tmp_path)
    expected = summary(root)
    cache = _cache_file(root)
    assert (root / ".planner_cache" / ".gitignore").read_text().endswith("*\n")
    raw = cache.read_bytes()
    header = raw[: raw.index(b"\n") + 1]
    assert header.startswith(b"planner check facts ")
    damaged = bytearray(raw)
    damaged[-10] ^= 0xFF  # flipped bits in the facts: the checksum no longer matches
    for bad in (
        bytes(damaged),
        raw[: len(raw) // 2],  # cut short
        b"{not marshal",
        b"\x80\x04\x95",  # a pickle is data we never load
        raw.replace(b"planner check facts ", b"planner check facts 9"),  # another format
        _rewrap(raw, marshal.dumps(["not", "a", "cache"])),
        _rewrap(raw, b"\xff\xff\xff garbage marshal"),
    ):
        cache.write_bytes(bad)
        assert summary(root) == expected
    statuses, facts = marshal.loads(raw[len(header) + 4 :])
    nonsense = {digest: ("imports",) * 16 for digest in facts}  # records of the wrong shape
    cache.write_bytes(_rewrap(raw, marshal.dumps((statuses, nonsense))))
    assert summary(root) == expected
    rows = {digest: (((1, 2),), *record[1:]) for digest, record in facts.items()}  # short rows
    cache.write_bytes(_rewrap(raw, marshal.dumps((statuses, rows))))
    assert summary(root) == expected


def test_a_cache_file_that_is_a_link_is_not_followed(tmp_path: Path) -> None:
    root = codebase(tmp_path / "project")
    expected = summary(root)
    cache = _cache_file(root)
    elsewhere = tmp_path / "elsewhere.marshal"
    elsewhere.write_bytes(cache.read_bytes())
    cache.unlink()
    cache.symlink_to(elsewhere)
    before = elsewhere.read_bytes()
    (root / "app" / "adapters" / "web.py").write_text("import json\n")
    assert run_check(root, "app", ANSWERS).cached == 0  # the link was not read
    assert elsewhere.read_bytes() == before  # nor written through
    assert summary(root) != expected


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record which files check reads."""
    from planner.check import collect

    read: list[Path] = []
    original = collect.read_bytes

    def counting(path: Path, root: Path, *args: Any, **kwargs: Any) -> bytes:
        read.append(path)
        return original(path, root, *args, **kwargs)

    monkeypatch.setattr(collect, "read_bytes", counting)
    return read


def test_an_unchanged_file_is_not_even_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.check import cache

    monkeypatch.setattr(cache, "SETTLED_NS", 0)  # the files below count as settled at once
    root = codebase(tmp_path)
    expected = summary(root)
    read = _reads(monkeypatch)
    assert summary(root) == expected
    assert read == []


def test_a_fresh_file_is_read_and_hashed_until_it_has_settled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file changed in the clock tick of a run may change again unseen: its status is not kept."""
    root = codebase(tmp_path)
    expected = summary(root)
    read = _reads(monkeypatch)
    report = run_check(root, "app", ANSWERS)
    assert report.cached == 6 and len(read) == 6
    assert [(f.rule, f.path, f.line, f.message, f.fingerprint) for f in report.findings] == expected


def test_a_file_changed_in_place_with_its_old_time_and_size_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Restoring the modification time (``touch -d``, ``rsync -t``) cannot hide an edit: the
    change time, which no program can set, moves on."""
    from planner.check import cache

    monkeypatch.setattr(cache, "SETTLED_NS", 0)
    root = codebase(tmp_path)
    web = root / "app" / "adapters" / "web.py"
    info = web.stat()
    before = summary(root)
    assert ("INF001", "app/domain/orders.py") in [(r, p) for r, p, *_ in before]
    time.sleep(0.01)
    web.write_text("import json\nprint('x')\n"[: info.st_size].ljust(info.st_size))
    os.utime(web, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert web.stat().st_size == info.st_size and web.stat().st_mtime_ns == info.st_mtime_ns
    after = [(r, p) for r, p, *_ in summary(root)]
    assert ("INF001", "app/domain/orders.py") not in after


def test_an_unwritable_cache_costs_speed_not_results(tmp_path: Path) -> None:
    root = codebase(tmp_path)
    (root / ".planner_cache").write_text("a file where the folder would go\n")
    assert summary(root) == summary(root)
    assert (root / ".planner_cache").read_text() == "a file where the folder would go\n"


def test_the_adr_folder_check_skips_is_the_renderers_default() -> None:
    """``planner check`` looks for ADRs to link without importing the renderer, by its default."""
    from planner.check.runner import ADR_DEFAULT
    from planner.render.adrs import DEFAULT_ADR_DIR

    assert ADR_DEFAULT == DEFAULT_ADR_DIR

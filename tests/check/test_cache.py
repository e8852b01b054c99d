"""The per-file facts cache: warm runs give the same findings, changed files are parsed again."""

from __future__ import annotations

import json
from pathlib import Path

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


def test_a_damaged_or_foreign_cache_is_ignored(tmp_path: Path) -> None:
    root = codebase(tmp_path)
    expected = summary(root)
    [cache] = (root / ".planner_cache").glob("check-facts-*.json")
    assert (root / ".planner_cache" / ".gitignore").read_text().endswith("*\n")
    data = json.loads(cache.read_text())
    for digest in data["facts"]:
        data["facts"][digest] = {"imports": "nonsense"}
    cache.write_text(json.dumps(data))
    assert summary(root) == expected
    cache.write_text("{not json")
    assert summary(root) == expected
    cache.write_bytes(b"\x80\x04\x95")  # a pickle is data we never load
    assert summary(root) == expected


def test_an_unwritable_cache_costs_speed_not_results(tmp_path: Path) -> None:
    root = codebase(tmp_path)
    (root / ".planner_cache").write_text("a file where the folder would go\n")
    assert summary(root) == summary(root)
    assert (root / ".planner_cache").read_text() == "a file where the folder would go\n"

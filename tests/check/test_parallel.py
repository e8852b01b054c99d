"""Files parsed by worker processes give exactly what parsing them one by one gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.check import collect
from planner.check.runner import run_check
from planner.check.walker import walk

ANSWERS = {
    "infrastructure.isolation": "ports_and_adapters",
    "layout.style": "ports_and_adapters",
    "testing.layout": "mirror",
}


def codebase(root: Path, modules: int) -> Path:
    """Modules of different sizes (so workers finish out of order), a few of them broken."""
    package = root / "app"
    (package / "domain").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "domain" / "__init__.py").write_text("")
    (package / "web.py").write_text("import flask\n")
    for n in range(modules):
        body = "".join(f"def f{i}():\n    print({i})\n" for i in range(n % 7 * 40))
        text = f"import os\nfrom app import web\nURL = os.environ['U{n}']\n{body}"
        if n % 11 == 3:
            text += "def broken(:\n"
        if n % 13 == 5:
            text = "print('x')  # planner: ignore[LOG002]\n" + text
        (package / "domain" / f"m{n:03}.py").write_text(text)
    return root


def findings(root: Path) -> list[tuple[str, str, int, int, str, str]]:
    report = run_check(root, "app", ANSWERS, use_cache=False)
    return [(f.rule, f.path, f.line, f.column, f.message, f.fingerprint) for f in report.findings]


def test_workers_and_one_process_find_the_same_in_the_same_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = codebase(tmp_path, 60)
    monkeypatch.setattr(collect, "PARALLEL_FROM", 10**9)
    alone = findings(root)
    monkeypatch.setattr(collect, "PARALLEL_FROM", 1)
    monkeypatch.setattr(collect, "_workers", lambda: 2)
    assert findings(root) == alone
    assert {rule for rule, *_ in alone} >= {"PAR001", "INI002", "LOG002", "INF001", "TST001"}
    broken = [path for rule, path, *_ in alone if rule == "PAR001"]
    assert broken == [f"app/domain/m{n:03}.py" for n in range(60) if n % 11 == 3]


def test_records_come_back_in_file_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(collect, "PARALLEL_FROM", 1)
    monkeypatch.setattr(collect, "_workers", lambda: 3)
    todo = [
        (f"x = {n}\n".encode() * (n % 5 * 200 + 1), f"m{n}.py", f"pkg.m{n}", False)
        for n in range(50)
    ]
    assert collect.walk_all(todo) == [walk(*item) for item in todo]
    assert collect._PENDING == []  # the files went to the workers, not into this process


def test_no_fork_while_other_threads_run() -> None:
    """A caller with threads of its own gets parsing in its process: fork() copies only the
    calling thread, and a lock another thread held stays locked in the child for ever."""
    import threading

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert collect._workers() == 1
    finally:
        stop.set()
        other.join()
    if threading.active_count() == 1:
        assert collect._workers() >= 1

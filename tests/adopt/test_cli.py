"""``planner adopt`` from the command line: what it writes, prints and refuses."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from tests.adopt.conftest import LOGGER, PYPROJECT, write

Invoke = Callable[..., Any]

SERVICE = {
    "pyproject.toml": PYPROJECT,
    "Dockerfile": 'FROM python:3.12-slim\nRUN useradd app\nUSER app\nCMD ["gunicorn", "shop.wsgi:app"]\n',
    "shop/__init__.py": "",
    "shop/app.py": LOGGER + "from flask import Flask\n\n\ndef make_shop():\n"
    "    logging.basicConfig()\n    app = Flask(__name__)\n    app.config.from_prefixed_env()\n"
    "    return app\n",
    "shop/wsgi.py": LOGGER + "from shop.app import make_shop\n\napp = make_shop()\n",
    "tests/test_app.py": "def test_it():\n    pass\n",
    "tests/test_wsgi.py": "def test_it():\n    pass\n",
}


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".planner_cache" not in p.parts
    }


def test_writes_only_the_record_and_its_schema(invoke: Invoke, tmp_path: Path) -> None:
    root = write(tmp_path / "shop", SERVICE)
    before = tree(root)
    result = invoke("adopt", root, "--date", "2026-11-25")
    assert result.exit_code == 0, result.stderr
    after = tree(root)
    added = sorted(set(after) - set(before))
    assert added == ["architecture/decisions.schema.json", "architecture/decisions.yaml"]
    assert all(after[p] == before[p] for p in before)  # no existing file touched
    record = yaml.safe_load((root / "architecture/decisions.yaml").read_text())
    assert {d["status"] for d in record["decisions"].values()} == {"proposed"}
    assert record["project"] == {"name": "shop", "package": "shop", "description": "Sells things."}
    assert record["history"][0]["summary"].startswith("Adopted from code at a folder that is not")
    init = record["decisions"]["initialization"]["answers"]
    assert init["entry_point"] == "factory" and init["config_source"] == "env"
    # the factory's own name, so check finds it (INI001)
    assert record["check"] == {"extend-factories": ["make_shop"]}
    assert "deployment.config_management = ? (open)" in result.stdout
    assert record["decisions"]["deployment"]["open"]["config_management"] == {
        "owner": "",
        "revisit": "",
    }
    checked = invoke("check", root, "--select", "INI001,DEP002")
    assert checked.exit_code == 0, checked.stdout


def test_docs_adds_the_document_and_adrs_but_never_the_skeleton(
    invoke: Invoke, tmp_path: Path
) -> None:
    root = write(tmp_path / "shop", SERVICE)
    assert invoke("adopt", root, "--docs").exit_code == 0
    added = set(tree(root)) - set(SERVICE)
    assert "docs/architecture.md" in added
    assert any(p.startswith("docs/adr/0002-") for p in added)
    assert not [p for p in added if p.endswith(".py") or p in ("README.md", ".gitignore")]


def test_dry_run_prints_record_and_evidence_and_writes_nothing(
    invoke: Invoke, tmp_path: Path
) -> None:
    root = write(tmp_path / "shop", SERVICE)
    result = invoke("adopt", root, "--dry-run", "--no-cache")
    assert result.exit_code == 0
    assert "schema: planner-decision-record" in result.stdout
    assert "shop/app.py:9: make_shop() creates the app: Flask()" in result.stdout
    assert tree(root) == {k: v.encode() for k, v in SERVICE.items()}


def everything(root: Path) -> dict[str, bytes | None]:
    """Every path under root, folders (None) and files (their bytes), tool folders included."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes() if p.is_file() else None
        for p in sorted(root.rglob("*"))
    }


def test_dry_run_with_the_cache_on_writes_no_cache_either(invoke: Invoke, tmp_path: Path) -> None:
    root = write(tmp_path / "shop", SERVICE)
    before = everything(root)
    result = invoke("adopt", root, "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert everything(root) == before  # no .planner_cache/, no file touched
    # a cache filled by an earlier run is read (the files come from it) and left as it was
    assert invoke("adopt", root, "--date", "2026-11-25").exit_code == 0
    shutil.rmtree(root / "architecture")
    filled = everything(root)
    assert ".planner_cache/.gitignore" in filled
    again = invoke("adopt", root, "--dry-run")
    assert again.exit_code == 0, again.stderr
    assert "from the cache" in again.stdout
    assert everything(root) == filled


def test_json_report_cites_files_and_lines(invoke: Invoke, tmp_path: Path) -> None:
    root = write(tmp_path / "shop", SERVICE)
    result = invoke("adopt", root, "--dry-run", "--json")
    data = json.loads(result.stdout)
    artifact = data["answers"]["deployment.artifact"]
    assert artifact["value"] == "docker" and artifact["sure"] == "certain"
    assert artifact["evidence"] == [
        {"path": "Dockerfile", "line": 3, "text": "the final stage runs as app"}
    ]
    assert data["answers"]["deployment.config_management"]["open"] is True


def test_no_python_package_is_a_clear_message_and_exit_2(invoke: Invoke, tmp_path: Path) -> None:
    write(tmp_path, {"README.md": "# notes\n", "tool.py": "print('x')\n"})
    result = invoke("adopt", tmp_path)
    assert result.exit_code == 2
    assert "no Python package found" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "architecture").exists()


def test_an_existing_record_is_not_replaced_without_force(invoke: Invoke, tmp_path: Path) -> None:
    root = write(tmp_path / "shop", SERVICE)
    assert invoke("adopt", root).exit_code == 0
    result = invoke("adopt", root)
    assert result.exit_code == 2 and "already exists" in result.stderr
    assert invoke("adopt", root, "--force").exit_code == 0


def test_history_names_the_commit_and_git_is_left_alone(invoke: Invoke, tmp_path: Path) -> None:
    root = write(tmp_path / "shop", SERVICE)
    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@e",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@e",
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
    }
    for command in (["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-qm", "x"]):
        subprocess.run(command, cwd=root, env=env, check=True)
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=root, env=env, check=True, capture_output=True, text=True
    ).stdout.strip()
    git_before = {p: p.read_bytes() for p in (root / ".git").rglob("*") if p.is_file()}
    assert invoke("adopt", root).exit_code == 0
    record = yaml.safe_load((root / "architecture/decisions.yaml").read_text())
    assert record["history"][0]["summary"] == f"Adopted from code at commit {head} by planner adopt"
    git_after = {p: p.read_bytes() for p in (root / ".git").rglob("*") if p.is_file()}
    assert git_after == git_before


def test_check_with_the_adopted_record_leaves_open_questions_alone(
    invoke: Invoke, tmp_path: Path
) -> None:
    # No pyproject.toml, no Dockerfile: the artifact is open, so DEP001 must not run.
    files = {k: v for k, v in SERVICE.items() if k not in ("pyproject.toml", "Dockerfile")}
    root = write(tmp_path / "shop", files)
    assert invoke("adopt", root).exit_code == 0
    record = yaml.safe_load((root / "architecture/decisions.yaml").read_text())
    assert "artifact" in record["decisions"]["deployment"]["open"]
    result = invoke("check", root, "--json")
    data = json.loads(result.stdout)
    assert "DEP001" not in data["counts"], data["counts"]


def test_revisit_and_render_of_an_adopted_record_never_write_the_skeleton(
    invoke: Invoke, tmp_path: Path
) -> None:
    root = write(tmp_path / "shop", SERVICE)
    assert invoke("adopt", root).exit_code == 0
    record_file = root / "architecture/decisions.yaml"
    assert yaml.safe_load(record_file.read_text())["adopted"] == "unknown"
    before = tree(root)
    result = invoke(
        "revisit",
        record_file,
        "--no-input",
        "--set",
        "deployment.ci=github",
        "--summary",
        "Meeting over the adopted record",
    )
    assert result.exit_code == 0, result.stderr
    assert invoke("render", record_file).exit_code == 0
    after = tree(root)
    changed = sorted(p for p in after if after[p] != before.get(p))
    assert changed and all(
        p.startswith(("docs/", "architecture/", ".planner/", ".adr-dir")) for p in changed
    ), changed
    assert all(after[p] == before[p] for p in SERVICE)  # the code is untouched
    record = yaml.safe_load(record_file.read_text())
    assert record["adopted"] == "unknown" and record["check"] == {"extend-factories": ["make_shop"]}
    assert record["decisions"]["deployment"]["answers"]["ci"] == "github"


def test_the_meeting_over_an_adopted_record_shows_the_evidence_in_each_help(
    invoke: Invoke, tmp_path: Path
) -> None:
    from planner.revisit import RevisitRequest, start

    root = write(tmp_path / "shop", SERVICE)
    assert invoke("adopt", root).exit_code == 0
    meeting = start(RevisitRequest(record=root / "architecture/decisions.yaml"))
    bank = meeting.interview.bank
    entry = bank.question("initialization.entry_point")
    assert entry is not None
    assert "From the code: the code says factory (certain)." in entry.help
    assert "shop/app.py:9: make_shop() creates the app: Flask()" in entry.help
    management = bank.question("deployment.config_management")
    assert management is not None and "the code leaves this open" in management.help
    # the adopted answers are the defaults
    assert meeting.interview.default_for(entry) == "factory"


def test_force_replaces_the_record_but_keeps_an_edited_document(
    invoke: Invoke, tmp_path: Path
) -> None:
    root = write(tmp_path / "shop", SERVICE)
    assert invoke("adopt", root, "--docs").exit_code == 0
    document = root / "docs/architecture.md"
    document.write_text(document.read_text() + "\nOur own notes.\n")
    result = invoke("adopt", root, "--docs", "--force", "--date", "2026-12-01")
    assert result.exit_code in (0, 1), result.stderr
    assert "Our own notes." in document.read_text()
    assert "2026-12-01" in (root / "architecture/decisions.yaml").read_text()


def test_status_of_an_adopted_record_checks_the_code(invoke: Invoke, tmp_path: Path) -> None:
    """An adopted record describes code that exists: status counts check's findings for it,
    and says when it ran no check rather than printing a count of none."""
    files = {**SERVICE, "shop/report.py": LOGGER + "\n\ndef show():\n    print('hi')\n"}
    root = write(tmp_path / "shop", files)
    assert invoke("adopt", root).exit_code == 0
    checked = json.loads(invoke("check", root, "--json").stdout)["findings"]
    assert sorted(f["rule"] for f in checked if f["path"] == "shop/report.py") == [
        "LOG002",
        "TST001",
    ]
    shown = invoke("status", root, "--json")
    counts = json.loads(shown.stdout)["check"]
    total = sum(counts.values())
    assert counts.get("LOG002") == 1 and total == len(checked)
    assert f"{total} check finding(s)" in invoke("status", root).stdout
    # a record kept apart from any code (no baseline of generated files, not adopted)
    apart = tmp_path / "apart"
    made = invoke("new", apart, "--defaults", "--no-input", "--set", "deployment.ci=?")
    assert made.exit_code == 0
    (apart / ".planner/baseline.json").unlink()
    result = invoke("status", apart)
    assert "check not run" in result.stdout and "0 check finding" not in result.stdout
    assert json.loads(invoke("status", apart, "--json").stdout)["check"] is None


def test_the_first_meeting_amends_the_adopted_proposals(invoke: Invoke, tmp_path: Path) -> None:
    """Adopted decisions are proposals nobody accepted yet: the meeting that changes them
    writes their ADRs as they now stand, superseding nothing, and the history shows what
    the code said (diff --rev 1 --rev 2)."""
    root = write(tmp_path / "shop", SERVICE)
    assert invoke("adopt", root).exit_code == 0
    record = root / "architecture/decisions.yaml"
    result = invoke(
        "revisit", record, "--no-input", "--set", "deployment.ci=github",
        "--set", "initialization.wiring=extensions",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    adrs = sorted(p.name for p in (root / "docs/adr").glob("0*.md"))
    assert len(adrs) == 8, adrs  # the log, and one per heuristic
    assert not [n for n in adrs if "revision" in n]
    for name in adrs:
        text = (root / "docs/adr" / name).read_text()
        assert "Superseded by" not in text and "Status: superseded" not in text, name
    data = json.loads(invoke("diff", record, "--rev", "1", "--rev", "2", "--json").stdout)
    assert {(d["question"], d["new"]) for d in data} == {
        ("ci", "github"),
        ("wiring", "extensions"),
    }


def _open_in_record(record_file: Path) -> set[str]:
    record = yaml.safe_load(record_file.read_text())
    return {
        f"{heuristic}.{key}"
        for heuristic, decision in record["decisions"].items()
        for key in decision.get("open", {})
    }


def test_the_summary_counts_and_shows_exactly_what_the_record_leaves_open(
    invoke: Invoke, tmp_path: Path
) -> None:
    # no database (so its initialisation and sessions are never asked), no test folder, and
    # loggers made in one module only: questions adopt answers too much or too little
    root = write(
        tmp_path / "board",
        {
            "board/__init__.py": "",
            "board/app.py": "from flask import Flask\n\n\ndef make_app():\n"
            "    return Flask(__name__)\n",
        },
    )
    result = invoke("adopt", root, "--date", "2026-11-25")
    assert result.exit_code == 0, result.stderr
    opened = _open_in_record(root / "architecture/decisions.yaml")
    shown = {
        line.split(" = ", 1)[0].strip()
        for line in result.stdout.splitlines()
        if line.endswith(("[open]", "[open]  contradiction"))
    }
    assert shown == opened
    assert f", {len(opened)} left open for the meeting" in result.stdout
    assert "initialization.db_init" not in shown and "lifetimes.db_session" not in shown
    status = invoke("status", "--record", root / "architecture/decisions.yaml")
    assert f"{len(opened)} open," in status.stdout
    data = json.loads(invoke("adopt", root, "--dry-run", "--json").stdout)
    assert {q for q, a in data["answers"].items() if a["open"]} == opened


def test_a_question_the_old_answers_did_not_ask_reads_not_asked(
    invoke: Invoke, tmp_path: Path
) -> None:
    root = write(
        tmp_path / "board",
        {
            "board/__init__.py": "",
            "board/app.py": "from flask import Flask\n\n\ndef make_app():\n"
            "    return Flask(__name__)\n",
        },
    )
    assert invoke("adopt", root, "--date", "2026-11-25").exit_code == 0
    result = invoke(
        "revisit",
        root / "architecture/decisions.yaml",
        "--no-input",
        "--dry-run",
        "--set",
        "initialization.database=postgresql",
    )
    assert result.exit_code == 0, result.stderr
    assert "None" not in result.stdout
    assert "initialization.db_init: (not asked) -> " in result.stdout


def test_json_evidence_about_a_whole_file_has_no_line(invoke: Invoke, tmp_path: Path) -> None:
    root = write(tmp_path / "shop", {**SERVICE, "gunicorn.conf.py": "workers = 2\n"})
    data = json.loads(invoke("adopt", root, "--dry-run", "--json").stdout)
    evidence = data["answers"]["deployment.wsgi_server"]["evidence"]
    assert {"path": "gunicorn.conf.py", "line": None, "text": "Gunicorn configuration"} in evidence
    lines = [e["line"] for a in data["answers"].values() for e in a["evidence"]]
    assert 0 not in lines

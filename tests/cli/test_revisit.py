"""``planner revisit`` and ``planner diff`` on generated projects."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from planner.files import writer
from planner.files.merge import OURS, THEIRS
from tests.snapshots import snapshot

Invoke = Callable[..., Any]
PKG = "src/svc"


def revisit(invoke: Invoke, root: Path, *args: str) -> Any:
    return invoke(
        "revisit", root / "architecture/decisions.yaml", "--no-input", "--date", "2026-12-01", *args
    )


def test_nothing_changed_writes_nothing(invoke: Invoke, project: Path) -> None:
    before = snapshot(project)
    result = revisit(invoke, project)
    assert result.exit_code == 0
    assert "Nothing changed; nothing was written." in result.stdout
    assert snapshot(project) == before


def test_logging_change_keeps_and_merges_team_edits(invoke: Invoke, project: Path) -> None:
    services = project / PKG / "accounts/services.py"
    services.write_text(services.read_text() + "\n# our own note\n")
    setup = project / PKG / "logging_setup.py"
    lines = setup.read_text().splitlines(keepends=True)
    lines.insert(1, "# edited by the team\n")
    setup.write_text("".join(lines))
    result = revisit(
        invoke,
        project,
        "--set",
        "logging.format=json",
        "--set",
        "logging.rationale=Parsed centrally.",
    )
    assert result.exit_code == 0, result.output
    assert "logging.format: text -> json" in result.stdout
    assert "kept (yours)    src/svc/accounts/services.py" in result.stdout
    assert "merged          src/svc/logging_setup.py" in result.stdout
    assert services.read_text().endswith("# our own note\n")
    merged = setup.read_text()
    assert "# edited by the team" in merged and "pythonjsonlogger" in merged
    record = (project / "architecture/decisions.yaml").read_text()
    assert "revision: 2" in record and "previous:" in record


def test_old_adr_changes_only_its_status(invoke: Invoke, project: Path) -> None:
    old = project / "docs/adr/0007-logging-plain-text.md"
    before = old.read_text().splitlines()
    assert revisit(invoke, project, "--set", "logging.format=json").exit_code == 0
    after = old.read_text().splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [
        ("* Status: accepted", "* Status: superseded by [0009-logging-json](0009-logging-json.md)"),
        ("Accepted", "Superseded by [Logging: JSON](0009-logging-json.md)"),
    ]
    new = (project / "docs/adr/0009-logging-json.md").read_text()
    assert "Supersedes [Logging: Plain text](0007-logging-plain-text.md)" in new
    assert "Date: 2026-12-01" in new
    index = (project / "docs/adr/index.md").read_text()
    assert (
        "| Superseded by [Logging: JSON](0009-logging-json.md) | [Logging: JSON](0009-logging-json.md) |"
        in index
    )


def test_conflicting_edit_gets_markers_and_exit_code(invoke: Invoke, project: Path) -> None:
    app = project / PKG / "app.py"
    app.write_text(
        app.read_text().replace(
            "    app.register_blueprint(accounts_bp)\n",
            "    app.register_blueprint(accounts_bp)  # ours\n",
        )
    )
    result = revisit(invoke, project, "--set", "layout.features=accounts, billing")
    assert result.exit_code == 1
    assert "1 file(s) with conflict markers to resolve:\n  src/svc/app.py" in result.stderr
    text = app.read_text()
    assert OURS in text and THEIRS in text and "# ours" in text and "billing_bp" in text
    assert (project / PKG / "billing" / "routes.py").is_file()
    assert not list(project.rglob("*.rej"))


def test_three_revisions_chain_for_adr_tools(invoke: Invoke, project: Path) -> None:
    assert revisit(invoke, project, "--set", "logging.format=json").exit_code == 0
    assert revisit(invoke, project, "--set", "logging.format=structlog").exit_code == 0
    adr = project / "docs/adr"
    assert "superseded by [0009-logging-json]" in (adr / "0007-logging-plain-text.md").read_text()
    middle = (adr / "0009-logging-json.md").read_text()
    assert "Superseded by [Logging: structlog](0010-logging-structlog.md)" in middle
    assert "Supersedes [Logging: Plain text](0007-logging-plain-text.md)" in middle
    assert (
        "Supersedes [Logging: JSON](0009-logging-json.md)"
        in (adr / "0010-logging-structlog.md").read_text()
    )
    history = (project / "architecture/decisions.yaml").read_text()
    assert "revision: 3" in history
    if shutil.which("adr"):
        toc = subprocess.run(
            ["adr", "generate", "toc"], cwd=project, capture_output=True, text=True, check=True
        ).stdout
        assert "[Logging: structlog](0010-logging-structlog.md)" in toc
        graph = subprocess.run(
            ["adr", "generate", "graph"], cwd=project, capture_output=True, text=True, check=True
        ).stdout
        assert '_9 -> _7 [label="Supersedes", weight=0]' in graph


def test_diff_between_revisions(invoke: Invoke, project: Path) -> None:
    assert revisit(invoke, project, "--set", "logging.format=json").exit_code == 0
    record = project / "architecture/decisions.yaml"
    text = invoke("diff", record, "--rev", "1", "--rev", "2")
    assert text.exit_code == 1 and "logging.format: text -> json" in text.stdout
    data = json.loads(invoke("diff", record, "--rev", "1", "--rev", "2", "--json").stdout)
    assert data == [{"heuristic": "logging", "question": "format", "old": "text", "new": "json"}]
    assert "No decision differs." in invoke("diff", record, record).stdout
    assert invoke("diff", record, "--rev", "1", "--rev", "9").exit_code == 2


def test_open_decision_made_later_is_accepted_in_place(
    invoke: Invoke, tmp_path: Path, no_terminal: None
) -> None:
    target = tmp_path / "svc"
    assert invoke("new", target, "--defaults", "--set", "deployment.ci=?").exit_code == 0
    adr = target / "docs/adr/0002-deployment-container-image.md"
    assert "* Status: proposed" in adr.read_text()
    assert revisit(invoke, target, "--set", "deployment.ci=gitlab").exit_code == 0
    assert "* Status: accepted" in adr.read_text()
    assert not list((target / "docs/adr").glob("0009-*"))
    assert (target / ".gitlab-ci.yml").is_file()
    # The history still shows the record as it stood: revision 1 had CI open.
    record = target / "architecture/decisions.yaml"
    data = json.loads(invoke("diff", record, "--rev", "1", "--rev", "2", "--json").stdout)
    assert data == [
        {"heuristic": "deployment", "question": "ci", "old": "decide later", "new": "gitlab"}
    ]
    # A later change of the completed decision supersedes it once, as revision 3.
    assert revisit(invoke, target, "--set", "deployment.ci=github").exit_code == 0
    superseding = list((target / "docs/adr").glob("0009-*"))
    assert len(superseding) == 1 and "revision 3" in superseding[0].read_text().lower()
    assert "Superseded" in adr.read_text() or "superseded" in adr.read_text()
    assert not list((target / "docs/adr").glob("0010-*"))


def test_interrupt_leaves_the_project_as_it_was(
    invoke: Invoke, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(project)
    calls = {"n": 0}
    real_stage = writer._stage

    def interrupted(*args: Any, **kwargs: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        real_stage(*args, **kwargs)

    monkeypatch.setattr(writer, "_stage", interrupted)
    result = revisit(invoke, project, "--set", "logging.format=json")
    assert result.exit_code != 0
    assert snapshot(project) == before


def test_deleted_files_stay_deleted_unless_restored(invoke: Invoke, project: Path) -> None:
    (project / "Dockerfile").unlink()
    result = revisit(invoke, project, "--set", "logging.format=json")
    assert "left deleted    Dockerfile" in result.stdout
    assert not (project / "Dockerfile").exists()
    revisit(invoke, project, "--set", "logging.format=structlog", "--restore")
    assert (project / "Dockerfile").exists()


def test_obsolete_files_are_reported_and_pruned(invoke: Invoke, project: Path) -> None:
    result = revisit(invoke, project, "--set", "deployment.artifact=wheel", "--dry-run")
    assert "obsolete        Dockerfile" in result.stdout
    assert (project / "Dockerfile").exists()
    result = revisit(invoke, project, "--set", "deployment.artifact=wheel", "--prune")
    assert "removed         Dockerfile" in result.stdout
    assert not (project / "Dockerfile").exists()


def test_only_and_bad_only(invoke: Invoke, project: Path) -> None:
    result = revisit(invoke, project, "--only", "loggin")
    assert result.exit_code == 2 and "did you mean 'logging'" in result.stderr
    result = revisit(invoke, project, "--only", "logging", "--set", "logging.format=json")
    assert result.exit_code == 0


def test_no_terminal_no_flags(invoke: Invoke, project: Path) -> None:
    result = invoke("revisit", project / "architecture/decisions.yaml")
    assert result.exit_code == 2
    assert "--answers FILE, --set ID=VALUE, --defaults or --no-input" in result.stderr


def test_interactive_revisit_shows_the_plan_and_asks(
    invoke: Invoke, project: Path, scripted_terminal: Callable[..., Any]
) -> None:
    from tests.conftest import ScriptedPrompter

    prompter = scripted_terminal(ScriptedPrompter({"logging.format": "json"}))
    prompter.confirm_reply = False
    before = snapshot(project)
    result = invoke("revisit", project / "architecture/decisions.yaml", "--only", "logging")
    assert result.exit_code == 130 and "nothing was written" in result.stderr
    assert prompter.asked[0] == "logging.module_logger"  # only the logging heuristic is asked
    assert prompter.defaults["logging.format"] == "text"  # earlier answers are the defaults
    assert "would update    src/svc/logging_setup.py" in result.stdout
    assert snapshot(project) == before
    prompter.confirm_reply = True
    assert (
        invoke("revisit", project / "architecture/decisions.yaml", "--only", "logging").exit_code
        == 0
    )
    assert "pythonjsonlogger" in (project / PKG / "logging_setup.py").read_text()


def test_git_index_is_never_touched(invoke: Invoke, project: Path) -> None:
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    env_args = ["-c", "user.email=t@example.invalid", "-c", "user.name=t"]
    subprocess.run([git, "init", "-q"], cwd=project, check=True)
    subprocess.run([git, *env_args, "add", "-A"], cwd=project, check=True)
    subprocess.run([git, *env_args, "commit", "-qm", "start"], cwd=project, check=True)
    assert revisit(invoke, project, "--set", "logging.format=json").exit_code == 0
    staged = subprocess.run(
        [git, "diff", "--cached", "--name-only"],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    )
    assert staged.stdout == ""
    log = subprocess.run(
        [git, "log", "--oneline"], cwd=project, capture_output=True, text=True, check=True
    )
    assert len(log.stdout.splitlines()) == 1
    changed = subprocess.run(
        [git, "status", "--porcelain"], cwd=project, capture_output=True, text=True, check=True
    )
    assert " M src/svc/logging_setup.py" in changed.stdout


def test_set_without_a_terminal_keeps_the_old_rationale_marked(
    invoke: Invoke, project: Path
) -> None:
    """With --set and no terminal, nobody is asked for a new reason: the old rationale is
    carried over and marked, as with --no-input, never replaced by an empty one."""
    record = project / "architecture/decisions.yaml"
    reason = "deployment.rationale=One image per release suits operations."
    assert invoke("revisit", record, "--no-input", "--set", reason).exit_code == 0
    for flags in ([], ["--no-input"]):
        copy = project.parent / f"copy{len(flags)}"
        shutil.copytree(project, copy)
        result = invoke(
            "revisit",
            copy / "architecture/decisions.yaml",
            *flags,
            "--set",
            "deployment.wsgi_server=waitress",
            "--date",
            "2026-12-02",
        )
        assert result.exit_code == 0, result.output
        data = yaml.safe_load((copy / "architecture/decisions.yaml").read_text())
        rationale = data["decisions"]["deployment"]["rationale"]
        assert "One image per release suits operations." in rationale, flags
        assert rationale.startswith("Carried over from the earlier decision"), flags

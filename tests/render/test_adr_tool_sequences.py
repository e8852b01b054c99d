"""What a team does with its ADR tools after planner wrote the ADRs, then planner again.

Real adr-tools and pyadr edit the generated ADRs the way their users do; planner
must read the edits back (status and links, into the index), keep both status
headers in step, never refuse, and keep the team's edits through render and revisit.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.render.tools import bullet, require, run, status_section

Invoke = Callable[..., Any]
ADR = "docs/adr"


def render(invoke: Invoke, root: Path) -> Any:
    return invoke("render", root / "architecture/decisions.yaml")


def revisit(invoke: Invoke, root: Path, *args: str) -> Any:
    return invoke(
        "revisit", root / "architecture/decisions.yaml", "--no-input", "--date", "2026-12-05", *args
    )


def index_row(root: Path, filename: str) -> str:
    for line in (root / ADR / "index.md").read_text().splitlines():
        if line.startswith("| [") and f"]({filename})" in line.split("|")[1]:
            return line
    raise AssertionError(f"{filename} not in the index")


def test_adr_new_supersede_and_link_are_read_back(invoke: Invoke, project: Path) -> None:
    adr = require("adr", "apt-get install adr-tools; .ci/run installs it")
    old = project / ADR / "0007-logging-plain-text.md"
    created = run(project, adr, "new", "-s", "7", "Use", "JSON", "logs").strip()
    assert created == f"{ADR}/0009-use-json-logs.md"
    run(project, adr, "link", "9", "Amends", "3", "Amended by")
    team_new = (project / created).read_bytes()

    result = render(invoke, project)
    assert result.exit_code == 0, result.output  # before: exit 2, "changed since planner wrote it"
    assert (
        "note: docs/adr/0007-logging-plain-text.md: superseded outside planner "
        "(Superseded by [Use JSON logs](0009-use-json-logs.md)), but the record still holds "
        "decision 'logging' as accepted: run `planner revisit --only logging` to record what "
        "replaced it"
    ) in result.stderr

    text = old.read_text()
    # adr-tools' line is kept, and the bullet header now says the same (log4brains reads it).
    assert status_section(text) == ["Superseded by [Use JSON logs](0009-use-json-logs.md)"]
    assert bullet(text) == "superseded by [0009-use-json-logs](0009-use-json-logs.md)"
    amended = (project / ADR / "0003-app-initialization-app-factory.md").read_text()
    assert status_section(amended) == [
        "Accepted",
        "Amended by [Use JSON logs](0009-use-json-logs.md)",
    ]
    assert (project / created).read_bytes() == team_new  # the team's own ADR is never touched
    row = index_row(project, "0007-logging-plain-text.md")
    assert "| Superseded by [Use JSON logs](0009-use-json-logs.md) |" in row  # a working link
    assert "\\[" not in (project / ADR / "index.md").read_text()  # no escaped link text
    assert "Supersedes [Logging: Plain text](0007-logging-plain-text.md)" in index_row(
        project, "0009-use-json-logs.md"
    )
    # The next render has nothing to do, and `adr generate toc` still lists every ADR.
    assert "wrote 0 of" in render(invoke, project).stdout
    toc = run(project, adr, "generate", "toc")
    assert "* [Use JSON logs](0009-use-json-logs.md)" in toc


def test_revisit_after_adr_tools_edits_keeps_them(invoke: Invoke, project: Path) -> None:
    adr = require("adr", "apt-get install adr-tools; .ci/run installs it")
    run(project, adr, "link", "7", "Amends", "3", "Amended by")
    result = revisit(invoke, project, "--set", "logging.format=json")
    assert result.exit_code == 0, result.output
    old = (project / ADR / "0007-logging-plain-text.md").read_text()
    assert status_section(old) == [
        "Superseded by [Logging: JSON](0009-logging-json.md)",
        "Amends [App initialization: App factory](0003-app-initialization-app-factory.md)",
    ]
    assert bullet(old) == "superseded by [0009-logging-json](0009-logging-json.md)"
    amended = (project / ADR / "0003-app-initialization-app-factory.md").read_text()
    assert "Amended by [Logging: Plain text](0007-logging-plain-text.md)" in status_section(amended)
    assert render(invoke, project).exit_code == 0


def test_a_hand_edit_beyond_the_status_is_still_protected(invoke: Invoke, project: Path) -> None:
    """Reading back covers status lines only: other edits keep render's refusal."""
    adr = require("adr", "apt-get install adr-tools; .ci/run installs it")
    run(project, adr, "new", "-s", "7", "Use", "JSON", "logs")
    old = project / ADR / "0007-logging-plain-text.md"
    old.write_text(old.read_text().replace("## Decision Drivers", "## Decision Drivers\n\nOurs."))
    result = render(invoke, project)
    assert result.exit_code == 2
    assert "0007-logging-plain-text.md (changed since planner wrote it)" in result.stderr


def test_pyadr_accept_toc_and_check(invoke: Invoke, project: Path) -> None:
    pyadr = require("pyadr", "pip install -e '.[test]' installs it")
    run(project, pyadr, "new", "Use", "structured", "request", "ids")
    proposed = project / ADR / "XXXX-use-structured-request-ids.md"
    assert proposed.is_file()
    assert render(invoke, project).exit_code == 0  # a pyadr proposal is not refused
    assert "[XXXX](XXXX-use-structured-request-ids.md)" in index_row(project, proposed.name)

    run(project, pyadr, "accept", str(proposed.relative_to(project)))
    accepted = project / ADR / "0009-use-structured-request-ids.md"  # pyadr numbers after ours
    assert accepted.is_file()
    run(project, pyadr, "toc")
    assert (project / ADR / "index.md").read_text().startswith("<!-- This file has been generated")
    assert render(invoke, project).exit_code == 0  # before: refused pyadr's index.md
    assert "| Use structured request ids | accepted |" in index_row(project, accepted.name)

    out = run(project, pyadr, "check-adr-repo")
    assert "All checks passed" in out  # before: every generated ADR failed the title check

    result = revisit(invoke, project, "--set", "logging.format=json")
    assert result.exit_code == 0, result.output
    assert (project / ADR / "0010-logging-json.md").is_file()  # numbered after pyadr's 0009
    assert "All checks passed" in run(project, pyadr, "check-adr-repo")


def test_disagreeing_headers_are_resolved_for_the_status_section(
    invoke: Invoke, project: Path
) -> None:
    """A hand edit of ``## Status`` only (as adr-tools does) wins over the stale bullet."""
    path = project / ADR / "0005-code-layout-by-feature.md"
    text = path.read_text()
    path.write_text(text.replace("## Status\n\nAccepted\n", "## Status\n\nDeprecated\n"))
    assert render(invoke, project).exit_code == 0
    text = path.read_text()
    assert bullet(text) == "deprecated" and status_section(text) == ["Deprecated"]
    assert "| Deprecated |" in index_row(project, path.name)

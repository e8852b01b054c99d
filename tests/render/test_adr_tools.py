"""The generated ADRs work with Debian's adr-tools (installed by .ci/run)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from planner.record.model import Record

if shutil.which("adr") is None:
    if os.environ.get("CI"):
        pytest.fail("adr-tools is not installed; .ci/run installs it", pytrace=False)
    pytest.skip("adr-tools is not installed (apt-get install adr-tools)", allow_module_level=True)


def adr(root: Path, *args: str) -> str:
    env = {**os.environ, "EDITOR": "true", "VISUAL": "true", "ADR_DATE": "2026-12-01"}
    result = subprocess.run(
        ["adr", *args], cwd=root, capture_output=True, text=True, env=env, check=True
    )
    return result.stdout


@pytest.fixture
def project(
    tmp_path: Path, make_record: Callable[..., Record], render_to: Callable[..., Path]
) -> Path:
    return render_to(make_record(), tmp_path / "project")


def test_list_and_toc_show_every_adr_with_its_title(project: Path) -> None:
    listed = adr(project, "list").split()
    assert len(listed) == 8 and listed[0] == "docs/adr/0001-record-architecture-decisions.md"
    toc = adr(project, "generate", "toc")
    assert "* [Record architecture decisions](0001-record-architecture-decisions.md)" in toc
    assert "* [Deployment: Container image](0002-deployment-container-image.md)" in toc
    assert (
        "* [Infrastructure changes: Repository layer](0008-infrastructure-changes-repository-layer.md)"
        in toc
    )


def test_graph(project: Path) -> None:
    graph = adr(project, "generate", "graph")
    assert graph.startswith("digraph {")
    assert '_7 -> _8 [style="dotted", weight=1];' in graph


def test_link_adds_to_the_status_section(project: Path) -> None:
    adr(project, "link", "3", "Amends", "2", "Amended by")
    text = (project / "docs/adr/0003-app-initialization-app-factory.md").read_text()
    status = text.split("## Status\n", 1)[1].split("\n## ", 1)[0]
    assert "Accepted" in status
    assert "Amends [Deployment: Container image](0002-deployment-container-image.md)" in status
    other = (project / "docs/adr/0002-deployment-container-image.md").read_text()
    assert (
        "Amended by [App initialization: App factory](0003-app-initialization-app-factory.md)"
        in other
    )


def test_new_with_supersede_uses_our_template(project: Path) -> None:
    created = adr(project, "new", "-s", "7", "Use", "JSON", "logs").strip()
    assert created == "docs/adr/0009-use-json-logs.md"
    new = (project / created).read_text()
    assert new.startswith(
        "# Use JSON logs\n\nDate: 2026-12-01\n\n* Status: accepted\n* Date: 2026-12-01\n"
    )
    assert "Supersedes [Logging: Plain text](0007-logging-plain-text.md)" in new
    old = (project / "docs/adr/0007-logging-plain-text.md").read_text()
    status = old.split("## Status\n", 1)[1].split("\n## ", 1)[0]
    assert "Superseded by [Use JSON logs](0009-use-json-logs.md)" in status
    assert "Accepted" not in status

"""The ``madr4`` and ``log4brains`` ADR styles, checked with MADR's template and rules
and with a real log4brains build."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.render.conftest import outline
from tests.render.tools import require_node, run

Invoke = Callable[..., Any]
ADR = "docs/adr"
MADR_CONFIG = Path(__file__).parent / "data" / "madr.markdownlint.yaml"

# The headings of MADR 4.0's adr-template.md, in order, with "title" and "option"
# standing for the text a record fills in (read from adr/madr, template/adr-template.md).
MADR4_HEADINGS = [
    ("h1", "title"),
    ("h2", "Context and Problem Statement"),
    ("h2", "Decision Drivers"),
    ("h2", "Considered Options"),
    ("h2", "Decision Outcome"),
    ("h3", "Consequences"),
    ("h3", "Confirmation"),
    ("h2", "Pros and Cons of the Options"),
    ("h3", "option"),
    ("h2", "More Information"),
]
MADR4_FRONT_MATTER = {"status", "date", "decision-makers"}


def make_project(invoke: Invoke, target: Path, style: str) -> Path:
    result = invoke(
        "new",
        target,
        "--defaults",
        "--date",
        "2026-11-24",
        "--set",
        "meeting.participants=Ana, Bo",
        "--set",
        "project.package=svc",
    )
    assert result.exit_code == 0, result.output
    record = target / "architecture/decisions.yaml"
    record.write_text(record.read_text() + f"adr:\n  style: {style}\n")  # a hand edit
    assert invoke("render", record).exit_code == 0
    result = invoke(
        "revisit", record, "--no-input", "--date", "2026-12-05", "--set", "logging.format=json"
    )
    assert result.exit_code == 0, result.output
    return target


def adr_files(root: Path) -> list[Path]:
    """The numbered ADRs (not log4brains' date-named ones)."""
    return sorted(p for p in (root / ADR).glob("[0-9]*.md") if re.match(r"\d{4}-", p.name))


def front_matter(text: str) -> dict[str, Any]:
    assert text.startswith("---\n")
    data = yaml.safe_load(text.split("---\n", 2)[1])
    assert isinstance(data, dict)
    return data


def shape(markdown: str) -> list[tuple[str, str]]:
    """Headings with the option and title headings reduced to placeholders, repeats folded."""
    out: list[tuple[str, str]] = []
    body = markdown.split("---\n", 2)[2]
    for tag, text in outline(body):
        if tag == "h1":
            text = "title"
        elif tag == "h3" and text not in ("Consequences", "Confirmation"):
            text = "option"
        if re.fullmatch(r"h\d", tag) and (not out or out[-1] != (tag, text)):
            out.append((tag, text))
    return out


@pytest.fixture
def madr4(tmp_path: Path, invoke: Invoke, no_terminal: None) -> Path:
    return make_project(invoke, tmp_path / "madr4", "madr4")


def test_madr4_follows_madrs_template(madr4: Path) -> None:
    files = adr_files(madr4)
    assert len(files) == 9
    for path in files:
        text = path.read_text()
        front = front_matter(text)
        assert set(front) == MADR4_FRONT_MATTER, path.name
        assert shape(text) == MADR4_HEADINGS, path.name
        assert "## Status" not in text and "* Status:" not in text  # one place for the status
        options = re.findall(
            r"^\* (.+)$", text.split("## Considered Options\n", 1)[1].split("\n## ")[0], re.M
        )
        pros_cons = text.split("## Pros and Cons of the Options\n", 1)[1].split("\n## ")[0]
        assert re.findall(r"^### (.+)$", pros_cons, re.M) == options, path.name
        chosen = re.search(r'^Chosen option: "(.+)", because', text, re.M)
        assert chosen is not None and chosen.group(1) in options, path.name
    old = front_matter((madr4 / ADR / "0007-logging-plain-text.md").read_text())
    assert old == {
        "status": "superseded by ADR-0009",  # the identifier only, no link
        "date": dt.date(2026, 11, 24),
        "decision-makers": "Ana, Bo",
    }
    new = front_matter((madr4 / ADR / "0009-logging-json.md").read_text())
    assert new["status"] == "accepted" and new["date"] == dt.date(2026, 12, 5)


def test_madr4_passes_markdownlint_with_madrs_rules(madr4: Path) -> None:
    lint = require_node("markdownlint-cli2")
    targets = [str(p.relative_to(madr4)) for p in adr_files(madr4)]
    targets.append(f"{ADR}/templates/template.md")
    result = subprocess.run(
        [lint, "--config", str(MADR_CONFIG), *targets],
        cwd=madr4,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Linting: {len(targets)} file(s)" in result.stdout + result.stderr
    assert "Summary: 0 error(s)" in result.stdout + result.stderr


def test_madr4_front_matter_status_edit_is_read_back(madr4: Path, invoke: Invoke) -> None:
    path = madr4 / ADR / "0005-code-layout-by-feature.md"
    path.write_text(path.read_text().replace('status: "accepted"', "status: deprecated", 1))
    assert invoke("render", madr4 / "architecture/decisions.yaml").exit_code == 0
    assert front_matter(path.read_text())["status"] == "deprecated"
    index = (madr4 / ADR / "index.md").read_text()
    assert (
        "| [0005](0005-code-layout-by-feature.md) | Code layout: By feature | deprecated |" in index
    )


def test_log4brains_style_files_and_authoring(
    tmp_path: Path, invoke: Invoke, no_terminal: None
) -> None:
    root = make_project(invoke, tmp_path / "l4b", "log4brains")
    config = yaml.safe_load((root / ".log4brains.yml").read_text())
    assert config["project"]["adrFolder"] == "./docs/adr"
    assert (root / ADR / "template.md").is_file()
    log4brains = require_node("log4brains")
    run(root, log4brains, "adr", "new", "--quiet", "Use a message queue")
    dated = [p.name for p in (root / ADR).glob("20*.md")]
    assert len(dated) == 1 and dated[0].endswith("-use-a-message-queue.md")
    record = root / "architecture/decisions.yaml"
    assert invoke("render", record).exit_code == 0  # before: exit 2, date-named ADRs refused
    index = (root / ADR / "index.md").read_text()
    assert "| Use a message queue | draft |" in index
    result = invoke(
        "revisit", record, "--no-input", "--date", "2026-12-09", "--set", "testing.layout=by_kind"
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name[:4] for p in adr_files(root))[-1] == "0010"  # numbered, not dated
    assert (
        (root / ADR / dated[0]).read_text().startswith("# Use a message queue\n\n- Status: draft")
    )


def test_log4brains_status_edit_is_read_back(
    tmp_path: Path, invoke: Invoke, no_terminal: None
) -> None:
    root = make_project(invoke, tmp_path / "l4b", "log4brains")
    path = root / ADR / "0005-code-layout-by-feature.md"
    text = path.read_text()
    assert "\n- Status: accepted\n" in text and "## Status" not in text
    path.write_text(text.replace("- Status: accepted", "- Status: deprecated", 1))
    assert invoke("render", root / "architecture/decisions.yaml").exit_code == 0
    assert "\n- Status: deprecated\n" in path.read_text()
    index = (root / ADR / "index.md").read_text()
    assert (
        "| [0005](0005-code-layout-by-feature.md) | Code layout: By feature | deprecated |" in index
    )


def test_log4brains_builds_every_style(tmp_path: Path, invoke: Invoke, no_terminal: None) -> None:
    """One offline log4brains build: the log4brains project, with the other styles as packages."""
    log4brains = require_node("log4brains")
    root = make_project(invoke, tmp_path / "site", "log4brains")
    for style in ("adr-tools", "madr4"):
        make_project(invoke, root / "styles" / style, style)
    config = (root / ".log4brains.yml").read_text()
    config += "  packages:\n" + "".join(
        f"    - name: {style}\n      path: ./styles/{style}\n      adrFolder: ./styles/{style}/{ADR}\n"
        for style in ("adr-tools", "madr4")
    )
    (root / ".log4brains.yml").write_text(config)
    out = tmp_path / "out"
    run(root, log4brains, "build", "--out", str(out))
    pages = {}
    for path in out.glob("_next/data/*/adr/**/*.json"):
        adr = json.loads(path.read_text())["pageProps"]["currentAdr"]
        key = (adr["package"] or "log4brains", adr["slug"].split("/")[-1])
        pages[key] = adr
    for style in ("log4brains", "adr-tools"):
        assert len([k for k in pages if k[0] == style]) == 9, style
        old = pages[(style, "0007-logging-plain-text")]
        assert old["status"] == "superseded"
        assert old["supersededBy"]["slug"].split("/")[-1] == "0009-logging-json"
        assert old["publicationDate"].startswith("2026-11-24")
        assert old["deciders"] == ["Ana", "Bo"]
        assert old["tags"] == ["logging", "heuristic-6"]
        new = pages[(style, "0009-logging-json")]
        assert new["status"] == "accepted" and new["publicationDate"].startswith("2026-12-05")
        assert pages[(style, "0001-record-architecture-decisions")]["status"] == "accepted"
    madr = {k[1]: v for k, v in pages.items() if k[0] == "madr4"}
    assert len(madr) == 9 and madr["0009-logging-json"]["title"] == "Logging: JSON"
    shutil.rmtree(out)

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from planner.errors import PlannerError
from planner.files.plan import FilePlan
from planner.questions.model import DEFERRED
from planner.record.model import OpenItem, Record
from tests.render.conftest import outline

HEURISTICS = [
    "1. Deployment",
    "2. App initialization",
    "3. Resource lifetimes",
    "4. Code layout",
    "5. Testing",
    "6. Logging",
    "7. Infrastructure changes",
]
NASTY = (
    "# Heading?\n- list\n<script>alert(1)</script> {{ 7*7 }} {% raw %} `tick` ``` fence\n"
    "| a | b |\n[link](javascript:x) ![img](x.png) *emph* _u_ \\ \r\n---\n> quote"
)


def doc(plan: FilePlan, path: str = "docs/architecture.md") -> str:
    return plan.files[path].decode("utf-8")


def test_rendering_is_deterministic_and_clean(
    make_record: Callable[..., Record], plan_for: Callable[..., FilePlan]
) -> None:
    record = make_record()
    first, second = plan_for(record), plan_for(record)
    assert first.files == second.files
    for path, data in first.files.items():
        text = data.decode("utf-8")
        assert "\r" not in text, path
        assert text.endswith("\n") and not text.endswith("\n\n"), path
        assert not [line for line in text.splitlines() if line != line.rstrip()], path


def test_architecture_document_structure(
    make_record: Callable[..., Record], plan_for: Callable[..., FilePlan]
) -> None:
    text = doc(plan_for(make_record()))
    headings = [h for tag, h in outline(text) if tag == "h2"]
    assert headings == [
        "Decisions at a glance",
        "What to revisit and when",
        "The application at a glance",
        *HEURISTICS,
    ]
    assert ("fence", "mermaid") in outline(text)
    table = [line for line in text.splitlines() if line.startswith("| ")]
    assert len(table) == 2 + 7
    assert "| 1 | [Deployment](#1-deployment) | Artifact: Container image;" in text
    assert "[0002](adr/0002-deployment-container-image.md)" in text
    assert "Nothing was left open." in text


def test_each_section_has_decision_rationale_consequences_and_losers(
    make_record: Callable[..., Record], plan_for: Callable[..., FilePlan]
) -> None:
    record = make_record(logging__rationale="Our log platform parses JSON.", logging__format="json")
    text = doc(plan_for(record))
    logging = text.split("## 6. Logging")[1].split("## 7.")[0]
    assert "- Log format: **JSON**. One JSON object per record via `python-json-logger`." in logging
    assert "**Rationale**: Our log platform parses JSON." in logging
    assert "- `python-json-logger` becomes a dependency." in logging
    assert "- Log format, Plain text: needs parsing rules in log tools." in logging


def test_open_questions_are_listed_with_owner(
    bank: object, make_record: Callable[..., Record], plan_for: Callable[..., FilePlan]
) -> None:
    record = make_record(deployment__ci=DEFERRED)
    record.decisions["deployment"].open["ci"] = OpenItem(owner="Ana", revisit="after the pilot")
    plan = plan_for(record)
    text = doc(plan)
    assert (
        "- **Deployment, continuous integration**: Where does continuous integration run? Owner: Ana. When: after the pilot."
        in text
    )
    adr = doc(plan, "docs/adr/0002-deployment-container-image.md")
    assert "* Status: proposed" in adr and "\n## Status\n\nProposed\n" in adr
    assert "* Continuous integration: not decided yet; owner Ana; revisit after the pilot." in adr


def test_adr_header_serves_adr_tools_and_log4brains(
    make_record: Callable[..., Record], plan_for: Callable[..., FilePlan]
) -> None:
    make = make_record(meeting__participants=["Ana", "Bo"])
    adr = doc(plan_for(make), "docs/adr/0007-logging-plain-text.md")
    lines = adr.splitlines()
    assert lines[0] == "# Logging: Plain text"  # no number: pyadr checks it against the name
    assert lines[2] == "Date: 2026-11-24"
    assert lines[4:8] == [
        "* Status: accepted",
        "* Date: 2026-11-24",
        "* Deciders: Ana, Bo",
        "* Tags: logging, heuristic-6",
    ]
    assert not adr.startswith("---")
    sections = [h for tag, h in outline(adr) if tag == "h2"]
    assert sections == [
        "Status",
        "Context and Problem Statement",
        "Decision Drivers",
        "Considered Options",
        "Decision Outcome",
        "Pros and Cons of the Options",
        "More Information",
    ]
    assert [h for tag, h in outline(adr) if tag == "h3"][:2] == ["Consequences", "Confirmation"]
    assert "* Good, because readable in a terminal." in adr
    assert adr.rstrip().endswith("<!-- planner: decision=logging revision=1 -->")


def test_template_for_hand_written_adrs(
    make_record: Callable[..., Record], plan_for: Callable[..., FilePlan]
) -> None:
    template = doc(plan_for(make_record()), "docs/adr/templates/template.md")
    assert template.splitlines()[:8] == [
        "# TITLE",  # no number, so pyadr's name check passes on ADRs `adr new` writes
        "",
        "Date: DATE",
        "",
        "* Status: accepted",
        "* Date: DATE",
        "* Deciders:",  # empty: log4brains would show placeholder text as real deciders
        "* Tags:",
    ]
    assert "\n## Status\n\nSTATUS\n" in template


@pytest.mark.parametrize(
    "field", ["project__description", "logging__rationale", "meeting__participants"]
)
def test_answers_cannot_break_document_structure(
    field: str, make_record: Callable[..., Record], plan_for: Callable[..., FilePlan]
) -> None:
    clean = plan_for(make_record())
    value: object = [NASTY.replace("\n", " "), "Bo"] if field == "meeting__participants" else NASTY
    dirty = plan_for(make_record(**{field: value}))
    assert sorted(dirty.files) == sorted(clean.files)
    for path in dirty.files:
        if path.endswith(".md"):
            text = doc(dirty, path)
            assert outline(text) == outline(doc(clean, path)), path
            assert "<script>" not in text and "49" not in re.sub(r"\d{4}-\d\d-\d\d", "", text), path


def test_team_template_override(
    tmp_path: Path, make_record: Callable[..., Record], plan_for: Callable[..., FilePlan]
) -> None:
    overrides = tmp_path / "ours"
    (overrides / "docs").mkdir(parents=True)
    (overrides / "docs" / "architecture.md.j2").write_text(
        "# {{ project.name }} (our format)\n{{ project.description }}\n"
    )
    plan = plan_for(make_record(project__description="a *b*"), template_dirs=[overrides])
    assert doc(plan) == "# Shop (our format)\na \\*b\\*\n"
    assert (
        "docs/adr/0002-deployment-container-image.md" in plan.files
    )  # shipped ADR templates still used


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{{ no_such_value }}", "'no_such_value' is undefined"),
        ("{{ project.__class__.__mro__ }}", "unsafe"),
        ("{% for %}", "docs/architecture.md.j2:1"),
    ],
)
def test_bad_team_templates_fail_cleanly(
    tmp_path: Path,
    template: str,
    message: str,
    make_record: Callable[..., Record],
    plan_for: Callable[..., FilePlan],
) -> None:
    overrides = tmp_path / "ours"
    (overrides / "docs").mkdir(parents=True)
    (overrides / "docs" / "architecture.md.j2").write_text(template)
    with pytest.raises(PlannerError, match=re.escape(message)):
        plan_for(make_record(), template_dirs=[overrides])


def test_missing_template_folder(
    tmp_path: Path, make_record: Callable[..., Record], plan_for: Callable[..., FilePlan]
) -> None:
    with pytest.raises(PlannerError, match="does not exist"):
        plan_for(make_record(), template_dirs=[tmp_path / "nope"])


def test_large_record_renders_every_custom_decision(
    tmp_path: Path, write_yaml: Callable[[str, str], Path]
) -> None:
    from benchmarks.workloads import pack_with_decisions, render_pack_record

    pack = pack_with_decisions(tmp_path, 60)
    plan = render_pack_record(pack, tmp_path / "out")
    adrs = [p for p in plan.files if re.match(r"docs/adr/\d{4}-", p)]
    assert len(adrs) == 1 + 7 + 60

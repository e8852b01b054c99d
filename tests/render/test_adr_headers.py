"""Reading statuses back from ADRs other tools wrote, in each tool's own format."""

from __future__ import annotations

from planner.render.adrs.headers import merge_lines, read, status_word, without_status

# As pyadr 0.19's MADR 2 template writes a proposal (read from its assets).
PYADR = """# Use structured request ids

* Status: proposed
* Deciders: [list everyone involved in the decision] <!-- optional -->
* Date: 2026-11-24

## Context and Problem Statement
"""

# As adr-tools leaves an ADR after `adr new -s 7`: only the section changed.
ADR_TOOLS = """# Logging: Plain text

Date: 2026-11-01

* Status: accepted
* Date: 2026-11-01

## Status

Superseded by [Use JSON logs](0009-use-json-logs.md)

## Context and Problem Statement
"""

# MADR 4 front matter, quoted and bare.
MADR4 = """---
status: "superseded by ADR-0012"
date: 2026-11-01
decision-makers: Ana
---

# Use Kafka

## Context and Problem Statement
"""


def test_pyadr_bullet() -> None:
    head = read(PYADR)
    assert head.section is None and head.front is None
    assert head.status == "proposed" and head.disagreement() is None


def test_adr_tools_section_wins_and_the_disagreement_is_named() -> None:
    head = read(ADR_TOOLS)
    assert head.status == "Superseded by [Use JSON logs](0009-use-json-logs.md)"
    assert head.disagreement() == (
        "the ## Status section says 'superseded'; the * Status: line says 'accepted'; "
        "the ## Status section wins"
    )


def test_madr4_front_matter() -> None:
    head = read(MADR4)
    assert head.front == "superseded by ADR-0012" and status_word(head.status) == "superseded"
    assert read(MADR4.replace('"superseded by ADR-0012"', "accepted")).front == "accepted"


def test_a_bullet_below_the_first_section_is_not_a_header() -> None:
    text = "# T\n\n## Notes\n\n* Status: something a list says\n"
    assert read(text).bullet is None and read(text).status == "unknown"


def test_only_status_edits_compare_equal() -> None:
    edited = ADR_TOOLS.replace("* Status: accepted", "* Status: superseded by [x](x.md)")
    assert without_status(edited) == without_status(ADR_TOOLS)
    assert without_status(ADR_TOOLS.replace("Context", "Background")) != without_status(ADR_TOOLS)


def test_merge_keeps_team_additions_and_removals() -> None:
    base = ("Accepted",)
    disk = ("Superseded by [Use JSON logs](0009-use-json-logs.md)", "Amends [X](0003-x.md)")
    assert merge_lines(base, disk, ("Accepted",)) == disk
    # planner supersedes it too (a revisit): both successors are kept, planner's first.
    assert merge_lines(base, disk, ("Superseded by [Logging: JSON](0010-logging-json.md)",)) == (
        "Superseded by [Logging: JSON](0010-logging-json.md)",
        *disk,
    )
    assert merge_lines(base, base, ("Deprecated",)) == ("Deprecated",)  # no team edit

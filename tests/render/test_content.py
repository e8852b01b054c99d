"""What the documents say after real revisits: no stale rationale, no repeated or
misleading titles, one status vocabulary, no open question listed as lost."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Invoke = Callable[..., Any]
ADR = "docs/adr"


@pytest.fixture
def demo(tmp_path: Path, invoke: Invoke, no_terminal: None) -> Path:
    target = tmp_path / "demo"
    result = invoke("new", target, "--example", "demo", "--no-input", "--date", "2026-11-01")
    assert result.exit_code == 0, result.output
    return target


def revisit(invoke: Invoke, root: Path, date: str, *sets: str) -> Any:
    args = [a for s in sets for a in ("--set", s)]
    result = invoke(
        "revisit", root / "architecture/decisions.yaml", "--no-input", "--date", date, *args
    )
    assert result.exit_code == 0, result.output
    return result


def titles(root: Path) -> list[str]:
    return [p.read_text().splitlines()[0] for p in sorted((root / ADR).glob("0*.md"))]


def test_a_changed_decision_never_silently_keeps_the_old_rationale(
    invoke: Invoke, demo: Path
) -> None:
    old = (demo / ADR / "0007-logging-plain-text.md").read_text()
    assert "plain lines are enough" in old  # the demo meeting argued for plain text
    revisit(invoke, demo, "2026-11-20", "logging.format=json")
    new = (demo / ADR / "0009-logging-json.md").read_text()
    rationale = new.split("Rationale from the meeting:\n\n", 1)[1]
    assert rationale.startswith("Carried over from the earlier decision (revision 1)")
    assert "plain lines are enough" in rationale
    record = (demo / "architecture/decisions.yaml").read_text()
    assert "Carried over from the earlier decision (revision 1)" in record


def test_a_restated_rationale_is_taken_as_is(invoke: Invoke, demo: Path) -> None:
    revisit(invoke, demo, "2026-11-20", "logging.format=json", "logging.rationale=We ship to Loki.")
    new = (demo / ADR / "0009-logging-json.md").read_text()
    assert "Rationale from the meeting:\n\nWe ship to Loki.\n" in new
    assert "Carried over" not in new


def test_two_revisits_back_to_the_same_answer_do_not_repeat_a_title(
    invoke: Invoke, demo: Path
) -> None:
    revisit(invoke, demo, "2026-11-20", "logging.format=json")
    revisit(invoke, demo, "2026-11-25", "logging.format=text")
    revisit(invoke, demo, "2026-11-30", "logging.format=json")
    found = titles(demo)
    assert len(found) == len(set(found)), found
    assert "# Logging: JSON" in found and "# Logging: JSON (revision 4)" in found
    assert (demo / ADR / "0011-logging-json-revision-4.md").is_file()


def test_reopening_a_question_names_the_open_question(invoke: Invoke, demo: Path) -> None:
    revisit(invoke, demo, "2026-11-20", "layout.style=?")
    new = sorted((demo / ADR).glob("0009-*.md"))
    assert [p.name for p in new] == ["0009-code-layout-layout-style-to-be-decided.md"]
    text = new[0].read_text()
    assert text.startswith("# Code layout: Layout style to be decided\n")
    assert "No option is chosen yet: layout style is still open." in text
    # The options of the open question are not "lost"; they are still on the table.
    doc = (demo / "docs/architecture.md").read_text()
    section = doc.split("## 4. Code layout", 1)[1].split("\n## ", 1)[0]
    assert not re.search(r"^- Layout style, ", section, re.M), section


def test_deferred_and_proposed_are_explained(invoke: Invoke, demo: Path) -> None:
    revisit(invoke, demo, "2026-11-20", "layout.style=?")
    record = (demo / "architecture/decisions.yaml").read_text()
    assert re.search(r"layout:\n    status: deferred", record)
    adr = (demo / ADR / "0009-code-layout-layout-style-to-be-decided.md").read_text()
    assert "* Status: proposed" in adr
    assert "The record marks this decision `deferred` because questions are still open" in adr
    doc = (demo / "docs/architecture.md").read_text()
    assert "Status `proposed` is what the record calls `deferred`" in doc


def test_at_a_terminal_the_new_reason_is_asked_for(
    invoke: Invoke, demo: Path, scripted_terminal: Callable[..., Any]
) -> None:
    from tests.conftest import ScriptedPrompter

    prompter = scripted_terminal(
        ScriptedPrompter({"logging.format": "json", "logging.rationale": "Loki parses JSON."})
    )
    record = demo / "architecture/decisions.yaml"
    result = invoke("revisit", record, "--only", "logging,testing", "--date", "2026-11-20")
    assert result.exit_code == 0, result.output
    # The changed decision offers no old reason; the unchanged one keeps its own.
    assert prompter.defaults["logging.rationale"] == ""
    assert prompter.defaults["testing.rationale"] == (
        "Anyone should find the test for a module without asking."
    )
    new = (demo / ADR / "0009-logging-json.md").read_text()
    assert "Rationale from the meeting:\n\nLoki parses JSON.\n" in new
    assert "plain lines are enough" not in new

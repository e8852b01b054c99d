"""The wizard's layout as pure text: word boundaries at every width, changes marked."""

from __future__ import annotations

import pytest

from planner.questions.model import Bank, Question
from planner.wizard import ReviewRow
from planner.wizard_text import as_text, fit, review_lines, review_title, start_lines, wrap

SENTENCE = (
    "Containers give every environment the same filesystem, while a wheel leaves "
    "the operating system to whoever installs it; pick what operations can run."
)


@pytest.mark.parametrize("width", [20, 33, 50, 80])
def test_wrap_breaks_only_between_words(width: int) -> None:
    lines = wrap(SENTENCE, width, "  ", "• ").splitlines()
    assert all(len(line) <= width for line in lines)
    assert " ".join(line[2:] for line in lines) == SENTENCE
    assert lines[0].startswith("• ") and all(line.startswith("  ") for line in lines[1:])


def test_wrap_keeps_a_word_longer_than_the_width_whole() -> None:
    url = "https://example.org/" + "x" * 60
    assert url in wrap(f"see {url} first", 30).splitlines()


def test_fit_shortens_at_a_word_and_marks_it() -> None:
    assert fit("short", 10) == "short"
    shortened = fit("Deployment artifact: a container image built in CI", 30)
    assert shortened.endswith(" …") and len(shortened) <= 30
    assert "Deployment artifact: a" in shortened


def test_answers_typed_back() -> None:
    assert as_text(["users", "billing"]) == "users, billing"
    assert as_text(True) == "yes" and as_text(False) == "no"
    assert as_text(80) == "80"


def test_start_lines_say_what_a_stop_keeps(bank: Bank) -> None:
    keeps = start_lines(bank.sections, resumed=False, keeps_draft=True)
    loses = start_lines(bank.sections, resumed=False, keeps_draft=False)
    assert "7 heuristics" in keeps[0] and keeps[0].startswith("A few facts about the project")
    assert "--resume" in keeps[-1] and "nothing is written" in loses[-1]


def test_review_marks_changes_and_skips_empty_rationales(bank: Bank) -> None:
    section = bank.section("deployment")
    artifact = bank.question("deployment.artifact")
    rationale = bank.question("deployment.rationale")
    assert section is not None and isinstance(artifact, Question) and rationale is not None
    rows = [
        ReviewRow(artifact, section, "docker", old="wheel", changed=True),
        ReviewRow(rationale, section, ""),
    ]
    lines = review_lines(rows, 50)
    assert lines[0] == section.title
    body = " ".join(line.strip() for line in lines[1:])
    wheel = next(c.label for c in artifact.choices if c.value == "wheel")
    assert body.startswith("* ") and f"(was {wheel})" in body
    assert "Rationale" not in body
    assert all(len(line) <= 50 for line in lines)


def test_review_title_counts_changes_and_pages() -> None:
    assert review_title(0, 1, 0) == "Review: every answer, before anything is written"
    assert review_title(1, 3, 2).endswith("(2 changed, marked *) · page 2 of 3")

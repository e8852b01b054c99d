"""Each value added for real services renders in the ADR and the architecture document.

The golden files under tests/render/golden hold, per value, the ADR's decision
outcome line, the chosen option's pros and cons, and the row of the "Decisions at
a glance" table. Refresh after a deliberate wording change with
PLANNER_UPDATE_GOLDENS=1 and review the diff.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from planner.files.plan import FilePlan
from planner.questions.model import Bank
from planner.record.model import Record
from planner.render.escape import lower_first
from tests.questions.test_bank_values import NEW_VALUES

GOLDEN = Path(__file__).resolve().parent / "golden"

# Answers a value needs before its question is asked at all.
NEEDS: dict[str, dict[str, object]] = {
    "layout.public_interface": {"layout.style": "by_feature"},
    "logging.logger_scope": {"logging.module_logger": False},
}


def excerpt(plan: FilePlan, bank: Bank, qid: str, value: str) -> str:
    """What the ADR and the architecture document say of one answer: the outcome lines
    naming its question, the chosen option's pros and cons, and the summary row."""
    question = bank.question(qid)
    section = bank.section(qid.split(".")[0])
    assert question is not None and section is not None and section.number is not None
    prefix = f"docs/adr/{section.number + 1:04d}-"
    (adr_path,) = [p for p in plan.files if p.startswith(prefix)]
    adr = plan.files[adr_path].decode("utf-8")
    decided = adr.split("## Decision Outcome", 1)[1].split("\n### ", 1)[0]
    outcome = [line for line in decided.splitlines() if question.title in line]
    (label,) = [c.label for c in question.choices if c.value == value]
    options = adr.split("## Pros and Cons of the Options", 1)[1]
    head = f"### {question.title}: {label}"
    (start,) = [  # headings are Markdown-escaped: compare without the backslashes
        i for i, line in enumerate(options.splitlines()) if line.replace("\\", "").startswith(head)
    ]
    lines = options.splitlines()[start:]
    end = next((i for i, line in enumerate(lines[1:], 1) if line.startswith("#")), len(lines))
    architecture = plan.files["docs/architecture.md"].decode("utf-8")
    glance = [
        line
        for line in architecture.splitlines()
        if line.startswith(f"| {section.number} | [{section.title}]")
    ]
    parts = [
        f"<!-- {adr_path} -->",
        *outcome,
        "",
        *(line for line in lines[:end] if line.strip() or True),
        "<!-- docs/architecture.md -->",
        *glance,
    ]
    return "\n".join(parts).replace("\n\n\n", "\n\n") + "\n"


@pytest.mark.parametrize(("qid", "value", "legacy"), NEW_VALUES, ids=lambda v: str(v))
def test_new_value_renders_as_in_its_golden_file(
    qid: str,
    value: str,
    legacy: bool,
    bank: Bank,
    make_record: Callable[..., Record],
    plan_for: Callable[..., FilePlan],
) -> None:
    question = bank.question(qid)
    assert question is not None
    answer = [value] if question.type == "checkbox" else value
    answers = {**NEEDS.get(qid, {}), qid: answer}
    record = make_record(**{k.replace(".", "__"): v for k, v in answers.items()})
    text = excerpt(plan_for(record), bank, qid, value)
    # judged from the bank, independent of the golden file: the outcome names the
    # chosen value's label, and its pros and cons come from the bank
    (choice,) = [c for c in question.choices if c.value == value]
    assert choice.label in "\n".join(text.splitlines()[1:3]).replace("\\", "")
    assert all(f"Good, because {lower_first(p)}" in text for p in choice.pros)
    assert ("(legacy: keep for now)" in text) is legacy
    golden = GOLDEN / f"{qid}={value}.md"
    if os.environ.get("PLANNER_UPDATE_GOLDENS"):
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"missing golden file {golden.name}"
    assert text == golden.read_text(encoding="utf-8")
    assert not re.search(r"\{\{|\{%", text)

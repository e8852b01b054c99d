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
from tests.questions.test_bank_values import NEW_VALUES

GOLDEN = Path(__file__).resolve().parent / "golden"

# Answers a value needs before its question is asked at all.
NEEDS: dict[str, dict[str, object]] = {
    "layout.public_interface": {"layout.style": "by_feature"},
    "logging.logger_scope": {"logging.module_logger": False},
}


def excerpt(plan: FilePlan, bank: Bank, qid: str) -> str:
    question = bank.question(qid)
    section = bank.section(qid.split(".")[0])
    assert question is not None and section is not None and section.number is not None
    prefix = f"docs/adr/{section.number + 1:04d}-"
    (adr_path,) = [p for p in plan.files if p.startswith(prefix)]
    adr = plan.files[adr_path].decode("utf-8")
    outcome = [line for line in adr.splitlines() if line.startswith(f"- {question.title}: ")]
    options = adr.split("## Pros and Cons of the Options", 1)[1]
    block = options.split(f"### {question.title}\n", 1)[1].split("\n### ", 1)[0]
    block = block.split("\n## ", 1)[0]
    chosen = [part for part in block.split("#### ") if "(chosen)" in part.split("\n", 1)[0]]
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
        *("#### " + part.strip() for part in chosen),
        "",
        "<!-- docs/architecture.md -->",
        *glance,
    ]
    return "\n".join(parts) + "\n"


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
    text = excerpt(plan_for(record), bank, qid)
    # judged from the bank, independent of the golden file
    assert text.count(" (chosen)\n") == 1
    assert f'{question.title}: chosen option "' in text
    assert ("(legacy: keep for now)" in text) is legacy
    golden = GOLDEN / f"{qid}={value}.md"
    if os.environ.get("PLANNER_UPDATE_GOLDENS"):
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"missing golden file {golden.name}"
    assert text == golden.read_text(encoding="utf-8")
    assert not re.search(r"\{\{|\{%", text)

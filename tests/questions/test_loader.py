from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from planner.errors import QuestionBankError
from planner.questions.loader import load_bank
from planner.questions.model import Bank

HEURISTICS = [
    "deployment",
    "initialization",
    "lifetimes",
    "layout",
    "testing",
    "logging",
    "infrastructure",
]


def test_bank_has_seven_numbered_heuristics(bank: Bank) -> None:
    assert [s.id for s in bank.heuristics] == HEURISTICS
    assert [s.number for s in bank.heuristics] == list(range(1, 8))
    assert [s.id for s in bank.sections[:2]] == ["project", "meeting"]


def test_every_choice_carries_adr_material(bank: Bank) -> None:
    for question in bank.questions():
        assert question.prompt and question.title
        if question.role == "answer" and question.section not in ("project", "meeting"):
            assert question.help, question.id
        for choice in question.choices:
            assert choice.description, (question.id, choice.value)
            assert choice.pros and choice.cons and choice.consequences, (question.id, choice.value)


def test_required_coverage_of_questions(bank: Bank) -> None:
    required = {
        "project.name",
        "project.package",
        "project.description",
        "meeting.participants",
        "deployment.artifact",
        "deployment.ci",
        "deployment.wsgi_server",
        "deployment.config_management",
        "initialization.entry_point",
        "initialization.wiring",
        "initialization.config_source",
        "initialization.database",
        "initialization.db_init",
        "lifetimes.db_session",
        "lifetimes.other_resources",
        "layout.style",
        "layout.views",
        "layout.src_layout",
        "layout.features",
        "testing.layout",
        "testing.coverage",
        "logging.module_logger",
        "logging.format",
        "logging.destination",
        "logging.request_id",
        "infrastructure.isolation",
        "infrastructure.framework",
    }
    assert required <= set(bank.question_ids)
    assert {q.type for q in bank.questions()} == {
        "select",
        "checkbox",
        "text",
        "list",
        "confirm",
        "number",
    }


def test_every_heuristic_gets_a_rationale_prompt(bank: Bank) -> None:
    for section in bank.heuristics:
        assert section.questions[-1].id == f"{section.id}.rationale"
        assert section.questions[-1].role == "rationale"


def test_pack_extends_overrides_and_adds(write_yaml: Callable[[str, str], Path]) -> None:
    pack = write_yaml(
        "pack.yaml",
        """
        version: 1
        sections:
          - id: logging
            questions:
              - id: format
                type: select
                prompt: Log format (company standard)
                default: json
                choices:
                  - {value: json, label: JSON}
                  - {value: gelf, label: GELF}
              - id: retention_days
                type: number
                prompt: How many days are logs kept?
                default: 30
                validate: {min: 1, max: 3650}
          - id: security
            title: Security
            questions:
              - id: auth
                type: select
                prompt: How do users sign in?
                default: oidc
                choices: [{value: oidc}, {value: saml}]
        """,
    )
    bank = load_bank([pack])
    fmt = bank.question("logging.format")
    assert fmt is not None and fmt.choice_values == ("json", "gelf")
    logging_keys = [q.key for q in bank.section("logging").questions]  # type: ignore[union-attr]
    assert logging_keys[-2:] == ["retention_days", "rationale"]
    security = bank.section("security")
    assert security is not None and security.kind == "heuristic" and security.number == 8
    assert bank.question("security.rationale") is not None


@pytest.mark.parametrize(
    ("body", "message", "line"),
    [
        (
            "sections: [{id: x, questions: [{id: a, type: slect, prompt: p}]}]",
            "'slect' is not one of",
            1,
        ),
        (
            "sections:\n  - id: x\n    questions:\n      - id: a\n        type: select\n        prompt: p\n",
            "needs choices",
            4,
        ),
        ("sections:\n  - id: x\n    questoins: []\n", "did you mean 'questions'", 3),
        ("version: 9\nsections: []\n", "unsupported version 9", 1),
        ("sections: [{id: Bad-Id}]", "not a valid id", 1),
        ("sections: [{id: x, questions: [{id: rationale, type: text, prompt: p}]}]", "reserved", 1),
        (
            "sections: [{id: x, questions: [{id: a, type: select, prompt: p, default: c, choices: [{value: b}]}]}]",
            "default is not a valid answer",
            1,
        ),
        (
            "sections: [{id: x, questions: [{id: a, type: text, prompt: p, validate: {pattern: '('}}]}]",
            "regular expression",
            1,
        ),
        ("sections: [{id: newmeta, kind: meta}]", "add only heuristic", 1),
        ("sections: [{id: x}, {id: x}]", "duplicate section", 1),
    ],
)
def test_pack_errors_are_located(
    write_yaml: Callable[[str, str], Path], body: str, message: str, line: int
) -> None:
    pack = write_yaml("pack.yaml", body)
    with pytest.raises(QuestionBankError) as info:
        load_bank([pack])
    text = str(info.value)
    assert message in text
    assert f"pack.yaml:{line}" in text


def test_pack_condition_must_refer_to_earlier_question(
    write_yaml: Callable[[str, str], Path],
) -> None:
    pack = write_yaml(
        "pack.yaml",
        "sections: [{id: x, questions: [{id: a, type: text, prompt: p, when: {x.b: yes}}]}]",
    )
    with pytest.raises(QuestionBankError, match=r"x\.a refers to 'x\.b'"):
        load_bank([pack])


def test_missing_pack_file(tmp_path: Path) -> None:
    with pytest.raises(QuestionBankError, match="cannot read"):
        load_bank([tmp_path / "nope.yaml"])

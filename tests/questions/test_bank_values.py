"""The bank can say what real services do, including practices the heuristics argue against."""

from __future__ import annotations

import pytest

from planner.questions.engine import Applies, Interview
from planner.questions.model import Bank
from planner.questions.values import coerce

# (question, value, flagged as legacy): each describes a practice found in real Flask and
# Falcon services (the Flask tutorial's flaskr, flaskbb, indico and others).
NEW_VALUES = [
    ("deployment.artifact", "source_paas", False),
    ("deployment.artifact", "source_venv", False),
    ("deployment.artifact", "not_deployed", False),
    ("deployment.ci", "circleci", False),
    ("deployment.ci", "travis", False),
    ("deployment.ci", "other", False),
    ("deployment.wsgi_server", "dev_server", True),
    ("initialization.config_source", "classes", False),
    ("initialization.config_read", "at_creation", False),
    ("initialization.config_read", "import_time", True),
    ("initialization.wiring", "bootstrap", False),
    ("initialization.wiring", "middleware_singletons", True),
    ("initialization.db_init", "create_all_at_startup", False),
    ("initialization.db_init", "create_all_then_migrate", False),
    ("initialization.db_init", "test_fixtures_only", True),
    ("lifetimes.db_session", "dbapi_on_g", False),
    ("lifetimes.other_resources", "message_queue", False),
    ("lifetimes.other_resources", "smtp", False),
    ("lifetimes.other_resources", "job_queue", False),
    ("lifetimes.other_resources", "metrics", False),
    ("lifetimes.other_resources", "rate_limit_storage", False),
    ("layout.style", "single_context", False),
    ("layout.public_interface", "package_root", False),
    ("layout.public_interface", "services_module", False),
    ("layout.public_interface", "no_rule", True),
    ("testing.layout", "flat", False),
    ("testing.layout", "none_yet", True),
    ("testing.naming", "test_prefix", False),
    ("testing.naming", "test_suffix", False),
    ("logging.logger_scope", "where_used", False),
    ("logging.logger_scope", "shared", True),
    ("logging.format", "unconfigured", True),
    ("logging.destination", "per_environment", False),
]


@pytest.mark.parametrize(("qid", "value", "legacy"), NEW_VALUES, ids=lambda v: str(v))
def test_new_value_has_help_pros_cons_and_consequences(
    bank: Bank, qid: str, value: str, legacy: bool
) -> None:
    question = bank.question(qid)
    assert question is not None and question.help.strip(), qid
    choice = question.choice(value)
    assert choice is not None, (qid, value)
    assert len(choice.label) >= 4 and len(choice.description) >= 20, (qid, value)
    assert choice.pros and choice.cons and choice.consequences, (qid, value)
    for text in (*choice.pros, *choice.cons, *choice.consequences):
        assert len(text) >= 12 and (text[0].isupper() or text[0] in "`'"), (qid, value, text)
    assert choice.is_legacy is legacy, (qid, value)
    if legacy:
        assert choice.legacy == "legacy: keep for now"
    assert coerce(question, [value] if question.type == "checkbox" else value)


def test_only_listed_values_are_flagged(bank: Bank) -> None:
    flagged = {(q.id, c.value) for q in bank.questions() for c in q.choices if c.is_legacy}
    assert flagged == {(q, v) for q, v, legacy in NEW_VALUES if legacy}


def test_package_name_app_is_accepted(bank: Bank) -> None:
    question = bank.question("project.package")
    assert question is not None
    assert coerce(question, "app") == "app"
    with pytest.raises(ValueError, match="could not import its own package"):
        coerce(question, "flask")


@pytest.mark.parametrize(
    "style", ["by_feature", "by_layer", "ports_and_adapters", "single_context"]
)
@pytest.mark.parametrize("isolation", ["none", "repository", "ports_and_adapters"])
def test_framework_is_asked_for_every_layout(bank: Bank, style: str, isolation: str) -> None:
    interview = Interview(
        bank, fixed={"layout.style": style, "infrastructure.isolation": isolation}
    )
    framework = bank.question("infrastructure.framework")
    assert framework is not None
    assert interview.applies(framework) is Applies.ASK


def test_follow_up_questions_are_asked_only_where_they_apply(bank: Bank) -> None:
    def state(qid: str, **fixed: object) -> Applies:
        question = bank.question(qid)
        assert question is not None
        return Interview(bank, fixed={k.replace("__", "."): v for k, v in fixed.items()}).applies(
            question
        )

    assert state("layout.public_interface", layout__style="by_feature") is Applies.ASK
    assert state("layout.public_interface", layout__style="by_layer") is Applies.SKIP
    assert state("testing.naming", testing__layout="none_yet") is Applies.SKIP
    assert state("testing.coverage", testing__layout="none_yet") is Applies.SKIP
    assert state("testing.coverage", testing__layout="flat") is Applies.ASK
    assert state("logging.logger_scope", logging__module_logger=False) is Applies.ASK
    assert state("logging.logger_scope", logging__module_logger=True) is Applies.SKIP

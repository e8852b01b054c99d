"""planner adopt on real codebases from PyPI, against records written by reading their code.

The corpus is the one ``planner check`` uses (tests/check/realworld/fetch.py). Each
tests/adopt/realworld/*.toml holds the answers judged from the code, the questions the code
cannot answer, and the places that must be cited as evidence.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from planner.adopt.run import adopt
from planner.questions.loader import load_bank
from tests.check.test_realworld import codebase

CASES = sorted((Path(__file__).resolve().parent / "realworld").glob("*.toml"))

pytestmark = pytest.mark.corpus


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_adopted_answers_match_the_ones_judged_by_reading(case: Path) -> None:
    spec: dict[str, Any] = tomllib.loads(case.read_text())
    root = codebase(spec)
    adoption = adopt(root, load_bank(), package=spec["codebase"]["package"], use_cache=False)
    got = adoption.answers
    wrong = {
        qid: (want, got[qid].value if qid in got else "missing", got.get(qid))
        for qid, want in spec["answers"].items()
        if qid not in got or got[qid].open or got[qid].value != want
    }
    assert not wrong, wrong
    still = [qid for qid in spec["open"]["questions"] if qid not in got or not got[qid].open]
    assert not still, {q: got.get(q) for q in still}
    # every question planner answers is judged by reading (answered or open), never skipped
    assert "unjudged" not in spec
    judged = {*spec["answers"], *spec["open"]["questions"]}
    assert not set(spec["answers"]) & set(spec["open"]["questions"])
    assert set(got) <= judged, sorted(set(got) - judged)
    surprise = [q for q in got if got[q].open and q not in spec["open"]["questions"]]
    assert not surprise, surprise
    for qid, places in spec["evidence"].items():
        cited = {f"{e.path}:{e.line}" for e in got[qid].evidence} | {
            e.path for e in got[qid].evidence
        }
        missing = [p for p in places if p not in cited]
        assert not missing, (qid, missing, got[qid].evidence)
    for key, value in spec.get("check", {}).items():
        assert adoption.check.get(key) == value, (key, adoption.check)

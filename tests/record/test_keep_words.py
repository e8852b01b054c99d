"""A revisit rewrites only what changed in a hand-kept record; the team's words survive.

The record in ``data/hand-kept.yaml`` was typed by hand, not produced by planner:
comments above, beside and below answers (changed and unchanged), blank lines,
meeting before project, answers out of bank order, quoting, a line longer
than planner would fold, 4-space indentation in one decision and an indented
history list.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import logging
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.questions.engine import fill_defaults
from planner.questions.model import DEFERRED, Bank
from planner.record import patch
from planner.record.io import LoadedRecord, _dump, dump_revised, load_record, record_data
from planner.record.model import OpenItem
from planner.revisit import RevisitRequest, build, start
from tests.conftest import ScriptedPrompter

HAND_KEPT = Path(__file__).parent / "data" / "hand-kept.yaml"
Invoke = Callable[..., Any]


def comments(text: str) -> list[str]:
    """Every comment in the text (whole-line or beside a value), in order."""
    return [line[line.index("#") :] for line in text.splitlines() if "#" in line]


def removed_and_added(before: str, after: str) -> tuple[list[str], list[str]]:
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return (
        [line[2:] for line in diff if line.startswith("- ")],
        [line[2:] for line in diff if line.startswith("+ ")],
    )


@pytest.fixture
def hand_kept(tmp_path: Path) -> Path:
    path = tmp_path / "svc" / "architecture" / "decisions.yaml"
    path.parent.mkdir(parents=True)
    path.write_bytes(HAND_KEPT.read_bytes())
    return path


def revisit(invoke: Invoke, path: Path, *sets: str) -> Any:
    args = [a for s in sets for a in ("--set", s)]
    result = invoke("revisit", path, "--no-input", "--date", "2026-12-01", *args)
    assert result.exit_code == 0, result.output
    return result


def test_changed_answer_keeps_every_comment_and_the_hand_order(
    invoke: Invoke, hand_kept: Path, no_terminal: None
) -> None:
    before = hand_kept.read_text(encoding="utf-8")
    revisit(invoke, hand_kept, "logging.format=json")
    after = hand_kept.read_text(encoding="utf-8")

    # Only four lines of the original change: the record's version (this hand-kept record
    # is on version 1 and is upgraded as it is written), the logging decision's date, the
    # format answer, whose beside-comment stays on its line, and the rationale, which
    # argued for the old answer and is now visibly marked as carried over.
    removed, added = removed_and_added(before, after)
    assert removed == [
        "version: 1",
        "      date: 2026-11-24",
        "          format: text   # revisit when the pipeline lands",
        "      rationale: The platform collects stdout; plain lines are enough until we have a log pipeline.",
    ]
    assert (
        load_record(hand_kept)
        .record.decisions["logging"]
        .rationale.startswith("Carried over from the earlier decision")
    )
    assert "      date: 2026-12-01" in added
    assert "version: 2" in added
    assert "          format: json   # revisit when the pipeline lands" in added
    assert comments(after) == comments(before)
    # Comments above, beside and below the changed answer, in place.
    assert (
        "          # Text until the log pipeline exists; then JSON.\n"
        "          format: json   # revisit when the pipeline lands\n"
        "          # Below format: the pipeline team owns this choice.\n"
        "          destination: stdout\n"
    ) in after
    # Hand ordering, quoting and the long line are untouched.
    assert after.index("meeting:") < after.index("project:") < after.index("decisions:")
    assert after.index("coverage: 80") < after.index("layout: mirror")
    assert "  name: 'Order Desk'\n" in after
    assert "one long line on purpose.\n" in after
    assert after.startswith("# Our kickoff record. Keep this header")
    assert after.endswith("# End of the record; anything below this line is ours.\n")

    # The new revision is appended at the list's own indentation, before the final comment.
    loaded = load_record(hand_kept)
    assert [r.number for r in loaded.record.history] == [1, 2]
    assert loaded.record.decisions["logging"].answers["format"] == "json"
    assert loaded.record.history[1].previous["logging"].answers["format"] == "text"
    assert "\n  - revision: 2\n    date: 2026-12-01\n" in after
    assert after.index("  - revision: 2") < after.index("# End of the record")


def test_a_second_revisit_keeps_the_words_too(
    invoke: Invoke, hand_kept: Path, no_terminal: None
) -> None:
    original = comments(hand_kept.read_text(encoding="utf-8"))
    revisit(invoke, hand_kept, "logging.format=json")
    revisit(invoke, hand_kept, "testing.coverage=90", "deployment.ci=gitlab")
    after = hand_kept.read_text(encoding="utf-8")
    assert comments(after) == original
    assert "      coverage: 90     # agreed with QA, do not lower\n" in after
    assert "      ci: gitlab\n" in after
    assert [r.number for r in load_record(hand_kept).record.history] == [1, 2, 3]


def defer_coverage(hand_kept: Path) -> None:
    """The testing decision, hand-edited: coverage left open for QA, with comments around."""
    text = hand_kept.read_text(encoding="utf-8").replace(
        "    answers:\n      coverage: 80     # agreed with QA, do not lower\n      layout: mirror\n",
        "    answers:\n      layout: mirror   # everyone agreed\n"
        "    # QA brings this back in January.\n"
        "    open:\n      coverage: {owner: QA, revisit: January}  # their call\n"
        "    # Below open: nothing else is pending.\n",
    )
    text = text.replace("  testing:\n    status: accepted\n", "  testing:\n    status: deferred\n")
    hand_kept.write_text(text, encoding="utf-8")
    assert load_record(hand_kept).record.decisions["testing"].open


def test_open_question_answered_later_removes_only_the_open_entry(
    invoke: Invoke, hand_kept: Path, no_terminal: None
) -> None:
    defer_coverage(hand_kept)
    revisit(invoke, hand_kept, "testing.coverage=85")
    after = hand_kept.read_text(encoding="utf-8")
    decision = load_record(hand_kept).record.decisions["testing"]
    assert decision.status == "accepted"
    # version 2 records the test file naming the older record implied
    assert decision.answers == {"layout": "mirror", "coverage": 85, "naming": "test_prefix"}
    assert not decision.open
    # gone from the decision; the history keeps the record as it stood, open entry and all
    decisions, _, history = after.partition("\nhistory:")
    assert "coverage: {owner: QA" not in decisions and "coverage: {owner: QA" in history
    for kept in (
        "      layout: mirror   # everyone agreed\n",
        "    # QA brings this back in January.\n    # their call\n",
        "    # Below open: nothing else is pending.\n",
    ):
        assert kept in after


def test_crlf_record_revisited_by_a_real_process(hand_kept: Path, tmp_path: Path) -> None:
    hand_kept.write_bytes(HAND_KEPT.read_bytes().replace(b"\n", b"\r\n"))
    before = hand_kept.read_bytes()
    env = {**os.environ, "CI": "true"}
    done = subprocess.run(
        [sys.executable, "-m", "planner", "revisit", str(hand_kept), "--no-input",
         "--date", "2026-12-01", "--set", "logging.format=json"],
        capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    after = hand_kept.read_bytes()
    assert after.count(b"\n") == after.count(b"\r\n")  # no bare LF slipped in
    text_before, text_after = before.decode(), after.decode()
    assert comments(text_after) == comments(text_before)
    assert b"          format: json   # revisit when the pipeline lands\r\n" in after
    assert load_record(hand_kept).record.decisions["logging"].answers["format"] == "json"


def test_a_shape_we_cannot_edit_in_place_is_rewritten_whole_and_stays_right(
    tmp_path: Path, bank: Bank, caplog: pytest.LogCaptureFixture
) -> None:
    # The whole record as one flow mapping: valid YAML, but nothing to splice into.
    source = load_record(HAND_KEPT)
    flow = tmp_path / "decisions.yaml"

    flow.write_text(json.dumps(record_data(source.record, bank), default=str), encoding="utf-8")
    loaded = load_record(flow, bank)
    changed = load_record(HAND_KEPT).record
    changed.decisions["logging"].answers["format"] = "json"
    text = dump_revised(LoadedRecord(loaded.record, bank, flow, loaded.text), changed)
    assert text.startswith("# yaml-language-server")  # the canonical dump, header and all
    assert f"{flow} is rewritten in canonical form, without its comments" in caplog.text
    flow.write_text(text, encoding="utf-8")
    assert record_data(load_record(flow, bank).record, bank) == record_data(changed, bank)


def test_open_question_keeps_its_owner_when_a_sibling_answer_changes(
    invoke: Invoke, hand_kept: Path, no_terminal: None
) -> None:
    defer_coverage(hand_kept)
    revisit(invoke, hand_kept, "testing.layout=by_kind")
    after = hand_kept.read_text(encoding="utf-8")
    decision = load_record(hand_kept).record.decisions["testing"]
    assert decision.answers == {"layout": "by_kind", "naming": "test_prefix"}
    assert decision.open["coverage"] == OpenItem(owner="QA", revisit="January")
    assert "      coverage: {owner: QA, revisit: January}  # their call\n" in after
    assert "      layout: by_kind   # everyone agreed\n" in after


def test_bom_and_crlf_of_a_hand_saved_record_survive(
    invoke: Invoke, tmp_path: Path, no_terminal: None
) -> None:
    # Saved by a Windows editor: BOM, CRLF; planner did not write this file.
    corpus = Path(__file__).parents[1] / "corpus" / "bom-crlf-valid.yaml"
    path = tmp_path / "svc" / "architecture" / "decisions.yaml"
    path.parent.mkdir(parents=True)
    raw = corpus.read_bytes().replace(
        b"  package: order_desk\r\n", b"  package: order_desk  # never rename\r\n"
    )
    path.write_bytes(raw)
    revisit(invoke, path, "logging.format=json")
    after = path.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf# ")
    assert after.count(b"\n") == after.count(b"\r\n")
    assert b"  package: order_desk  # never rename\r\n" in after
    assert load_record(path).record.decisions["logging"].answers["format"] == "json"


SELECTS = [
    "deployment.artifact=wheel",
    "deployment.ci=gitlab",
    "deployment.wsgi_server=waitress",
    "initialization.wiring=composition_root",
    "initialization.database=postgresql",
    "initialization.db_init=migrations",
    "lifetimes.db_session=scoped_session",
    "layout.views=method_views",
    "layout.features=orders, customers, billing",
    "testing.layout=by_kind",
    "testing.coverage=70",
    "logging.format=structlog",
    "logging.destination=stderr",
    "infrastructure.isolation=none",
    "project.description=Orders, now with a longer description than the one typed before",
    "logging.rationale=Changed our minds:\nJSON from now on.",
]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(picks=st.lists(st.sampled_from(SELECTS), min_size=1, max_size=4, unique=True))
def test_any_revisit_is_spliced_not_rewritten(
    picks: list[str], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Whatever a revisit changes, the edit reads back exactly and every comment stays."""
    folder = tmp_path / f"r{abs(hash(tuple(picks)))}" / "architecture"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "decisions.yaml"
    path.write_bytes(HAND_KEPT.read_bytes())
    session = start(
        RevisitRequest(record=path, sets=picks, no_input=True, date=dt.date(2026, 12, 1))
    )
    fill_defaults(session.interview)
    record, found = build(session)
    assert found
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="planner"):
        text = dump_revised(session.loaded, record)
    assert "rewritten in canonical form" not in caplog.text  # spliced, not the fallback
    before = HAND_KEPT.read_text(encoding="utf-8")
    assert comments(text) == comments(before)
    path.write_text(text, encoding="utf-8")
    bank = session.bank
    assert record_data(load_record(path).record, bank) == record_data(record, bank)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            ("      ci: github\n", "      ci: &ci github\n      wsgi_server: *ci\n"),
            "anchors and aliases",
        ),
        (("      ci: github\n", "      ci: github\n      ci: gitlab\n"), "duplicate key 'ci'"),
        (("      ci: github\n", "      ci: !!python/name:os.system github\n"), "is not allowed"),
    ],
    ids=["alias", "duplicate-key", "tag"],
)
def test_in_place_editing_keeps_the_strict_loader_in_front(
    invoke: Invoke, hand_kept: Path, no_terminal: None, edit: tuple[str, str], message: str
) -> None:
    text = hand_kept.read_text(encoding="utf-8")
    assert edit[0] in text
    hand_kept.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    before = hand_kept.read_bytes()
    result = invoke(
        "revisit", hand_kept, "--no-input", "--date", "2026-12-01", "--set", "logging.format=json"
    )
    assert result.exit_code == 2
    assert message in result.stderr
    assert hand_kept.read_bytes() == before


def test_history_entries_of_a_hand_kept_record_are_edited_in_place(
    tmp_path: Path, bank: Bank
) -> None:
    # A hand-written history entry with an empty `previous: {}` planner would not write.
    path = tmp_path / "decisions.yaml"
    text = HAND_KEPT.read_text(encoding="utf-8").replace(
        "  - revision: 1\n    date: 2026-11-24\n",
        "  - revision: 1\n    date: 2026-11-24\n    previous: {}\n",
    )
    path.write_text(text, encoding="utf-8")
    loaded = load_record(path, bank)
    changed = load_record(path, bank).record
    changed.decisions["testing"].answers["coverage"] = 90
    changed.history[0].summary = "Kickoff meeting, first day"
    changed.history[0].participants = ["Amira Haddad"]
    out = dump_revised(loaded, changed)
    assert not out.startswith("# yaml-language-server")  # not the canonical fallback
    assert "      coverage: 90     # agreed with QA, do not lower\n" in out
    assert "# End of the record; anything below this line is ours.\n" in out
    path.write_text(out, encoding="utf-8")
    assert record_data(load_record(path, bank).record, bank) == record_data(changed, bank)


def test_a_failed_inner_edit_is_undone_before_the_value_is_rewritten() -> None:
    # `a` changes first (an edit is queued), then `b`, sharing its line with the
    # dash, must go: that cannot be cut out alone, so the list is written again,
    # and the queued edit inside it must not collide with that.
    text = "# keep me\nitems:\n- b: 1  # goes with b\n  a: 1\nother: 1  # stays\n"
    old = {"items": [{"a": 1, "b": 1}], "other": 1}
    new = {"items": [{"a": 2}], "other": 1}
    out = patch.patch(text, old, new, _dump)
    assert out == "# keep me\nitems:\n- a: 2\nother: 1  # stays\n"


def test_who_and_when_typed_in_an_interactive_revisit_are_kept(
    invoke: Invoke,
    hand_kept: Path,
    scripted_terminal: Callable[[ScriptedPrompter], ScriptedPrompter],
) -> None:
    prompter = scripted_terminal(
        ScriptedPrompter(
            {
                "logging.format": DEFERRED,
                "_open.owner": "Priya",
                "_open.revisit": "when the pipeline lands",
            }
        )
    )
    result = invoke("revisit", hand_kept, "--date", "2026-12-01")
    assert result.exit_code == 0, result.output
    assert "_open.owner" in prompter.asked
    decision = load_record(hand_kept).record.decisions["logging"]
    assert decision.open["format"] == OpenItem(owner="Priya", revisit="when the pipeline lands")
    after = hand_kept.read_text(encoding="utf-8")
    assert comments(after) == comments(HAND_KEPT.read_text())
    # The answer left the answers; the comment beside it stays where it stood.
    assert (
        "          # Text until the log pipeline exists; then JSON.\n"
        "          # revisit when the pipeline lands\n"
        "          # Below format: the pipeline team owns this choice.\n"
    ) in after

from __future__ import annotations

from planner.files.merge import MIDDLE, OURS, THEIRS, merge3

BASE = "a\nb\nc\nd\ne\n"


def test_one_side_changes() -> None:
    assert merge3(BASE, BASE, BASE.replace("c", "C")).text == "a\nb\nC\nd\ne\n"
    assert merge3(BASE, BASE.replace("c", "C"), BASE).text == "a\nb\nC\nd\ne\n"


def test_both_sides_change_different_lines() -> None:
    merged = merge3(BASE, BASE.replace("a\n", "A\n"), BASE.replace("e\n", "E\n"))
    assert merged.text == "A\nb\nc\nd\nE\n" and merged.conflicts == 0


def test_insertions_on_both_sides_far_apart() -> None:
    ours = "a\nmine\nb\nc\nd\ne\n"
    theirs = "a\nb\nc\nd\ntheirs\ne\n"
    assert merge3(BASE, ours, theirs).text == "a\nmine\nb\nc\nd\ntheirs\ne\n"


def test_same_change_on_both_sides() -> None:
    changed = BASE.replace("c", "X")
    merged = merge3(BASE, changed, changed)
    assert merged.text == changed and merged.conflicts == 0


def test_conflicting_changes_get_markers() -> None:
    merged = merge3(BASE, BASE.replace("c", "mine"), BASE.replace("c", "theirs"))
    assert merged.conflicts == 1
    assert merged.text == f"a\nb\n{OURS}\nmine\n{MIDDLE}\ntheirs\n{THEIRS}\nd\ne\n"


def test_missing_final_newline_still_gives_clean_markers() -> None:
    merged = merge3("x\ny", "x\nmine", "x\ntheirs")
    assert merged.text == f"x\n{OURS}\nmine\n{MIDDLE}\ntheirs\n{THEIRS}\n"


def test_deletion_against_edit_conflicts() -> None:
    merged = merge3(BASE, BASE.replace("c\n", ""), BASE.replace("c", "C"))
    assert merged.conflicts == 1 and OURS in merged.text

"""What the wizard shows, laid out for a given width: pure text, no terminal.

The prompter asks the terminal for its size and hands it here; everything is
broken at word boundaries, never inside a word, so a narrow terminal (50
columns) reads as well as a wide one. Kept apart from ``prompts`` so the
layout can be tested without questionary or a terminal.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence

from planner.questions.model import Section, Value
from planner.wizard import ReviewRow

BACK_KEY = "Esc"


class Rewrapped(str):
    """Text handed to questionary that wraps itself again each time it is drawn.

    questionary puts a prompt's question and a choice's description into the
    screen with ``str.format``; prompt_toolkit draws again when the terminal is
    resized, so formatting re-wraps the text to the new width at word boundaries.
    """

    _wrap: Callable[[], str]

    def __new__(cls, wrap: Callable[[], str]) -> Rewrapped:
        made = super().__new__(cls, wrap())
        made._wrap = wrap
        return made

    def __format__(self, spec: str) -> str:
        return format(self._wrap(), spec)


def repair(text: str) -> str:
    """Undo surrogate escapes a non-UTF-8 locale leaves in typed text, when the bytes are UTF-8."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8")
    except UnicodeError:
        return text


def wrap(text: str, width: int, indent: str = "", first: str | None = None) -> str:
    """``text`` with its whitespace collapsed, broken at word boundaries to ``width``."""
    return textwrap.fill(
        " ".join(text.split()),
        width=max(width, 20),
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def fit(text: str, width: int) -> str:
    """One list line: shortened at a word boundary, marked with "…", when it cannot fit."""
    if len(text) <= width:
        return text
    return textwrap.shorten(text, width=width, placeholder=" …")


def as_text(value: Value) -> str:
    """An answer as it is typed back into a text prompt."""
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def start_lines(sections: Sequence[Section], *, resumed: bool, keeps_draft: bool) -> list[str]:
    """The start screen's points: what comes, the keys, and what happens on a stop."""
    heuristics = [s for s in sections if s.kind == "heuristic"]
    facts = [s for s in sections if s.kind != "heuristic"]
    count = f"{len(heuristics)} heuristic{'s' if len(heuristics) != 1 else ''}"
    plan = f"A few facts about the project, then {count}" if facts else count.capitalize()
    return [
        f"{plan}, each with a short introduction and its questions.",
        "At each introduction, press a to accept the suggested answers for that "
        "part, or Enter to go through its questions one by one.",
        f"{BACK_KEY} goes back one question, in every prompt. "
        "Pick Decide later (? in a text prompt) to leave a question open.",
        "A review of every answer comes at the end; nothing is written before it.",
        "Ctrl-C stops and keeps a draft; --resume continues from it."
        if keeps_draft
        else "Ctrl-C stops; nothing is written.",
    ]


def review_lines(rows: Sequence[ReviewRow], width: int) -> list[str]:
    """One block per heuristic: its title, then "Title: label" items wrapped, changes marked."""
    blocks: dict[str, list[str]] = {}
    titles: dict[str, str] = {}
    for row in rows:
        titles[row.section.id] = row.section.title
        if row.question.role == "rationale" and not row.value and not row.changed:
            continue  # no reason given: nothing to read
        text = f"{row.question.title}: {row.shown}"
        if row.changed:
            text = f"* {text} (was {row.was})"
        blocks.setdefault(row.section.id, []).append(text)
    lines: list[str] = []
    for sid, items in blocks.items():
        lines.append(titles[sid])
        for item in items:
            lines.extend(wrap(item, width, "      ", "    ").splitlines())
    return lines


def review_title(shown: int, pages: int, changed: int) -> str:
    """The review's heading: how many answers changed, and which page is shown."""
    title = "Review: every answer, before anything is written"
    if changed:
        title += f" ({changed} changed, marked *)"
    if pages > 1:
        title += f" · page {shown + 1} of {pages}"
    return title

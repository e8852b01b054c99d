"""The terminal side of the wizard: the only module that imports questionary.

Each question type maps onto a questionary prompt. One key goes back in every
prompt (Esc; ``<`` and Left also work where nothing is typed), added as a
prompt_toolkit key binding on the questionary application. Prompts erase
themselves when done and planner prints one plain line with the answer, so
the scroll-back holds answers, never "back" or "done (2 selections)". Every
text planner prints is wrapped at word boundaries to the terminal width.
``unsafe_ask`` is used throughout so Ctrl-C raises ``KeyboardInterrupt``.
``input``/``output`` let tests drive the prompts through prompt_toolkit pipes.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Sequence
from typing import Any

import questionary
from prompt_toolkit import print_formatted_text
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

from planner.questions.model import DEFERRED, Choice, Question, Section, Value
from planner.questions.values import DEFER_TOKEN, parse_text
from planner.wizard import (
    BACK,
    Checker,
    IntroChoice,
    Progress,
    ReviewChoice,
    ReviewRow,
    _Back,
    label,
)
from planner.wizard_text import (
    BACK_KEY,
    Rewrapped,
    as_text,
    fit,
    repair,
    review_lines,
    review_title,
    start_lines,
    wrap,
)

_DEFER = "__planner_defer__"
_BACK = "__planner_back__"
_MORE = "__planner_more__"
_STYLE = questionary.Style(
    [
        ("qmark", "fg:#5f87af bold"),
        ("question", "bold"),
        ("answer", "fg:#5faf5f bold"),
        ("pointer", "fg:#5f87af bold"),
        ("highlighted", "fg:#5f87af bold"),
        ("instruction", "fg:#808080"),
        ("separator", "fg:#808080"),
    ]
)
_RESERVED_ROWS = 9  # the review's question, its four choices and some air


class QuestionaryPrompter:
    """Asks questions in a terminal with questionary."""

    def __init__(self, *, input: Any = None, output: Any = None) -> None:
        self._io: dict[str, Any] = {}
        if input is not None:
            self._io["input"] = input
        if output is not None:
            self._io["output"] = output
        self._output = output

    # -- layout ---------------------------------------------------------------

    def _size(self) -> tuple[int, int]:
        if self._output is not None:
            size = self._output.get_size()
            return int(size.columns), int(size.rows)
        try:  # asked each time: the terminal may have been resized since
            size = os.get_terminal_size(sys.__stdout__.fileno() if sys.__stdout__ else 1)
        except (OSError, ValueError):
            size = shutil.get_terminal_size((80, 24))
        return size.columns, size.lines

    def _wrap(self, text: str, indent: str = "", first: str | None = None, spare: int = 1) -> str:
        """``text`` broken at word boundaries to fit the terminal (``spare`` columns free)."""
        return wrap(text, self._size()[0] - spare, indent, first)

    def _print(self, parts: list[tuple[str, str]]) -> None:
        print_formatted_text(FormattedText(parts), output=self._output, style=_STYLE)

    def _say(self, style: str, text: str, indent: str = "", first: str | None = None) -> None:
        self._print([(style, self._wrap(text, indent, first))])

    def _run(self, question: Any, extra: KeyBindings | None = None) -> Any:
        """Run a questionary prompt with planner's keys; it erases itself when done."""
        app = question.application
        if extra is not None:
            app.key_bindings = merge_key_bindings([app.key_bindings, extra])
        app.erase_when_done = True
        app.ttimeoutlen = 0.05  # Esc is a key of its own here, not the start of a sequence
        return question.unsafe_ask()

    def _echo(self, prompt: str, answer: str) -> None:
        """The line a finished prompt leaves behind: the question and the answer given."""
        width = self._size()[0] - 1
        if len(prompt) + len(answer) + 4 <= width:
            self._print(
                [("class:qmark", "? "), ("class:question", prompt), ("class:answer", f"  {answer}")]
            )
            return
        self._print(
            [
                ("class:qmark", "? "),
                ("class:question", self._wrap(prompt, "  ", "  ")[2:]),
                ("", "\n"),
                ("class:answer", self._wrap(answer, "  ", "  ")),
            ]
        )

    def _message(self, text: str, hint: str = "", end: str = "") -> str:
        """A prompt's question and its key hint, wrapped; questionary adds "? " and a space."""
        full = f"{text} {hint}".strip()
        return Rewrapped(lambda: self._wrap(full, "  ", "  ", spare=2)[2:] + end)

    # -- output -------------------------------------------------------------

    def start(self, sections: Sequence[Section], *, resumed: bool, keeps_draft: bool) -> None:
        self._print([("", "\n"), ("class:question", "Architecture kickoff")])
        if resumed:
            self._say("", "Continuing from the draft: the answers given so far are kept.")
        lines = start_lines(sections, resumed=resumed, keeps_draft=keeps_draft)
        for line in lines:
            self._say("class:instruction", line, "  ", "• ")
        questionary.press_any_key_to_continue("Press any key to begin", **self._io).unsafe_ask()

    def section(
        self, progress: Progress, suggested: list[ReviewRow], *, can_back: bool
    ) -> IntroChoice | _Back:
        self._print([("", "\n"), ("class:question", self._wrap(str(progress)))])
        if progress.section.intro:
            self._say("class:instruction", progress.section.intro)
        if not suggested:
            return "ask"
        self._say("", "Suggested answers:")
        for row in suggested:
            self._say("", f"{row.question.title}: {row.shown}", "      ", "  • ")
        keys = KeyBindings()

        @keys.add("a", eager=True)
        def _accept(event: Any) -> None:
            event.app.exit(result="accept")

        self._back_keys(keys, can_back, typed=False)
        count = progress.count
        answer = self._run(
            questionary.select(
                self._message("How do you want to answer this part?", self._hint(can_back)),
                choices=[
                    questionary.Choice(
                        f"Go through the questions ({count})" if count > 1 else "Answer it",
                        value="ask",
                    ),
                    questionary.Choice("Accept the suggested answers [a]", value="accept"),
                ],
                instruction=" ",
                style=_STYLE,
                **self._io,
            ),
            keys,
        )
        if answer == _BACK:
            return BACK
        self._echo(
            f"{progress.section.title}:",
            "suggested answers accepted" if answer == "accept" else "question by question",
        )
        return "accept" if answer == "accept" else "ask"

    def notice(self, text: str) -> None:
        self._say("fg:#d75f00", text, "  ")

    def confirm(self, message: str) -> bool:
        answer: bool = self._select_yes_no(message, True, can_back=False)
        self._echo(message, "yes" if answer else "no")
        return answer

    # -- questions ------------------------------------------------------------

    def ask(
        self,
        question: Question,
        default: Value,
        *,
        can_back: bool,
        check: Checker,
        progress: Progress | None = None,
    ) -> Value:
        if progress is not None:
            self._print([("", "\n"), ("class:instruction", self._wrap(str(progress)))])
        if question.help:
            self._say("class:instruction", f"why: {question.help}", "     ")
        if question.type == "confirm":
            return self._confirm(question, default, can_back)
        if question.type == "select":
            return self._select(question, default, can_back)
        if question.type == "checkbox":
            return self._checkbox(question, default, can_back)
        return self._text(question, default, can_back, check)

    @staticmethod
    def _hint(can_back: bool, *more: str) -> str:
        parts = [*more]
        if can_back:
            parts.append(f"{BACK_KEY}: back")
        return f"({'; '.join(parts)})" if parts else ""

    @staticmethod
    def _back_keys(keys: KeyBindings, can_back: bool, *, typed: bool) -> None:
        """Esc goes back everywhere; ``<`` and Left too where nothing is typed."""
        if not can_back:
            return
        names = ["escape"] if typed else ["escape", "<", "left"]
        for name in names:

            @keys.add(name, eager=True)
            def _back(event: Any) -> None:
                event.app.exit(result=_BACK)

    def _describe(self, text: str) -> str:
        """A choice's description, pre-wrapped: questionary puts "  Description: " before it."""
        prefix = "  Description: "
        return Rewrapped(lambda: self._wrap(text, "  ", " " * len(prefix))[len(prefix) :])

    def _choices(self, question: Question) -> list[Any]:
        return [
            questionary.Choice(
                c.label,
                value=c.value,
                description=self._about(c),
            )
            for c in question.choices
        ]

    def _about(self, choice: Choice) -> Any:
        """A choice's description, with its flag when it names a practice the heuristics
        argue against (shown, not judged: the team may keep it for now)."""
        text = " ".join(
            p for p in (choice.description, f"({choice.legacy})" if choice.legacy else "") if p
        )
        return self._describe(text) if text else None

    def _select(self, question: Question, default: Value, can_back: bool) -> Value:
        choices = self._choices(question)
        if question.deferrable:
            choices += [questionary.Separator(), questionary.Choice("Decide later", value=_DEFER)]
        start = _DEFER if default is DEFERRED else default
        valid = {c.value for c in choices if isinstance(c, questionary.Choice)}
        keys = KeyBindings()
        self._back_keys(keys, can_back, typed=False)
        answer = self._run(
            questionary.select(
                self._message(question.prompt, self._hint(can_back)),
                choices=choices,
                default=start if start in valid else None,
                instruction=" ",
                style=_STYLE,
                use_shortcuts=False,
                **self._io,
            ),
            keys,
        )
        return self._settle(question, self._special(answer))

    def _confirm(self, question: Question, default: Value, can_back: bool) -> Value:
        answer = self._select_yes_no(
            question.prompt,
            default,
            can_back=can_back,
            deferrable=question.deferrable,
        )
        return self._settle(question, answer)

    def _select_yes_no(
        self, message: str, default: Value, *, can_back: bool, deferrable: bool = False
    ) -> Any:
        choices: list[Any] = [
            questionary.Choice("Yes", value=True),
            questionary.Choice("No", value=False),
        ]
        if deferrable:
            choices += [questionary.Separator(), questionary.Choice("Decide later", value=_DEFER)]
        keys = KeyBindings()
        for key, value in (("y", True), ("n", False)):

            def _pick(event: Any, value: bool = value) -> None:
                event.app.exit(result=value)

            keys.add(key, eager=True)(_pick)
        self._back_keys(keys, can_back, typed=False)
        start = _DEFER if default is DEFERRED else default
        answer = self._run(
            questionary.select(
                self._message(message, self._hint(can_back, "y/n")),
                choices=choices,
                default=start if start in (True, False, _DEFER) else None,
                instruction=" ",
                style=_STYLE,
                use_shortcuts=False,
                **self._io,
            ),
            keys,
        )
        return self._special(answer)

    def _checkbox(self, question: Question, default: Value, can_back: bool) -> Value:
        chosen = default if isinstance(default, list) else []
        choices = [
            questionary.Choice(
                c.label,
                value=c.value,
                checked=c.value in chosen,
                description=self._about(c),
            )
            for c in question.choices
        ]
        if question.deferrable:
            choices += [
                questionary.Separator(),
                questionary.Choice(
                    "Decide later (wins over the ticks)",
                    value=_DEFER,
                    checked=default is DEFERRED,
                ),
            ]
        keys = KeyBindings()
        self._back_keys(keys, can_back, typed=False)
        answer = self._run(
            questionary.checkbox(
                self._message(question.prompt, self._hint(can_back, "Space ticks, Enter confirms")),
                choices=choices,
                style=_STYLE,
                instruction=" ",
                **self._io,
            ),
            keys,
        )
        if answer == _BACK:
            return BACK
        if _DEFER in answer:
            return self._settle(question, DEFERRED)
        return self._settle(question, list(answer))

    def _text(self, question: Question, default: Value, can_back: bool, check: Checker) -> Value:
        more = []
        if question.type == "list" and "comma" not in question.prompt:
            more.append("comma-separated")
        if question.deferrable:
            more.append(f"{DEFER_TOKEN} alone: decide later")
        if default not in (None, "", [], DEFERRED):
            more.append("Ctrl-U clears")
        start = "" if default is None or default is DEFERRED else as_text(default)
        keys = KeyBindings()
        self._back_keys(keys, can_back, typed=True)
        hint = self._hint(can_back, *more)
        while True:
            if hint:
                self._say("class:instruction", hint, "  ", "  ")
            answer = self._run(
                questionary.text(
                    self._message(question.prompt, end="\n "),
                    default=start,
                    style=_STYLE,
                    **self._io,
                ),
                keys,
            )
            if answer == _BACK:
                return BACK
            answer = repair(answer)
            problem = check(answer)
            if problem is None and answer.strip() == "<" and question.type == "text":
                problem = "`<` is not a name; press Esc to go back"
            if problem is None:
                break
            self._echo(question.prompt, answer)
            self._say("fg:#d75f00", f"✗ {problem}", "    ", "  ")
            start = answer
        return self._settle(question, parse_text(question, answer))

    def _settle(self, question: Question, answer: Value) -> Value:
        """Echo the answer in the words of the question; Back leaves no line behind."""
        if answer is not BACK:
            self._echo(question.prompt, label(question, answer))
        return answer

    @staticmethod
    def _special(answer: Any) -> Value:
        if answer == _DEFER:
            return DEFERRED
        if answer == _BACK:
            return BACK
        return answer

    # -- review ---------------------------------------------------------------

    def review(self, rows: list[ReviewRow], *, cancel: str) -> ReviewChoice:
        lines = review_lines(rows, self._size()[0] - 1)
        page = max(self._size()[1] - _RESERVED_ROWS, 5)
        pages = [lines[i : i + page] for i in range(0, len(lines), page)] or [[]]
        changed = sum(1 for r in rows if r.changed)
        shown = 0
        while True:
            self._print(
                [
                    ("", "\n"),
                    ("class:question", self._wrap(review_title(shown, len(pages), changed))),
                ]
            )
            for line in pages[shown]:
                style = "class:question" if not line.startswith(" ") else ""
                self._print([(style, line)])
            choices = [questionary.Choice("Yes, write it", value="write")]
            if len(pages) > 1:
                following = (shown + 1) % len(pages)
                choices.append(
                    questionary.Choice(
                        f"Show page {following + 1} of {len(pages)} of the answers", _MORE
                    )
                )
            choices += [
                questionary.Choice("Change an answer…", value="change"),
                questionary.Choice(cancel, value="cancel"),
            ]
            action = self._run(
                questionary.select(
                    "Write the record?", choices=choices, instruction=" ", style=_STYLE, **self._io
                )
            )
            if action == _MORE:
                shown = (shown + 1) % len(pages)
                continue
            if action != "change":
                return ReviewChoice(action)
            picked = self._pick_answer(rows)
            if picked is not None:
                return ReviewChoice("change", picked)
            shown = 0

    def _pick_answer(self, rows: list[ReviewRow]) -> str | None:
        """Which answer to change: first its part, then the answer; None goes back to the review.

        Two short lists instead of one long one, so each fits a 24-row terminal.
        """
        parts: dict[str, list[ReviewRow]] = {}
        for row in rows:
            parts.setdefault(row.section.id, []).append(row)
        while True:
            part = self._pick(
                "Change which part?",
                "← Back to the review",
                [(sid, items[0].section.title) for sid, items in parts.items()],
            )
            if part is None:
                return None
            width = self._size()[0] - 4
            picked = self._pick(
                "Which answer?",
                "← Back to the parts",
                [
                    (r.question.id, fit(f"{r.question.title}: {r.shown}", width))
                    for r in parts[part]
                ],
            )
            if picked is not None:
                return picked

    def _pick(self, message: str, back: str, options: list[tuple[str, str]]) -> str | None:
        keys = KeyBindings()
        self._back_keys(keys, True, typed=False)
        choices = [questionary.Choice(back, value=_BACK)]
        choices += [questionary.Choice(text, value=value) for value, text in options]
        picked = self._run(
            questionary.select(
                self._message(message, self._hint(True)),
                choices=choices,
                instruction=" ",
                style=_STYLE,
                **self._io,
            ),
            keys,
        )
        return None if picked == _BACK else str(picked)

"""The terminal side of the wizard: the only module that imports questionary.

Each question type maps onto a questionary prompt; "decide later" and "back"
are offered as extra choices (or typed as ``?`` and ``<`` in text prompts).
``unsafe_ask`` is used throughout so Ctrl-C raises ``KeyboardInterrupt``
instead of quietly returning None. ``input``/``output`` let tests drive the
prompts through prompt_toolkit pipes.
"""

from __future__ import annotations

from typing import Any

import questionary
from prompt_toolkit import print_formatted_text
from prompt_toolkit.formatted_text import FormattedText

from planner.questions.model import DEFERRED, Question, Section, Value
from planner.questions.values import DEFER_TOKEN, parse_text
from planner.wizard import BACK, Checker, ReviewChoice, ReviewRow

BACK_TOKEN = "<"
_DEFER = "__planner_defer__"
_BACK = "__planner_back__"
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


class QuestionaryPrompter:
    """Asks questions in a terminal with questionary."""

    def __init__(self, *, input: Any = None, output: Any = None) -> None:
        self._io: dict[str, Any] = {}
        if input is not None:
            self._io["input"] = input
        if output is not None:
            self._io["output"] = output
        self._output = output

    # -- output -------------------------------------------------------------

    def _print(self, parts: list[tuple[str, str]]) -> None:
        print_formatted_text(FormattedText(parts), output=self._output, style=_STYLE)

    def section(self, section: Section, index: int, total: int) -> None:
        heading = section.title
        if section.number is not None:
            heading = f"Heuristic {section.number}: {section.title}"
        self._print([("", "\n"), ("class:question", f"[{index}/{total}] {heading}")])
        if section.intro:
            self._print([("class:instruction", section.intro)])

    def notice(self, text: str) -> None:
        self._print([("fg:#d75f00", text)])

    def confirm(self, message: str) -> bool:
        answer: bool = questionary.confirm(
            message, default=True, style=_STYLE, **self._io
        ).unsafe_ask()
        return answer

    # -- questions ------------------------------------------------------------

    def ask(self, question: Question, default: Value, *, can_back: bool, check: Checker) -> Value:
        if question.help:
            self._print([("class:instruction", f"  why: {question.help}")])
        if question.type in ("select", "confirm"):
            return self._select(question, default, can_back)
        if question.type == "checkbox":
            return self._checkbox(question, default, can_back)
        return self._text(question, default, can_back, check)

    def _extras(self, question: Question, can_back: bool) -> list[Any]:
        extras: list[Any] = []
        if question.deferrable or can_back:
            extras.append(questionary.Separator())
        if question.deferrable:
            extras.append(questionary.Choice("Decide later", value=_DEFER))
        if can_back:
            extras.append(questionary.Choice("← Back to the previous question", value=_BACK))
        return extras

    def _select(self, question: Question, default: Value, can_back: bool) -> Value:
        if question.type == "confirm":
            choices = [questionary.Choice("Yes", value=True), questionary.Choice("No", value=False)]
        else:
            choices = [
                questionary.Choice(c.label, value=c.value, description=c.description or None)
                for c in question.choices
            ]
        start = _DEFER if default is DEFERRED else default
        valid = {c.value for c in choices} | {_DEFER}
        answer = questionary.select(
            question.prompt,
            choices=[*choices, *self._extras(question, can_back)],
            default=start if start in valid else None,
            style=_STYLE,
            use_shortcuts=False,
            **self._io,
        ).unsafe_ask()
        return self._special(answer)

    def _checkbox(self, question: Question, default: Value, can_back: bool) -> Value:
        chosen = default if isinstance(default, list) else []
        choices = [
            questionary.Choice(
                c.label, value=c.value, checked=c.value in chosen, description=c.description or None
            )
            for c in question.choices
        ]

        def check(selected: list[Any]) -> bool | str:
            special = [s for s in selected if s in (_DEFER, _BACK)]
            if special and len(selected) > 1:
                return "pick either options or 'Decide later'/'Back', not both"
            return True

        answer = questionary.checkbox(
            question.prompt,
            choices=[*choices, *self._extras(question, can_back)],
            validate=check,
            style=_STYLE,
            instruction="(space to toggle, enter to confirm)",
            **self._io,
        ).unsafe_ask()
        if answer and answer[0] in (_DEFER, _BACK):
            return self._special(answer[0])
        return list(answer)

    def _text(self, question: Question, default: Value, can_back: bool, check: Checker) -> Value:
        hints = []
        if question.type == "list":
            hints.append("comma-separated")
        if question.deferrable:
            hints.append(f"{DEFER_TOKEN} to decide later")
        if can_back:
            hints.append(f"{BACK_TOKEN} to go back")
        start = "" if default is None or default is DEFERRED else _as_text(default)

        def validate(text: str) -> bool | str:
            if text.strip() == BACK_TOKEN and can_back:
                return True
            return check(text) or True

        answer = questionary.text(
            question.prompt,
            default=start,
            validate=validate,
            style=_STYLE,
            instruction=f"({'; '.join(hints)})" if hints else None,
            **self._io,
        ).unsafe_ask()
        if answer.strip() == BACK_TOKEN and can_back:
            return BACK
        return parse_text(question, answer)

    @staticmethod
    def _special(answer: Any) -> Value:
        if answer == _DEFER:
            return DEFERRED
        if answer == _BACK:
            return BACK
        return answer

    # -- review ---------------------------------------------------------------

    def review(self, rows: list[ReviewRow]) -> ReviewChoice:
        self._print(
            [("", "\n"), ("class:question", "Review: every answer before anything is written")]
        )
        width = max((len(r.question.title) for r in rows), default=10)
        current = None
        for row in rows:
            if row.section.id != current:
                current = row.section.id
                self._print([("class:question", f"  {row.section.title}")])
            self._print(
                [("", f"    {row.question.title.ljust(width)}  "), ("class:answer", row.shown)]
            )
        action = questionary.select(
            "Write the record?",
            choices=[
                questionary.Choice("Yes, write it", value="write"),
                questionary.Choice("Change an answer…", value="change"),
                questionary.Choice("Cancel (keeps a draft to resume)", value="cancel"),
            ],
            style=_STYLE,
            **self._io,
        ).unsafe_ask()
        if action != "change":
            return ReviewChoice(action)
        picked = questionary.select(
            "Which answer?",
            choices=[
                questionary.Choice(
                    f"{r.section.title} › {r.question.title}: {r.shown}", value=r.question.id
                )
                for r in rows
            ],
            style=_STYLE,
            **self._io,
        ).unsafe_ask()
        return ReviewChoice("change", picked)


def _as_text(value: Value) -> str:
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)

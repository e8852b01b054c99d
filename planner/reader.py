"""Small typed accessors over a ``marked_yaml.Document`` that collect problems.

Loaders for the record, answers files and question packs all need the same
checks (is this a mapping, are these keys known, is this a string), each
reported with file, line, column and field path, and all of them at once
rather than one per run.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from planner.errors import Problem
from planner.marked_yaml import Document, Path_

_MISSING = object()


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` when a close match exists, else an empty string."""
    import difflib

    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def type_name(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    names = {dict: "a mapping", list: "a list", str: "text", bool: "true/false", int: "a number"}
    return names.get(type(value), type(value).__name__)


class Reader:
    """Reads fields from one document, appending a ``Problem`` for each mismatch."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.problems: list[Problem] = []

    def fail(self, path: Path_, message: str) -> None:
        self.problems.append(self.doc.problem(path, message))

    def mapping(
        self,
        value: Any,
        path: Path_,
        *,
        known: Iterable[str] | None = None,
        required: Iterable[str] = (),
    ) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.fail(path, f"expected a mapping, found {type_name(value)}")
            return None
        if known is not None:
            allowed = list(known)
            for key in value:
                if key not in allowed:
                    hint = did_you_mean(key, allowed)
                    self.problems.append(
                        self.doc.key_problem((*path, key), f"unknown key {key!r}{hint}")
                    )
        for key in required:
            if key not in value:
                self.fail(path, f"missing required key {key!r}")
        return value

    def string(self, value: Any, path: Path_, *, allow_empty: bool = True) -> str | None:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.fail(path, f"expected text, found {type_name(value)}")
            return None
        if not allow_empty and not value.strip():
            self.fail(path, "must not be empty")
            return None
        return value

    def boolean(self, value: Any, path: Path_) -> bool | None:
        if not isinstance(value, bool):
            self.fail(path, f"expected true or false, found {type_name(value)}")
            return None
        return value

    def integer(self, value: Any, path: Path_) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(path, f"expected a whole number, found {type_name(value)}")
            return None
        return value

    def strings(self, value: Any, path: Path_) -> tuple[str, ...] | None:
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list):
            self.fail(path, f"expected a list of text, found {type_name(value)}")
            return None
        out: list[str] = []
        for i, item in enumerate(value):
            text = self.string(item, (*path, i))
            if text is not None:
                out.append(text)
        return tuple(out)

    def one_of(self, value: Any, path: Path_, options: Iterable[str]) -> str | None:
        allowed = list(options)
        text = self.string(value, path)
        if text is None:
            return None
        if text not in allowed:
            hint = did_you_mean(text, allowed)
            self.fail(path, f"{text!r} is not one of {', '.join(allowed)}{hint}")
            return None
        return text

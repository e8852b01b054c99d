"""The one error hierarchy: every expected failure is a ``PlannerError``.

The CLI edge turns these into a message on stderr and an exit code; nothing
below the CLI prints. ``exit_code`` 2 means "the user can fix this".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


class PlannerError(Exception):
    """Base of every error planner expects and reports without a traceback."""

    exit_code: int = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located as precisely as we can."""

    file: str
    line: int | None
    column: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class InputFileError(PlannerError):
    """A YAML input (record, answers file, question pack) is not valid."""

    def __init__(self, problems: Sequence[Problem], what: str = "file") -> None:
        self.problems = list(problems)
        first = self.problems[0].file if self.problems else "?"
        count = len(self.problems)
        head = f"{first}: {count} problem{'s' if count != 1 else ''} in this {what}"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))


class RecordError(InputFileError):
    """The decision record does not match its schema or the question bank."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(problems, what="decision record")


class QuestionBankError(InputFileError):
    """The question bank or a team's question pack is malformed."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(problems, what="question pack")


class AnswerError(PlannerError):
    """An answer given on the command line or in a file is not acceptable."""


class NoInputError(PlannerError):
    """Questions need answers but there is no terminal to ask them on."""


class TargetExistsError(PlannerError):
    """Refusing to overwrite something that already exists."""


class WriteError(PlannerError):
    """Writing to disk failed (permissions, space, unsafe path)."""


class UnsafePathError(WriteError):
    """A path would land outside the output folder."""

    def __init__(self, path: Path | str, root: Path | str) -> None:
        super().__init__(f"refusing to write {path}: it is outside the output folder {root}")


class Aborted(PlannerError):
    """The user stopped the run (Ctrl-C or "cancel"); nothing was written."""

    exit_code = 130


class MissingPathError(PlannerError):
    """A file or folder named on the command line (or looked for) is not there."""

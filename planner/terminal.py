"""The seam between planner and a person's terminal; tests swap these."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.wizard import Prompter


def is_interactive() -> bool:
    """True when both ends of the session are a terminal we can prompt on."""
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def make_prompter() -> Prompter:
    from planner.prompts import QuestionaryPrompter

    return QuestionaryPrompter()

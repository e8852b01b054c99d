"""Validation patterns from question packs, matched in time linear in the answer.

A pack is data written by a team, and Python's ``re`` backtracks: a pattern
like ``(a+)+$`` takes exponential time on a long answer, which hung ``new``,
``validate`` and ``check``. Patterns therefore run on RE2 (the google-re2
bindings), whose automata never backtrack. RE2 has no backreferences or
lookaround; a pack that uses them is refused when it is loaded, naming the
pattern. ``\\w``, ``\\d`` and ``\\s`` are ASCII-only in RE2.
"""

from __future__ import annotations

import functools
from typing import Any

MAX_PATTERN_LENGTH = 1000
"""Longer patterns are refused: a validation rule never needs more."""

MAX_PROGRAM_MEMORY = 8 << 20
"""Bytes RE2 may spend compiling one pattern (counted repetitions blow up the program)."""


class PatternError(ValueError):
    """A pattern is too long, malformed, or uses what RE2 does not support."""


@functools.lru_cache(maxsize=256)
def compile_pattern(pattern: str) -> Any:
    """The compiled RE2 pattern; raises ``PatternError`` saying what is wrong."""
    import re2  # lazy: only packs and answers with patterns need it

    if len(pattern) > MAX_PATTERN_LENGTH:
        raise PatternError(f"longer than {MAX_PATTERN_LENGTH} characters")
    options = re2.Options()
    options.log_errors = False  # the message goes in our error, not on stderr
    options.max_mem = MAX_PROGRAM_MEMORY
    try:
        return re2.compile(pattern, options)
    except re2.error as exc:
        reason = exc.args[0] if exc.args else exc
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise PatternError(
            f"{reason} (patterns use RE2 syntax: no backreferences or lookaround)"
        ) from None


def fullmatch(pattern: str, text: str) -> bool:
    """Whether all of ``text`` matches ``pattern``; linear in ``len(text)``."""
    return compile_pattern(pattern).fullmatch(text) is not None

"""The one fact adopt added to check's per-file facts: name-like string constants."""

from __future__ import annotations

from pathlib import Path

from planner.check.facts import from_data, gather_source, to_data

SOURCE = b'''"""A docstring with spaces is not a name."""
HANDLER = {"class": "logging.handlers.SysLogHandler", "stream": "ext://sys.stdout"}
URL = "sqlite:///"
HEADER = "X-Request-ID"
SENTENCE = "two words"
AGAIN = "X-Request-ID"
'''


def test_name_like_strings_are_kept_with_their_first_line_and_survive_the_cache() -> None:
    facts = gather_source(SOURCE, Path("m.py"), "pkg.m", False)
    assert facts.strings == {
        "class": 2,
        "logging.handlers.SysLogHandler": 2,
        "stream": 2,
        "ext://sys.stdout": 2,
        "sqlite:///": 3,
        "X-Request-ID": 4,
    }
    again = from_data(to_data(facts), Path("m.py"), "pkg.m", False)
    assert again.strings == facts.strings

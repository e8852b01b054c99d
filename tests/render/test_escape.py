from __future__ import annotations

import pytest

from planner.render.escape import (
    lower_first,
    md_block,
    md_code,
    md_inline,
    md_join,
    mermaid_label,
    prose,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words", "plain words"),
        ("*bold* _it_", r"\*bold\* \_it\_"),
        ("<script>alert(1)</script>", r"\<script\>alert(1)\</script\>"),
        ("[x](http://evil)", r"\[x\](http://evil)"),
        ("a | b", r"a \| b"),
        ("two\nlines", "two lines"),
        ("`code`", r"\`code\`"),
        ("{{ 7*7 }}", r"{{ 7\*7 }}"),
    ],
)
def test_md_inline(text: str, expected: str) -> None:
    assert md_inline(text) == expected


def test_md_block_keeps_paragraphs_and_neutralises_line_starts() -> None:
    text = "# not a heading\n- not a list\n1. not numbered\n> no quote\n\n    no code block\n---"
    assert md_block(text).split("\n") == [
        r"\# not a heading",
        r"\- not a list",
        r"1\. not numbered",
        r"\> no quote",
        "",
        "no code block",
        r"\---",
    ]


def test_md_code_survives_backticks() -> None:
    assert md_code("a`b") == "``a`b``"
    assert md_code("`x`") == "`` `x` ``"


def test_prose_keeps_code_spans_and_intraword_underscores() -> None:
    assert (
        prose("`tests/<x>.py` for *all* of scoped_session")
        == r"`tests/<x>.py` for \*all\* of scoped_session"
    )
    assert prose("_lead and trail_") == r"\_lead and trail\_"


def test_lower_first_leaves_acronyms() -> None:
    assert lower_first("The runtime") == "the runtime"
    assert lower_first("POSIX only") == "POSIX only"


def test_md_join_escapes_plain_items_once() -> None:
    assert md_join(["a_b*", md_inline("c*")], ", ") == r"a\_b\*, c\*"


def test_mermaid_label() -> None:
    assert (
        mermaid_label('say "hi" <b>#1</b>\n`x`')
        == "say #quot;hi#quot; #lt;b#gt;#35;1#lt;/b#gt; #96;x#96;"
    )

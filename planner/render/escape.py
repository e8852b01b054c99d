"""Escaping for every place an answer lands, so answers stay data.

A description full of Markdown, HTML, template braces or newlines must come
out as the same text, never as structure. Each filter here is tied to one
target syntax; templates pick the one for where the value is placed.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
_MD_LINE_MARK = re.compile(r"^([#+\-=])")
_MD_LINE_NUMBER = re.compile(r"^(\d+)([.)])")


def md_inline(text: object) -> Markup:
    """Text inside a Markdown line: one line, every active character escaped."""
    if isinstance(text, Markup):
        return text
    flat = " ".join(str(text).split())
    return Markup(_MD_INLINE.sub(r"\\\1", flat))


_PROSE = re.compile(r"([\\*\[\]<>|~&])|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")


def prose(text: object) -> Markup:
    """Text written by planner or a team's question pack: code spans kept, markup escaped.

    Bank texts may use `code spans`; everything else that could become
    structure (emphasis, links, HTML, table pipes) is escaped, as for answers.
    """
    if isinstance(text, Markup):
        return text
    flat = " ".join(str(text).split())
    out = []
    last = 0
    for span in _CODE_SPAN.finditer(flat):
        out.append(_PROSE.sub(lambda m: "\\" + m.group(0), flat[last : span.start()]))
        out.append(span.group(0).replace("|", "\\|"))
        last = span.end()
    out.append(_PROSE.sub(lambda m: "\\" + m.group(0), flat[last:]))
    return Markup("".join(out))


def lower_first(text: object) -> Markup:
    """``"The runtime ..."`` -> ``"the runtime ..."`` to follow "because"; acronyms stay."""
    value = prose(text)
    if len(value) > 1 and value[0].isupper() and value[1].islower():
        return Markup(value[0].lower() + value[1:])
    return value


def md_block(text: object) -> Markup:
    """Multi-line text as Markdown paragraphs: line breaks kept, no line can start a block."""
    out = []
    for line in str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        stripped = " ".join(line.split())
        if not stripped:
            out.append("")
            continue
        escaped = _MD_INLINE.sub(r"\\\1", stripped)
        escaped = _MD_LINE_MARK.sub(r"\\\1", escaped)
        escaped = _MD_LINE_NUMBER.sub(r"\1\\\2", escaped)
        out.append(escaped)
    while out and not out[-1]:
        out.pop()
    while out and not out[0]:
        out.pop(0)
    return Markup(re.sub(r"\n{3,}", "\n\n", "\n".join(out)))


def md_cell(text: object) -> Markup:
    """Text in a Markdown table cell."""
    return md_inline(text) or Markup(" ")


def md_code(text: object) -> Markup:
    """Inline code: the text between enough backticks that none inside can close it."""
    flat = " ".join(str(text).split())
    fence = "`"
    while fence in flat:
        fence += "`"
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return Markup(f"{fence}{pad}{flat}{pad}{fence}")


def url(text: object) -> Markup:
    """A relative link target."""
    return Markup(quote(str(text), safe="/#.-_~"))


def ident(text: object) -> Markup:
    """A validated identifier (package name, feature) that may sit inside a code span as is."""
    value = str(text)
    if re.fullmatch(r"[A-Za-z0-9_.:-]+", value):
        return Markup(value)
    return md_inline(value)


def md_join(items: Any, separator: str = "") -> Markup:
    """``join`` for Markdown templates: escaped items stay escaped, others are escaped once."""
    return Markup(separator.join(md_inline(item) for item in items))


def markdown_finalize(value: Any) -> Any:
    """Every ``{{ value }}`` in a Markdown template is escaped unless a filter already did it."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    if value is None:
        return ""
    return md_inline(value)


def mermaid_label(text: object) -> str:
    """Text inside a quoted Mermaid node label."""
    flat = " ".join(str(text).split())
    for char, code in (("#", "#35;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;"), ("`", "#96;")):
        flat = flat.replace(char, code)
    return flat


def quoted(text: object) -> str:
    """A double-quoted ASCII string literal, valid alike in Python, TOML and YAML."""
    out = ['"']
    for char in str(text):
        code = ord(char)
        if char in ('"', "\\"):
            out.append("\\" + char)
        elif 0x20 <= code < 0x7F:
            out.append(char)
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\\ufffd")
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


def comment(text: object) -> str:
    """Free text inside a ``#`` comment: one line, nothing that could end the comment."""
    return " ".join(str(text).split())


FILTERS = {
    "quoted": quoted,
    "comment": comment,
    "md": md_inline,
    "md_block": md_block,
    "md_cell": md_cell,
    "md_code": md_code,
    "prose": prose,
    "ident": ident,
    "lower_first": lower_first,
    "url": url,
    "mermaid": mermaid_label,
}

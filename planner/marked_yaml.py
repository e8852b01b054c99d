"""Load YAML with ``safe_load`` semantics while remembering where every value stood.

Records, answers files and question packs are written by people; when one is
wrong we want to say ``file:line:column`` and the dotted field. PyYAML's
constructors drop positions, so we compose the node tree and build plain
Python values ourselves, keeping a map from field path to position. Things a
decision record never needs, and that only cause trouble (custom tags,
anchors and aliases, merge keys, duplicate keys), are refused here.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from planner.errors import InputFileError, Problem

logger = logging.getLogger(__name__)

Path_ = tuple[str | int, ...]

MAX_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 40

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"

try:  # the C loader keeps positions too and is several times faster
    _Loader: type[Any] = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader
LOADER = _Loader
"""The loader class used to compose documents (positions are character indices)."""


@dataclass(frozen=True)
class Mark:
    """A 1-based line and column in the source text."""

    line: int
    column: int


def dotted(path: Path_) -> str:
    """Render a field path the way messages show it: ``decisions.logging.answers[0]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass
class Document:
    """A loaded YAML document: plain data plus the position of every field."""

    source: str
    data: Any
    marks: dict[Path_, Mark] = field(default_factory=dict)
    key_marks: dict[Path_, Mark] = field(default_factory=dict)
    text: str = ""
    """The decoded source text (with its BOM, if any), for callers that edit it in place."""

    def mark(self, path: Path_) -> Mark | None:
        """Position of ``path``, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            found = self.marks.get(tuple(path[:end]))
            if found is not None:
                return found
        return None

    def problem(self, path: Path_, message: str) -> Problem:
        """A ``Problem`` located at ``path`` in this document."""
        where = self.mark(path)
        return Problem(
            file=self.source,
            line=where.line if where else None,
            column=where.column if where else None,
            field=dotted(path),
            message=message,
        )

    def key_problem(self, path: Path_, message: str) -> Problem:
        """A ``Problem`` about the key at the end of ``path`` (an unknown key, say)."""
        mark = self.key_marks.get(path)
        if mark is None:
            return self.problem(path, message)
        return Problem(self.source, mark.line, mark.column, dotted(path), message)


class _Builder:
    """Turns a composed node tree into plain values, recording positions."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.marks: dict[Path_, Mark] = {}
        self.key_marks: dict[Path_, Mark] = {}
        self.problems: list[Problem] = []
        self._constructor = yaml.constructor.SafeConstructor()
        self._seen: set[int] = set()

    def _fail(self, node: yaml.Node, path: Path_, message: str) -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(self.source, mark.line + 1, mark.column + 1, dotted(path), message)
        )

    def build(self, node: yaml.Node, path: Path_, depth: int = 0) -> Any:
        self.marks[path] = Mark(node.start_mark.line + 1, node.start_mark.column + 1)
        if depth > MAX_DEPTH:
            self._fail(node, path, f"nested more than {MAX_DEPTH} levels deep")
            return None
        if id(node) in self._seen:
            self._fail(node, path, "anchors and aliases (&name / *name) are not supported")
            return None
        self._seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                self._fail(node, path, f"the tag {node.tag!r} is not allowed")
                return None
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP_TAG:
                self._fail(node, path, f"the tag {node.tag!r} is not allowed")
                return None
            return self._mapping(node, path, depth)
        self._fail(node, path, "unsupported YAML node")  # pragma: no cover
        return None

    def _scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self._fail(node, path, f"the tag {node.tag!r} is not allowed (plain YAML only)")
            return None
        try:
            return self._constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError) as exc:
            self._fail(node, path, f"cannot read this value: {exc}")
            return None

    def _mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if (
                not isinstance(key_node, yaml.ScalarNode)
                or key_node.tag == "tag:yaml.org,2002:merge"
            ):
                self._fail(
                    key_node, path, "keys must be plain names (no merge keys or complex keys)"
                )
                continue
            key = str(key_node.value)
            if key in out:
                self._fail(key_node, (*path, key), f"duplicate key {key!r}")
                continue
            start = key_node.start_mark
            self.key_marks[(*path, key)] = Mark(start.line + 1, start.column + 1)
            out[key] = self.build(value_node, (*path, key), depth + 1)
        return out


def _decode(raw: bytes, source: str) -> str:
    if len(raw) > MAX_BYTES:
        raise InputFileError(
            [Problem(source, None, None, "", f"file is larger than {MAX_BYTES // 1024} KiB")]
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        msg = f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})"
        raise InputFileError([Problem(source, line, None, "", msg)]) from None


def load(raw: bytes | str, source: str) -> Document:
    """Parse one YAML document; raise ``InputFileError`` listing what is wrong."""
    text = _decode(raw, source) if isinstance(raw, bytes) else raw
    if "\t" in text:
        for number, text_line in enumerate(text.splitlines(), 1):
            stripped = text_line.lstrip(" ")
            if stripped.startswith("\t"):
                col = len(text_line) - len(stripped) + 1
                msg = "a tab is used for indentation; YAML needs spaces"
                raise InputFileError([Problem(source, number, col, "", msg)])
    try:
        nodes = list(_compose_all(text))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        at_line = mark.line + 1 if mark else None
        at_col = mark.column + 1 if mark else None
        problem = Problem(source, at_line, at_col, "", f"invalid YAML: {message}")
        raise InputFileError([problem]) from None
    except yaml.YAMLError as exc:
        raise InputFileError([Problem(source, None, None, "", f"invalid YAML: {exc}")]) from None
    if len(nodes) > 1:
        mark = nodes[1].start_mark
        msg = "more than one YAML document (---) in the file"
        raise InputFileError([Problem(source, mark.line + 1, mark.column + 1, "", msg)])
    if not nodes:
        return Document(source, None, {})
    builder = _Builder(source)
    data = builder.build(nodes[0], ())
    if builder.problems:
        raise InputFileError(builder.problems)
    logger.debug("loaded %s (%d fields)", source, len(builder.marks))
    if isinstance(raw, bytes) and raw.startswith(b"\xef\xbb\xbf"):
        text = "\ufeff" + text  # kept so that a file edited in place keeps its BOM
    return Document(source, data, builder.marks, builder.key_marks, text)


def _compose_all(text: str) -> Iterator[yaml.Node]:
    loader = _Loader(text)
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is not None:
                yield node
    finally:
        loader.dispose()

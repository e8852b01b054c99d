"""Change a hand-kept YAML text in place: only the values that changed are rewritten.

A revisit changes a few answers and appends a revision. Dumping the whole
record again would drop every comment, blank line and hand ordering the team
put in ``decisions.yaml``. Instead we compare the record before and after
(as canonical data), find the node of each difference in the original text
with PyYAML's positions, and splice new text there. Everything else keeps
its bytes: comments above, beside and below a value, key order, quoting,
folded lines, line endings.

Round-trip libraries (ruamel.yaml) keep comments but re-emit every scalar,
so long lines are folded again and quoting may change on each revisit; a
splice leaves untouched text untouched. The caller checks the result reads
back as the new record and falls back to a canonical dump if it does not.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from planner import marked_yaml

Dump = Callable[[Any], str]
"""Dump one value as YAML at column 0 (the record's canonical style)."""


class CannotPatch(Exception):
    """The text has a shape we do not edit surgically (the caller dumps it whole)."""


_MISSING = object()


@dataclass
class _Edits:
    text: str
    dump: Dump
    newline: str
    edits: list[tuple[int, int, int, str]] = field(default_factory=list)

    def add(self, start: int, end: int, replacement: str) -> None:
        self.edits.append((start, end, len(self.edits), replacement.replace("\n", self.newline)))

    def apply(self) -> str:
        out = self.text
        spans = sorted(self.edits)
        for (_, end, _, _), (nxt, _, _, _) in itertools.pairwise(spans):
            if end > nxt:
                raise CannotPatch("overlapping edits")
        for start, end, _, replacement in reversed(spans):
            out = out[:start] + replacement + out[end:]
        return out

    # -- positions -------------------------------------------------------------

    def line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1

    def next_line(self, index: int) -> int:
        """Index just after the line break that ends the line holding ``index``."""
        found = self.text.find("\n", index)
        return len(self.text) if found < 0 else found + 1

    def content_end(self, node: yaml.Node) -> int:
        """Where a node's own text ends: not the comments and blank lines after it."""
        if isinstance(node, yaml.MappingNode) and not node.flow_style and node.value:
            return self.content_end(node.value[-1][1])
        if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
            return self.content_end(node.value[-1])
        end = int(node.end_mark.index)
        if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
            while end > node.start_mark.index and self.text[end - 1] in " \t\r\n":
                end -= 1
        return end

    def only_indent_before(self, index: int) -> bool:
        return not self.text[self.line_start(index) : index].strip()

    def dash_column(self, item: yaml.Node) -> int:
        """Column of the ``-`` that opens a block sequence item."""
        start = self.line_start(item.start_mark.index)
        before = self.text[start : item.start_mark.index].rstrip()
        if not before.endswith("-"):
            raise CannotPatch("sequence item without a dash on its line")
        return len(before) - 1

    # -- text for new values -----------------------------------------------------

    @staticmethod
    def _indent(text: str, column: int) -> str:
        lines = text.split("\n")
        pad = " " * column
        return "\n".join([lines[0]] + [pad + line if line else line for line in lines[1:]])

    def entry_tail(self, key: str, value: Any, column: int) -> str:
        """``key: value`` dumped for a key at ``column``, without the key itself."""
        text = self.dump({key: value}).rstrip("\n")
        probe = self.dump({key: 0}).rstrip("\n")
        if not probe.endswith(": 0") or not text.startswith(probe[:-3] + ":"):
            raise CannotPatch(f"unexpected dump of key {key!r}")
        dumped_key = probe[:-3]
        return self._indent(text[len(dumped_key) :], column)

    def entry(self, key: str, value: Any, column: int) -> str:
        text = self.dump({key: value}).rstrip("\n")
        return " " * column + self._indent(text, column) + "\n"

    def item(self, value: Any, column: int) -> str:
        text = self.dump([value]).rstrip("\n")
        return " " * column + self._indent(text, column) + "\n"


def _keys(node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    return {str(k.value): (k, v) for k, v in node.value}


def _patch_mapping(ed: _Edits, old: dict[str, Any], new: dict[str, Any], node: yaml.Node) -> None:
    if not isinstance(node, yaml.MappingNode) or node.flow_style or not node.value:
        raise CannotPatch("not a block mapping")
    present = _keys(node)
    column = int(node.value[0][0].start_mark.column)
    order = list(new)
    for key in dict.fromkeys([*old, *new]):
        before, after = old.get(key, _MISSING), new.get(key, _MISSING)
        if before == after:
            continue
        if key in present:
            key_node, value_node = present[key]
            if after is _MISSING:
                _delete_entry(ed, key_node, value_node)
            else:
                _patch_value(ed, key, before, after, key_node, value_node)
        elif after is not _MISSING:
            _insert_entry(ed, node, present, order, key, after, column)


def _patch_value(
    ed: _Edits, key: str, before: Any, after: Any, key_node: yaml.Node, value_node: yaml.Node
) -> None:
    """Bring one entry's value from ``before`` to ``after``, recursing where we can.

    When the parts cannot be edited one by one, the edits already made inside
    are dropped and the whole value is written again.
    """
    mark = len(ed.edits)
    try:
        if isinstance(before, dict) and isinstance(after, dict):
            _patch_mapping(ed, before, after, value_node)
            return
        if isinstance(before, list) and isinstance(after, list):
            _patch_sequence(ed, before, after, value_node)
            return
    except CannotPatch:
        del ed.edits[mark:]
    start = int(key_node.end_mark.index)
    tail = ed.entry_tail(key, after, int(key_node.start_mark.column))
    ed.add(start, ed.content_end(value_node), tail)


def _delete_entry(ed: _Edits, key_node: yaml.Node, value_node: yaml.Node) -> None:
    """Cut an entry's lines out; a comment beside its last line stays, on a line of its own."""
    if not ed.only_indent_before(key_node.start_mark.index):
        raise CannotPatch("the key shares its line with a sequence dash")
    start = ed.line_start(key_node.start_mark.index)
    content_end = ed.content_end(value_node)
    end = ed.next_line(content_end)
    beside = ed.text[content_end:end].strip()
    kept = " " * int(key_node.start_mark.column) + beside + "\n" if beside.startswith("#") else ""
    ed.add(start, end, kept)


def _insert_entry(
    ed: _Edits,
    node: yaml.MappingNode,
    present: dict[str, tuple[yaml.Node, yaml.Node]],
    order: list[str],
    key: str,
    value: Any,
    column: int,
) -> None:
    earlier = [k for k in order[: order.index(key)] if k in present]
    if earlier:
        anchor = present[earlier[-1]][1]
        at = ed.next_line(ed.content_end(anchor))
    else:
        first_key = node.value[0][0]
        if not ed.only_indent_before(first_key.start_mark.index):
            at = ed.next_line(ed.content_end(node.value[0][1]))
        else:
            at = ed.line_start(first_key.start_mark.index)
    if at == len(ed.text) and not ed.text.endswith("\n"):
        ed.add(at, at, "\n")
    ed.add(at, at, ed.entry(key, value, column))


def _patch_sequence(ed: _Edits, old: list[Any], new: list[Any], node: yaml.Node) -> None:
    if not isinstance(node, yaml.SequenceNode) or node.flow_style or not node.value:
        raise CannotPatch("not a block sequence")
    if len(node.value) != len(old):
        raise CannotPatch("the text and the record disagree on the list length")
    items = node.value
    for before, after, item in zip(old, new, items, strict=False):
        if before == after:
            continue
        if isinstance(before, dict) and isinstance(after, dict):
            _patch_mapping(ed, before, after, item)
        else:
            text = ed.item(after, ed.dash_column(item))
            ed.add(ed.line_start(item.start_mark.index), ed.next_line(ed.content_end(item)), text)
    if len(new) < len(old):
        first_gone = items[len(new)]
        ed.add(
            ed.line_start(first_gone.start_mark.index),
            ed.next_line(ed.content_end(items[-1])),
            "",
        )
    elif len(new) > len(old):
        column = ed.dash_column(items[-1])
        at = ed.next_line(ed.content_end(items[-1]))
        if at == len(ed.text) and not ed.text.endswith("\n"):
            ed.add(at, at, "\n")
        for value in new[len(old) :]:
            ed.add(at, at, ed.item(value, column))


def patch(text: str, old: dict[str, Any], new: dict[str, Any], dump: Dump) -> str:
    """``text`` (whose data is ``old``) edited so that it holds ``new``.

    ``old`` and ``new`` are the record before and after as canonical data;
    only where they differ is the text touched. Raises ``CannotPatch`` when
    the text's shape does not allow a surgical edit.
    """
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    text = text.removeprefix(bom)  # loaders disagree on whether the BOM counts as a position
    try:
        root = yaml.compose(text, Loader=marked_yaml.LOADER)
    except yaml.YAMLError as exc:
        raise CannotPatch(str(exc)) from None
    if root is None:
        raise CannotPatch("empty document")
    newline = "\r\n" if "\r\n" in text else "\n"
    ed = _Edits(text, dump, newline)
    _patch_mapping(ed, old, new, root)
    return bom + ed.apply()

"""The facts every rule needs about one file, and their plain form (a :data:`Record`).

:mod:`planner.check.walker` gathers them in one pass over the file's syntax
tree (the code is parsed, never imported or executed) as a record of tuples,
strings, numbers and booleans: worker processes send records back, the cache
stores them, and :func:`from_record` turns one into :class:`ModuleFacts` for
the rules. Facts depend only on the file's bytes, its module name and the
Python grammar that parsed them, never on configuration.
"""

from __future__ import annotations

import marshal
import sys
from dataclasses import dataclass, field
from functools import cached_property, partial
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

_first = itemgetter(0)
GRAMMAR = f"{sys.version_info[0]}.{sys.version_info[1]}"
Record = tuple[Any, ...]
"""A file's facts in the order of :data:`FIELDS`: tuples, strings, numbers, booleans, None."""
FIELDS = (
    "imports",
    "calls",
    "functions",
    "bindings",
    "env_reads",
    "suppressions",
    "malformed",
    "syntax_error",
    "grammar",
    "empty",
    "reexports_only",
    "releases_session",
    "classes",
    "writes_extensions",
    "script_blocks",
    "strings",
    "called",  # the distinct names in calls, sorted
)


class Import(NamedTuple):
    target: str
    line: int
    column: int
    type_checking: bool = False


class Call(NamedTuple):
    name: str
    line: int
    column: int
    function: str | None  # the enclosing top-level function or class, None at module level
    keywords: tuple[str, ...] = ()
    import_time: bool = True  # outside any function body: runs when the module is imported


class Binding(NamedTuple):
    """A module-level ``name = call(...)``: how a module gets its logger."""

    line: int
    call: str
    uses_name: bool  # ``__name__`` is an argument


class EnvRead(NamedTuple):
    line: int
    column: int
    code: str


class Malformed(NamedTuple):
    """A suppression comment planner cannot read: it silences nothing."""

    line: int
    text: str


@dataclass
class ModuleFacts:
    path: Path
    module: str
    is_package: bool
    imports: list[Import] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    functions: set[str] = field(default_factory=set)
    bindings: list[Binding] = field(default_factory=list)
    env_reads: list[EnvRead] = field(default_factory=list)
    suppressions: dict[int, set[str] | None] = field(default_factory=dict)
    malformed: list[Malformed] = field(default_factory=list)
    syntax_error: tuple[int, int, str] | None = None
    grammar: str = GRAMMAR
    empty: bool = False
    reexports_only: bool = False  # only imports, ``__all__`` and docstrings
    releases_session: bool = False  # a teardown handler or process_response calls .remove()
    classes: dict[str, set[str]] = field(default_factory=dict)  # top-level class -> its methods
    writes_extensions: bool = False  # assigns into ``<app>.extensions[...]``
    script_blocks: list[tuple[int, int]] = field(default_factory=list)  # ``if __name__ == ...``
    strings: dict[str, int] = field(default_factory=dict)  # name-like constant -> first line

    def __getattr__(self, name: str) -> Any:
        """A field :func:`from_record` left as raw rows, built on first use: most rules never
        look at most modules' calls, and only ``planner adopt`` reads the strings."""
        pending = self.__dict__.get("_pending")
        if not pending or name not in pending:
            raise AttributeError(name)
        value = pending.pop(name)()
        setattr(self, name, value)
        return value

    @cached_property
    def called(self) -> frozenset[str]:
        """The names this module calls, so a rule skips a module without the call it seeks
        (facts are not changed once gathered)."""
        return frozenset(map(_first, self.calls))

    def in_script_block(self, line: int) -> bool:
        """Inside ``if __name__ == "__main__":``: the module run as a script, not imported."""
        return any(start <= line <= end for start, end in self.script_blocks)

    def suppressed(self, line: int, rule: str) -> bool:
        if line not in self.suppressions:
            return False
        rules = self.suppressions[line]
        return rules is None or rule in rules


def module_name(path: Path, root: Path) -> tuple[str, bool]:
    relative = path.relative_to(root).with_suffix("")
    parts = list(relative.parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts = parts[:-1]
    return ".".join(parts), is_package


def gather_source(data: bytes, path: Path, module: str, is_package: bool) -> ModuleFacts:
    """Facts of one file's bytes, decoded as CPython does (BOM and coding cookie)."""
    from planner.check.walker import walk_quietly

    return from_record(
        walk_quietly((data, str(path), module, is_package)), path, module, is_package
    )


def gather(path: Path, root: Path, data: bytes | None = None) -> ModuleFacts:
    """Facts of the file at ``path``; ``root`` is the folder its top package sits in."""
    from planner.check.walker import failed

    module, is_package = module_name(path, root)
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            error = (1, 1, f"cannot read: {exc.strerror or exc}")
            return from_record(failed(error), path, module, is_package)
    return gather_source(data, path, module, is_package)


_T = TypeVar("_T", bound=tuple[Any, ...])
_new = tuple.__new__


def _rows(kind: type[_T], raw: Any) -> list[_T]:
    """``raw`` rows as ``kind`` named tuples, built in C."""
    return list(map(_new, repeat(kind), raw)) if raw else []


def _width(raw: Any, width: int) -> Any:
    """``raw`` when it is a sequence of rows of ``width`` fields; ValueError otherwise."""
    if raw and set(map(len, raw)) != {width}:
        raise ValueError(f"a row of {width} fields has another width")
    return raw


def _marshalled_rows(kind: type[_T], data: bytes, width: int) -> list[_T]:
    """Rows the cache keeps marshalled (its whole file passed a hash check when loaded)."""
    return _rows(kind, _width(marshal.loads(data), width))


def _marshalled_dict(data: bytes) -> dict[str, int]:
    return dict(_width(marshal.loads(data), 2))


def from_record(record: Record, path: Path, module: str, is_package: bool) -> ModuleFacts:
    """The facts of a record (from the walker or the cache); ValueError or TypeError when
    the record is not one. Calls and strings are checked now and built when first used."""
    (
        imports,
        calls,
        functions,
        bindings,
        env_reads,
        suppressions,
        malformed,
        syntax_error,
        grammar,
        empty,
        reexports_only,
        releases_session,
        classes,
        writes_extensions,
        script_blocks,
        strings,
        called,
    ) = record
    if syntax_error is not None:
        line, column, message = syntax_error
        syntax_error = (int(line), int(column), str(message))
    if calls.__class__ is bytes:  # as the cache keeps them: decoded when a rule asks
        pending_calls = partial(_marshalled_rows, Call, calls, 6)
    else:
        pending_calls = partial(_rows, Call, _width(calls, 6))
    if strings.__class__ is bytes:  # only planner adopt reads them
        pending_strings = partial(_marshalled_dict, strings)
    else:
        pending_strings = partial(dict, _width(strings, 2))
    facts = ModuleFacts.__new__(ModuleFacts)
    facts.__dict__.update(
        path=path,
        module=module,
        is_package=is_package,
        imports=_rows(Import, _width(imports, 4)),
        functions=set(functions),
        bindings=_rows(Binding, _width(bindings, 3)),
        env_reads=_rows(EnvRead, _width(env_reads, 3)),
        suppressions={int(n): None if r is None else set(r) for n, r in suppressions},
        malformed=_rows(Malformed, _width(malformed, 2)),
        syntax_error=syntax_error,
        grammar=str(grammar),
        empty=bool(empty),
        reexports_only=bool(reexports_only),
        releases_session=bool(releases_session),
        classes={str(name): set(methods) for name, methods in classes},
        writes_extensions=bool(writes_extensions),
        script_blocks=[(int(a), int(b)) for a, b in script_blocks],
        called=frozenset(called),
        _pending={"calls": pending_calls, "strings": pending_strings},
    )
    return facts


def to_record(facts: ModuleFacts) -> Record:
    """The inverse of :func:`from_record` (the path and module are the cache's keys)."""
    return (
        tuple(map(tuple, facts.imports)),
        tuple(map(tuple, facts.calls)),
        tuple(sorted(facts.functions)),
        tuple(map(tuple, facts.bindings)),
        tuple(map(tuple, facts.env_reads)),
        tuple((n, None if r is None else tuple(sorted(r))) for n, r in facts.suppressions.items()),
        tuple(map(tuple, facts.malformed)),
        facts.syntax_error,
        facts.grammar,
        facts.empty,
        facts.reexports_only,
        facts.releases_session,
        tuple((name, tuple(sorted(methods))) for name, methods in facts.classes.items()),
        facts.writes_extensions,
        tuple(facts.script_blocks),
        tuple(facts.strings.items()),
        tuple(sorted(facts.called)),
    )


to_data = to_record
from_data = from_record

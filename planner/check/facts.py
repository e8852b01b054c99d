"""One pass over one file: the facts every rule needs, gathered with ``ast``.

The checked code is parsed, never imported or executed. Each file is read
once; rules work on these facts, so adding a rule costs no extra parsing.
Facts depend only on the file's bytes (and the Python grammar that parsed
them), never on configuration, so they can be cached by content hash.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass, field
from importlib.util import decode_source
from pathlib import Path
from typing import Any, NamedTuple

# ``# planner: ignore`` or ``# planner: ignore[RULE, RULE]``; anything else after
# ``ignore`` (a space before the bracket, lower case ids) is malformed.
_SUPPRESS = re.compile(r"#\s*planner\s*:\s*ignore\b(?P<rest>[^#]*)")
_RULE_LIST = re.compile(r"^\[(?P<ids>[A-Z]{3}[0-9]{3}(?:\s*,\s*[A-Z]{3}[0-9]{3})*)\s*,?\]")
_TYPE_CHECKING = ("TYPE_CHECKING", "typing.TYPE_CHECKING")
_ENV_READERS = ("os.getenv", "getenv", "os.environ.get", "environ.get")
_ENVIRON = ("os.environ", "environ")
# String constants worth remembering: dotted names, URLs, header names ("logging.StreamHandler",
# "ext://sys.stdout", "sqlite:///", "X-Request-ID"). ``planner adopt`` reads decisions from them.
_NAME_LIKE = re.compile(r"^[A-Za-z_][\w.:/+\-{}]{1,119}$")
GRAMMAR = f"{sys.version_info[0]}.{sys.version_info[1]}"


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

    def in_script_block(self, line: int) -> bool:
        """Inside ``if __name__ == "__main__":``: the module run as a script, not imported."""
        return any(start <= line <= end for start, end in self.script_blocks)

    def suppressed(self, line: int, rule: str) -> bool:
        if line not in self.suppressions:
            return False
        rules = self.suppressions[line]
        return rules is None or rule in rules


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else node.attr
    if isinstance(node, ast.Call):
        return _dotted(node.func)
    return ""


def _resolve(module: str, is_package: bool, level: int, target: str | None) -> str:
    """Absolute name of a relative import (``from ..x import y`` in ``a.b.c``)."""
    if level == 0:
        return target or ""
    parts = module.split(".")
    base = parts if is_package else parts[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join([*base, target] if target else base)


def _code(node: ast.AST) -> str:
    try:
        return ast.unparse(node)[:200]
    except (RecursionError, ValueError):
        return ""


_FIELDS: dict[type, tuple[str, ...]] = {}
_LEAVES = (ast.Name, ast.Constant, ast.expr_context, ast.operator, ast.unaryop, ast.cmpop)


def _fields(kind: type) -> tuple[str, ...]:
    """The child fields worth descending into (never ``ctx``; nothing below a leaf)."""
    fields: tuple[str, ...] = ()
    if not issubclass(kind, (*_LEAVES, ast.boolop)):
        fields = tuple(f for f in getattr(kind, "_fields", ()) if f != "ctx")
    _FIELDS[kind] = fields
    return fields


def _is_main_guard(test: ast.expr) -> bool:
    return (
        isinstance(test, ast.Compare)
        and _dotted(test.left) == "__name__"
        and len(test.comparators) == 1
        and isinstance(test.comparators[0], ast.Constant)
        and test.comparators[0].value == "__main__"
    )


class _Walker:
    """One pass over a module: statements by hand, expressions with a flat stack.

    Hand-written rather than an ``ast.NodeVisitor``: dispatching on every node by
    method name costs more than parsing itself on a large codebase.
    """

    def __init__(self, facts: ModuleFacts) -> None:
        self.facts = facts

    # expressions ------------------------------------------------------------------------
    def expr(self, node: ast.AST, function: str | None, in_function: bool) -> None:
        facts = self.facts
        stack: list[ast.AST] = [node]
        lambdas: list[ast.AST] = []  # bodies of lambdas: run when called, not at import
        inside = in_function
        while True:
            if not stack:
                if not lambdas:
                    return
                stack, lambdas, inside = lambdas, [], True
            current = stack.pop()
            kind = type(current)
            if kind is ast.Call:
                call = current
                assert isinstance(call, ast.Call)
                name = _dotted(call.func)
                if name:
                    keywords = tuple(k.arg for k in call.keywords if k.arg)
                    facts.calls.append(
                        Call(name, call.lineno, call.col_offset + 1, function, keywords, not inside)
                    )
                    if not inside and name in _ENV_READERS:
                        facts.env_reads.append(
                            EnvRead(call.lineno, call.col_offset + 1, _code(call))
                        )
            elif kind is ast.Subscript:
                sub = current
                assert isinstance(sub, ast.Subscript)
                if not inside and isinstance(sub.ctx, ast.Load) and _dotted(sub.value) in _ENVIRON:
                    facts.env_reads.append(EnvRead(sub.lineno, sub.col_offset + 1, _code(sub)))
            elif kind is ast.Constant:
                assert isinstance(current, ast.Constant)
                text = current.value
                if isinstance(text, str) and _NAME_LIKE.match(text):
                    facts.strings.setdefault(text, current.lineno)
                continue
            elif kind is ast.Lambda:
                assert isinstance(current, ast.Lambda)
                stack.append(current.args)
                lambdas.append(current.body)
                continue
            fields = _FIELDS.get(kind)
            if fields is None:
                fields = _fields(kind)
            for field_name in fields:
                value = getattr(current, field_name, None)
                if type(value) is list:
                    stack.extend(v for v in value if isinstance(v, ast.AST))
                elif isinstance(value, ast.AST):
                    stack.append(value)

    # statements -------------------------------------------------------------------------
    def body(
        self,
        statements: list[ast.stmt],
        function: str | None,
        in_function: bool,
        depth: int,
        type_checking: bool,
    ) -> None:
        for node in statements:
            self.stmt(node, function, in_function, depth, type_checking)

    def stmt(
        self,
        node: ast.stmt,
        function: str | None,
        in_function: bool,
        depth: int,
        type_checking: bool,
    ) -> None:
        facts = self.facts
        if isinstance(node, ast.Import):
            for alias in node.names:
                facts.imports.append(
                    Import(alias.name, node.lineno, node.col_offset + 1, type_checking)
                )
            return
        if isinstance(node, ast.ImportFrom):
            base = _resolve(facts.module, facts.is_package, node.level, node.module)
            for alias in node.names:
                target = f"{base}.{alias.name}" if base and alias.name != "*" else base
                facts.imports.append(
                    Import(target, node.lineno, node.col_offset + 1, type_checking)
                )
            return
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            self.definition(node, function, in_function, depth, type_checking)
            return
        if isinstance(node, ast.If):
            if _is_main_guard(node.test):
                facts.script_blocks.append((node.lineno, node.end_lineno or node.lineno))
            if _dotted(node.test) in _TYPE_CHECKING:
                self.body(node.body, function, in_function, depth, True)
                self.body(node.orelse, function, in_function, depth, type_checking)
                return
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets: list[ast.expr] = (
                node.targets if isinstance(node, ast.Assign) else [node.target]
            )
            for assigned in targets:
                if isinstance(assigned, ast.Subscript) and _dotted(assigned.value).endswith(
                    "extensions"
                ):
                    facts.writes_extensions = True
            if (
                depth == 0
                and isinstance(node.value, ast.Call)
                and any(isinstance(t, ast.Name) for t in targets)
            ):
                uses_name = any(
                    isinstance(a, ast.Name) and a.id == "__name__" for a in node.value.args
                )
                facts.bindings.append(Binding(node.lineno, _dotted(node.value.func), uses_name))
        for _, value in ast.iter_fields(node):
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, ast.stmt):
                        self.stmt(item, function, in_function, depth, type_checking)
                    elif isinstance(item, ast.ExceptHandler):
                        if item.type is not None:
                            self.expr(item.type, function, in_function)
                        self.body(item.body, function, in_function, depth, type_checking)
                    elif isinstance(item, ast.match_case):
                        self.expr(item.pattern, function, in_function)
                        if item.guard is not None:
                            self.expr(item.guard, function, in_function)
                        self.body(item.body, function, in_function, depth, type_checking)
                    elif isinstance(item, ast.AST):
                        self.expr(item, function, in_function)
            elif isinstance(value, ast.AST):
                self.expr(value, function, in_function)

    def definition(
        self,
        node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef,
        function: str | None,
        in_function: bool,
        depth: int,
        type_checking: bool,
    ) -> None:
        facts = self.facts
        is_class = isinstance(node, ast.ClassDef)
        if isinstance(node, ast.ClassDef):
            if depth == 0:
                facts.classes[node.name] = {
                    item.name
                    for item in node.body
                    if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)
                }
            for base in (*node.bases, *node.keywords):
                self.expr(base, function, in_function)
        else:
            decorators = {_dotted(d).rsplit(".", 1)[-1] for d in node.decorator_list}
            if (
                decorators & {"teardown_appcontext", "teardown_request"}
                or node.name == "process_response"
            ):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Call) and _dotted(inner.func).endswith(".remove"):
                        facts.releases_session = True
            self.expr(node.args, function, in_function)  # defaults run at definition time
            if node.returns is not None:
                self.expr(node.returns, function, in_function)
        for decorator in node.decorator_list:
            self.expr(decorator, function, in_function)
        if depth == 0:
            facts.functions.add(node.name)
            function = node.name
        self.body(node.body, function, in_function or not is_class, depth + 1, type_checking)


def module_name(path: Path, root: Path) -> tuple[str, bool]:
    relative = path.relative_to(root).with_suffix("")
    parts = list(relative.parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts = parts[:-1]
    return ".".join(parts), is_package


def _suppressions(facts: ModuleFacts, text: str) -> None:
    for number, line in enumerate(text.splitlines(), 1):
        if "planner" not in line:
            continue
        match = _SUPPRESS.search(line)
        if match is None:
            continue
        rest = match.group("rest").rstrip()
        if not rest.strip():
            facts.suppressions[number] = None
            continue
        ids = _RULE_LIST.match(rest)
        if ids is None or rest[ids.end() :].strip():
            facts.malformed.append(Malformed(number, line[match.start() :].strip()[:120]))
            continue
        facts.suppressions[number] = {r.strip() for r in ids.group("ids").split(",")}


def _spread_suppressions(facts: ModuleFacts, tree: ast.Module) -> None:
    """A suppression on any line of a multi-line statement covers all its lines."""
    lines = set(facts.suppressions)
    if not lines:
        return
    for node in ast.walk(tree):
        if not isinstance(node, ast.stmt) or node.end_lineno is None:
            continue
        if node.end_lineno == node.lineno or hasattr(node, "body"):
            continue  # one line, or a compound statement: its header line only
        span = range(node.lineno, node.end_lineno + 1)
        found = [n for n in span if n in lines]
        if not found:
            continue
        merged: set[str] | None = set()
        for n in found:
            rules = facts.suppressions[n]
            if rules is None or merged is None:
                merged = None
            else:
                merged |= rules
        for n in span:
            facts.suppressions[n] = None if merged is None else set(merged)


def _reexports_only(tree: ast.Module) -> bool:
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if all(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
                continue
        if isinstance(node, ast.If) and _dotted(node.test) in _TYPE_CHECKING:
            continue
        if isinstance(node, ast.Try) and all(
            isinstance(n, ast.Import | ast.ImportFrom | ast.Pass)
            for part in (node.body, *(h.body for h in node.handlers))
            for n in part
        ):
            continue
        return False
    return True


def gather_source(data: bytes, path: Path, module: str, is_package: bool) -> ModuleFacts:
    """Facts of one file's bytes, decoded as CPython does (BOM and coding cookie)."""
    facts = ModuleFacts(path, module, is_package)
    try:
        text = decode_source(data)
    except (SyntaxError, UnicodeDecodeError, LookupError) as exc:
        facts.syntax_error = (1, 1, f"cannot decode: {exc}")
        return facts
    _suppressions(facts, text)
    try:
        tree = ast.parse(data, filename=str(path))
    except SyntaxError as exc:
        facts.syntax_error = (exc.lineno or 1, exc.offset or 1, exc.msg)
        return facts
    except (RecursionError, MemoryError):
        facts.syntax_error = (1, 1, "too deeply nested for the parser")
        return facts
    except ValueError as exc:  # null bytes
        facts.syntax_error = (1, 1, str(exc))
        return facts
    try:
        _spread_suppressions(facts, tree)
        facts.empty = not any(
            not isinstance(n, ast.Expr) or not isinstance(n.value, ast.Constant) for n in tree.body
        )
        facts.reexports_only = not facts.empty and _reexports_only(tree)
        _Walker(facts).body(tree.body, None, False, 0, False)
    except RecursionError:
        fresh = ModuleFacts(path, module, is_package)
        fresh.syntax_error = (1, 1, "too deeply nested to analyse")
        return fresh
    return facts


def gather(path: Path, root: Path, data: bytes | None = None) -> ModuleFacts:
    """Facts of the file at ``path``; ``root`` is the folder its top package sits in."""
    module, is_package = module_name(path, root)
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            facts = ModuleFacts(path, module, is_package)
            facts.syntax_error = (1, 1, f"cannot read: {exc.strerror or exc}")
            return facts
    return gather_source(data, path, module, is_package)


# -- the cache's form: plain JSON data ------------------------------------------------------


def to_data(facts: ModuleFacts) -> dict[str, Any]:
    """Facts as JSON data, without the path and module (the cache keys them by content)."""
    return {
        "imports": [[i.target, i.line, i.column, i.type_checking] for i in facts.imports],
        "calls": [
            [c.name, c.line, c.column, c.function, list(c.keywords), c.import_time]
            for c in facts.calls
        ],
        "functions": sorted(facts.functions),
        "bindings": [[b.line, b.call, b.uses_name] for b in facts.bindings],
        "env_reads": [[e.line, e.column, e.code] for e in facts.env_reads],
        "suppressions": {
            str(k): None if v is None else sorted(v) for k, v in facts.suppressions.items()
        },
        "malformed": [[m.line, m.text] for m in facts.malformed],
        "syntax_error": list(facts.syntax_error) if facts.syntax_error else None,
        "grammar": facts.grammar,
        "empty": facts.empty,
        "reexports_only": facts.reexports_only,
        "releases_session": facts.releases_session,
        "classes": {k: sorted(v) for k, v in facts.classes.items()},
        "writes_extensions": facts.writes_extensions,
        "script_blocks": [list(b) for b in facts.script_blocks],
        "strings": facts.strings,
    }


def from_data(data: dict[str, Any], path: Path, module: str, is_package: bool) -> ModuleFacts:
    """The inverse of :func:`to_data`."""
    error = data["syntax_error"]
    return ModuleFacts(
        path=path,
        module=module,
        is_package=is_package,
        imports=[Import(t, ln, c, tc) for t, ln, c, tc in data["imports"]],
        calls=[Call(n, ln, c, f, tuple(k), it) for n, ln, c, f, k, it in data["calls"]],
        functions=set(data["functions"]),
        bindings=[Binding(ln, c, u) for ln, c, u in data["bindings"]],
        env_reads=[EnvRead(ln, c, code) for ln, c, code in data["env_reads"]],
        suppressions={
            int(k): None if v is None else set(v) for k, v in data["suppressions"].items()
        },
        malformed=[Malformed(ln, t) for ln, t in data["malformed"]],
        syntax_error=(int(error[0]), int(error[1]), str(error[2])) if error else None,
        grammar=data["grammar"],
        empty=data["empty"],
        reexports_only=data["reexports_only"],
        releases_session=data["releases_session"],
        classes={k: set(v) for k, v in data["classes"].items()},
        writes_extensions=data["writes_extensions"],
        script_blocks=[(int(a), int(b)) for a, b in data["script_blocks"]],
        strings={str(k): int(v) for k, v in data["strings"].items()},
    )

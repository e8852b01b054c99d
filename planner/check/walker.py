"""One pass over one file's syntax tree: the facts every rule needs, as plain tuples.

The checked code is parsed, never imported or executed. The result is a
:data:`~planner.check.facts.Record`: tuples, strings, numbers and booleans
only, so worker processes hand it back cheaply and the cache stores it as is.
Facts depend only on the file's bytes, its module name and the Python grammar
that parsed them, never on configuration.
"""

from __future__ import annotations

import ast
import gc
import re
from importlib.util import decode_source
from typing import Any

from planner.check.facts import GRAMMAR, Record

# ``# planner: ignore`` or ``# planner: ignore[RULE, RULE]``; anything else after
# ``ignore`` (a space before the bracket, lower case ids) is malformed.
_SUPPRESS = re.compile(r"#\s*planner\s*:\s*ignore\b(?P<rest>[^#]*)")
_RULE_LIST = re.compile(r"^\[(?P<ids>[A-Z]{3}[0-9]{3}(?:\s*,\s*[A-Z]{3}[0-9]{3})*)\s*,?\]")
_TYPE_CHECKING = ("TYPE_CHECKING", "typing.TYPE_CHECKING")
_ENV_READERS = frozenset(("os.getenv", "getenv", "os.environ.get", "environ.get"))
_ENVIRON = ("os.environ", "environ")
_TEARDOWNS = frozenset(("teardown_appcontext", "teardown_request"))
# String constants worth remembering: dotted names, URLs, header names ("logging.StreamHandler",
# "ext://sys.stdout", "sqlite:///", "X-Request-ID"). ``planner adopt`` reads decisions from them.
_NAME_LIKE = re.compile(r"^[A-Za-z_][\w.:/+\-{}]{1,119}$").match

_Call = ast.Call
_Name = ast.Name
_Attribute = ast.Attribute
_Constant = ast.Constant
_Subscript = ast.Subscript
_Lambda = ast.Lambda
_keyword = ast.keyword
_arg = ast.arg
_Load = ast.Load
_LEAVES = (ast.Name, ast.Constant, ast.expr_context, ast.operator, ast.unaryop, ast.cmpop)
_DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(kind: type) -> tuple[str, ...]:
    """The child fields worth descending into (never ``ctx``; nothing below a leaf)."""
    fields: tuple[str, ...] = ()
    if issubclass(kind, ast.AST) and not issubclass(kind, (*_LEAVES, ast.boolop)):
        fields = tuple(f for f in kind._fields if f != "ctx")
    _FIELDS[kind] = fields
    return fields


def _dotted(node: Any) -> str:
    kind = node.__class__
    if kind is _Name:
        return str(node.id)
    if kind is _Attribute:
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else str(node.attr)
    if kind is _Call:
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

    def __init__(self, module: str, is_package: bool) -> None:
        self.module = module
        self.is_package = is_package
        self.imports: list[tuple[str, int, int, bool]] = []
        self.calls: list[tuple[str, int, int, str | None, tuple[str, ...], bool]] = []
        self.functions: list[str] = []
        self.bindings: list[tuple[int, str, bool]] = []
        self.env_reads: list[tuple[int, int, str]] = []
        self.classes: dict[str, tuple[str, ...]] = {}
        self.script_blocks: list[tuple[int, int]] = []
        self.strings: dict[str, int] = {}
        self.releases_session = False
        self.writes_extensions = False

    # expressions ------------------------------------------------------------------------
    def expr(self, node: ast.AST, function: str | None, in_function: bool) -> None:
        calls = self.calls
        strings = self.strings
        fields_of = _FIELDS
        stack: list[Any] = [node]
        lambdas: list[Any] = []  # bodies of lambdas: run when called, not at import
        inside = in_function
        while True:
            if not stack:
                if not lambdas:
                    return
                stack, lambdas, inside = lambdas, [], True
            current = stack.pop()
            kind = current.__class__
            if kind is _Name or kind is str:
                continue
            if kind is _Constant:
                text = current.value
                if text.__class__ is str and _NAME_LIKE(text) and text not in strings:
                    strings[text] = current.lineno
                continue
            if kind is _Attribute:  # the commonest node with a child: only ``value`` matters
                stack.append(current.value)
                continue
            if kind is _Call:
                keywords_nodes = current.keywords
                func = current.func
                if func.__class__ is _Name:  # the two commonest shapes, without a call
                    name = func.id
                elif func.__class__ is _Attribute and func.value.__class__ is _Name:
                    name = f"{func.value.id}.{func.attr}"
                else:
                    name = _dotted(func)
                if name:
                    keywords = tuple([k.arg for k in keywords_nodes if k.arg])
                    line, column = current.lineno, current.col_offset + 1
                    calls.append((name, line, column, function, keywords, not inside))
                    if not inside and name in _ENV_READERS:
                        self.env_reads.append((line, column, _code(current)))
                stack.append(current.func)
                stack.extend(current.args)
                stack.extend(keywords_nodes)
                continue
            if kind is _keyword:
                stack.append(current.value)
                continue
            if kind is _arg:  # its name and type comment are strings
                if current.annotation is not None:
                    stack.append(current.annotation)
                continue
            if kind is _Subscript:
                if (
                    not inside
                    and current.ctx.__class__ is _Load
                    and _dotted(current.value) in _ENVIRON
                ):
                    self.env_reads.append((current.lineno, current.col_offset + 1, _code(current)))
            elif kind is _Lambda:
                stack.append(current.args)
                lambdas.append(current.body)
                continue
            fields = fields_of.get(kind)
            if fields is None:
                fields = _fields(kind)
            for field_name in fields:
                value = getattr(current, field_name, None)
                if value.__class__ is list:
                    stack.extend(value)  # None and str items are skipped when popped
                elif value is not None:
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
        kind = node.__class__
        if kind is ast.Import:
            assert isinstance(node, ast.Import)
            for alias in node.names:
                self.imports.append((alias.name, node.lineno, node.col_offset + 1, type_checking))
            return
        if kind is ast.ImportFrom:
            assert isinstance(node, ast.ImportFrom)
            base = _resolve(self.module, self.is_package, node.level, node.module)
            for alias in node.names:
                target = f"{base}.{alias.name}" if base and alias.name != "*" else base
                self.imports.append((target, node.lineno, node.col_offset + 1, type_checking))
            return
        if kind in _DEFINITIONS:
            assert isinstance(node, _DEFINITIONS)
            self.definition(node, function, in_function, depth, type_checking)
            return
        if kind is ast.If:
            assert isinstance(node, ast.If)
            if _is_main_guard(node.test):
                self.script_blocks.append((node.lineno, node.end_lineno or node.lineno))
            if _dotted(node.test) in _TYPE_CHECKING:
                self.body(node.body, function, in_function, depth, True)
                self.body(node.orelse, function, in_function, depth, type_checking)
                return
        elif kind is ast.Assign or kind is ast.AnnAssign:
            assert isinstance(node, ast.Assign | ast.AnnAssign)
            targets: list[ast.expr] = (
                node.targets if isinstance(node, ast.Assign) else [node.target]
            )
            for assigned in targets:
                if isinstance(assigned, ast.Subscript) and _dotted(assigned.value).endswith(
                    "extensions"
                ):
                    self.writes_extensions = True
            if (
                depth == 0
                and isinstance(node.value, ast.Call)
                and any(isinstance(t, ast.Name) for t in targets)
            ):
                uses_name = any(
                    isinstance(a, ast.Name) and a.id == "__name__" for a in node.value.args
                )
                self.bindings.append((node.lineno, _dotted(node.value.func), uses_name))
            if isinstance(node, ast.Assign):  # the commonest statement: targets, then value
                for assigned in targets:
                    self.expr(assigned, function, in_function)
                self.expr(node.value, function, in_function)
                return
        elif kind is ast.Expr or kind is ast.Return:
            assert isinstance(node, ast.Expr | ast.Return)
            if node.value is not None:
                self.expr(node.value, function, in_function)
            return
        fields = _FIELDS.get(kind)
        if fields is None:
            fields = _fields(kind)
        for field_name in fields:
            value = getattr(node, field_name, None)
            if value.__class__ is list:
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
        is_class = isinstance(node, ast.ClassDef)
        if isinstance(node, ast.ClassDef):
            if depth == 0:
                methods = {item.name for item in node.body if isinstance(item, _FUNCTIONS)}
                self.classes[node.name] = tuple(sorted(methods))
            for base in (*node.bases, *node.keywords):
                self.expr(base, function, in_function)
        else:
            decorators = {_dotted(d).rsplit(".", 1)[-1] for d in node.decorator_list}
            if decorators & _TEARDOWNS or node.name == "process_response":
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Call) and _dotted(inner.func).endswith(".remove"):
                        self.releases_session = True
            self.expr(node.args, function, in_function)  # defaults run at definition time
            if node.returns is not None:
                self.expr(node.returns, function, in_function)
        for decorator in node.decorator_list:
            self.expr(decorator, function, in_function)
        if depth == 0:
            self.functions.append(node.name)
            function = node.name
        self.body(node.body, function, in_function or not is_class, depth + 1, type_checking)


def _suppressions(text: str) -> tuple[dict[int, frozenset[str] | None], list[tuple[int, str]]]:
    found: dict[int, frozenset[str] | None] = {}
    malformed: list[tuple[int, str]] = []
    if "planner" not in text:
        return found, malformed
    for number, line in enumerate(text.splitlines(), 1):
        if "planner" not in line:
            continue
        match = _SUPPRESS.search(line)
        if match is None:
            continue
        rest = match.group("rest").rstrip()
        if not rest.strip():
            found[number] = None
            continue
        ids = _RULE_LIST.match(rest)
        if ids is None or rest[ids.end() :].strip():
            malformed.append((number, line[match.start() :].strip()[:120]))
            continue
        found[number] = frozenset(r.strip() for r in ids.group("ids").split(","))
    return found, malformed


def _spread_suppressions(suppressions: dict[int, frozenset[str] | None], tree: ast.Module) -> None:
    """A suppression on any line of a multi-line statement covers all its lines."""
    lines = set(suppressions)
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
            rules = suppressions[n]
            if rules is None or merged is None:
                merged = None
            else:
                merged |= rules
        for n in span:
            suppressions[n] = None if merged is None else frozenset(merged)


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


def failed(message: tuple[int, int, str]) -> Record:
    """The record of a file that cannot be read or parsed."""
    return (
        (),
        (),
        (),
        (),
        (),
        (),
        (),
        message,
        GRAMMAR,
        False,
        False,
        False,
        (),
        False,
        (),
        (),
        (),
    )


def _suppression_items(
    found: dict[int, frozenset[str] | None],
) -> tuple[tuple[int, tuple[str, ...] | None], ...]:
    return tuple((n, None if r is None else tuple(sorted(r))) for n, r in found.items())


def walk(data: bytes, filename: str, module: str, is_package: bool) -> Record:
    """Facts of one file's bytes, decoded as CPython does (BOM and coding cookie)."""
    try:
        text = decode_source(data)
    except (SyntaxError, UnicodeDecodeError, LookupError) as exc:
        return failed((1, 1, f"cannot decode: {exc}"))
    suppressions, malformed = _suppressions(text)
    error: tuple[int, int, str] | None = None
    try:
        tree = ast.parse(data, filename=filename)
    except SyntaxError as exc:
        error = (exc.lineno or 1, exc.offset or 1, exc.msg)
    except (RecursionError, MemoryError):
        error = (1, 1, "too deeply nested for the parser")
    except ValueError as exc:  # null bytes
        error = (1, 1, str(exc))
    if error is not None:  # the suppressions still count (for their warnings)
        broken = failed(error)
        return (*broken[:5], _suppression_items(suppressions), tuple(malformed), *broken[7:])
    try:
        _spread_suppressions(suppressions, tree)
        empty = not any(
            not isinstance(n, ast.Expr) or not isinstance(n.value, ast.Constant) for n in tree.body
        )
        reexports_only = not empty and _reexports_only(tree)
        walker = _Walker(module, is_package)
        walker.body(tree.body, None, False, 0, False)
    except RecursionError:
        return failed((1, 1, "too deeply nested to analyse"))
    return (
        tuple(walker.imports),
        tuple(walker.calls),
        tuple(sorted(set(walker.functions))),
        tuple(walker.bindings),
        tuple(walker.env_reads),
        _suppression_items(suppressions),
        tuple(malformed),
        None,
        GRAMMAR,
        empty,
        reexports_only,
        walker.releases_session,
        tuple(walker.classes.items()),
        walker.writes_extensions,
        tuple(walker.script_blocks),
        tuple(walker.strings.items()),
        tuple(sorted({call[0] for call in walker.calls})),
    )


def walk_quietly(item: tuple[bytes, str, str, bool]) -> Record:
    """:func:`walk` with the cycle collector off: syntax trees are garbage at once."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return walk(*item)
    finally:
        if enabled:
            gc.enable()

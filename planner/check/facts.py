"""One pass over one file: the facts every rule needs, gathered with ``ast``.

The checked code is parsed, never imported or executed. Each file is read
once; rules work on these facts, so adding a rule costs no extra parsing.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

_SUPPRESS = re.compile(r"#\s*planner:\s*ignore(?:\[([A-Z0-9, ]+)\])?")
_LOGGER_FACTORIES = {"getLogger", "get_logger", "getlogger", "logger"}


@dataclass(frozen=True)
class Import:
    target: str
    line: int
    column: int
    type_checking: bool = False


@dataclass(frozen=True)
class Call:
    name: str
    line: int
    column: int
    function: str | None  # the enclosing top-level function, None at module level


@dataclass
class ModuleFacts:
    path: Path
    module: str
    is_package: bool
    imports: list[Import] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    functions: set[str] = field(default_factory=set)
    logger_line: int | None = None
    env_reads: list[tuple[int, int]] = field(default_factory=list)
    suppressions: dict[int, set[str] | None] = field(default_factory=dict)
    syntax_error: tuple[int, int, str] | None = None
    empty: bool = False
    releases_session: bool = False  # a teardown handler or process_response calls .remove()
    classes: dict[str, set[str]] = field(default_factory=dict)  # top-level class -> its methods
    writes_extensions: bool = False  # assigns into ``<app>.extensions[...]``

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


class _Visitor(ast.NodeVisitor):
    def __init__(self, facts: ModuleFacts) -> None:
        self.facts = facts
        self.function: str | None = None
        self.depth = 0
        self.type_checking = False

    def visit_If(self, node: ast.If) -> None:
        test = _dotted(node.test)
        if test in ("TYPE_CHECKING", "typing.TYPE_CHECKING"):
            previous, self.type_checking = self.type_checking, True
            for child in node.body:
                self.visit(child)
            self.type_checking = previous
            for child in node.orelse:
                self.visit(child)
            return
        self.generic_visit(node)

    def _enter(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> None:
        if isinstance(node, ast.ClassDef) and self.depth == 0:
            self.facts.classes[node.name] = {
                item.name
                for item in node.body
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)
            }
        if not isinstance(node, ast.ClassDef):
            decorators = {_dotted(d).rsplit(".", 1)[-1] for d in node.decorator_list}
            if (
                decorators & {"teardown_appcontext", "teardown_request"}
                or node.name == "process_response"
            ):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Call) and _dotted(inner.func).endswith(".remove"):
                        self.facts.releases_session = True
        outer = self.function
        if self.depth == 0:
            self.facts.functions.add(node.name)
            self.function = node.name
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1
        self.function = outer

    visit_FunctionDef = _enter
    visit_AsyncFunctionDef = _enter
    visit_ClassDef = _enter

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self.facts.imports.append(
                Import(alias.name, node.lineno, node.col_offset + 1, self.type_checking)
            )

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        base = _resolve(self.facts.module, self.facts.is_package, node.level, node.module)
        for alias in node.names:
            target = f"{base}.{alias.name}" if base and alias.name != "*" else base
            self.facts.imports.append(
                Import(target, node.lineno, node.col_offset + 1, self.type_checking)
            )

    def visit_Assign(self, node: ast.Assign | ast.AnnAssign) -> None:
        targets_all = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets_all:
            if isinstance(target, ast.Subscript) and _dotted(target.value).endswith("extensions"):
                self.facts.writes_extensions = True
        if self.depth == 0 and isinstance(node.value, ast.Call):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            func = _dotted(node.value.func).rsplit(".", 1)[-1]
            uses_name = any(isinstance(a, ast.Name) and a.id == "__name__" for a in node.value.args)
            if names and (func in _LOGGER_FACTORIES or (uses_name and "log" in func.lower())):
                self.facts.logger_line = self.facts.logger_line or node.lineno
        self.generic_visit(node)

    visit_AnnAssign = visit_Assign

    def visit_Call(self, node: ast.Call) -> None:
        name = _dotted(node.func)
        self.facts.calls.append(Call(name, node.lineno, node.col_offset + 1, self.function))
        if self.function is None and name in (
            "os.getenv",
            "getenv",
            "os.environ.get",
            "environ.get",
        ):
            self.facts.env_reads.append((node.lineno, node.col_offset + 1))
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        if self.function is None and _dotted(node.value) in ("os.environ", "environ"):
            self.facts.env_reads.append((node.lineno, node.col_offset + 1))
        self.generic_visit(node)


def module_name(path: Path, root: Path) -> tuple[str, bool]:
    relative = path.relative_to(root).with_suffix("")
    parts = list(relative.parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts = parts[:-1]
    return ".".join(parts), is_package


def gather(path: Path, root: Path) -> ModuleFacts:
    """Facts of the file at ``path``; ``root`` is the folder its top package sits in."""
    module, is_package = module_name(path, root)
    facts = ModuleFacts(path, module, is_package)
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        facts.syntax_error = (1, 1, f"cannot read: {exc}")
        return facts
    for number, line in enumerate(source.splitlines(), 1):
        if "planner:" in line:
            match = _SUPPRESS.search(line)
            if match:
                rules = match.group(1)
                facts.suppressions[number] = (
                    {r.strip() for r in rules.split(",")} if rules else None
                )
    try:
        tree = ast.parse(source, filename=str(path))
    except SyntaxError as exc:
        facts.syntax_error = (exc.lineno or 1, exc.offset or 1, exc.msg)
        return facts
    facts.empty = not any(
        not isinstance(n, ast.Expr) or not isinstance(n.value, ast.Constant) for n in tree.body
    )
    _Visitor(facts).visit(tree)
    return facts

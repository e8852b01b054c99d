"""Heuristic 7, infrastructure: the core stays free of the framework and the ORM.

With ports and adapters the check follows imports through the project's own
modules, so a domain module that reaches Flask through a helper is caught.
"""

from __future__ import annotations

from collections.abc import Iterable

from planner.check.facts import ModuleFacts
from planner.check.model import Context, Finding, Rule

FRAMEWORKS = ("flask", "falcon", "sqlalchemy", "flask_sqlalchemy")


def _top(name: str) -> str:
    return name.split(".", 1)[0]


def core_modules(ctx: Context) -> list[ModuleFacts]:
    """The modules that must stay pure: domain and services, wherever the layout keeps them."""
    style = ctx.answer("layout.style", "by_feature")
    pure = []
    for facts in ctx.app_modules():
        parts = facts.module.split(".")[1:]
        if style == "ports_and_adapters" or style == "by_layer":
            keep = bool(parts) and parts[0] in ("domain", "services", "models")
        else:
            keep = (
                len(parts) >= 2 and parts[0] in ctx.features and parts[-1] in ("models", "services")
            )
        if keep:
            pure.append(facts)
    return pure


def _resolve(ctx: Context, target: str) -> ModuleFacts | None:
    """The project module an import lands in (``pkg.a.b`` may be module ``pkg.a`` plus a name)."""
    while target:
        if target in ctx.modules:
            return ctx.modules[target]
        target = target.rpartition(".")[0]
    return None


class _Reach:
    """Which project modules lead to a framework, and through which modules; memoised.

    Each module is resolved once, so a whole codebase costs time linear in its
    imports, however long the chains between modules are.
    """

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.memo: dict[str, list[str] | None] = {}

    def _deps(self, facts: ModuleFacts) -> list[ModuleFacts]:
        out = []
        for imp in facts.imports:
            if imp.type_checking or _top(imp.target) in FRAMEWORKS:
                continue
            module = _resolve(self.ctx, imp.target)
            if module is not None and module.module != facts.module:
                out.append(module)
        return out

    def path(self, root: ModuleFacts) -> list[str] | None:
        """``[root, ..., framework]`` when ``root`` reaches a framework, else None."""
        stack: list[tuple[ModuleFacts, list[ModuleFacts]]] = [(root, self._deps(root))]
        active = {root.module}
        while stack:
            facts, pending = stack[-1]
            if facts.module in self.memo:
                stack.pop()
                active.discard(facts.module)
                continue
            direct = next(
                (
                    i.target
                    for i in facts.imports
                    if not i.type_checking and _top(i.target) in FRAMEWORKS
                ),
                None,
            )
            if direct is not None:
                self.memo[facts.module] = [facts.module, direct]
            elif pending:
                nxt = pending.pop(0)
                if nxt.module in self.memo:
                    found = self.memo[nxt.module]
                    if found is not None:
                        self.memo[facts.module] = [facts.module, *found]
                    continue
                if nxt.module not in active:
                    active.add(nxt.module)
                    stack.append((nxt, self._deps(nxt)))
                continue
            else:
                self.memo[facts.module] = None
            stack.pop()
            active.discard(facts.module)
        return self.memo.get(root.module)


def _chain(ctx: Context, start: ModuleFacts, reach: _Reach) -> Iterable[tuple[int, int, list[str]]]:
    """Each import of ``start`` that reaches a framework, with the path of modules it takes."""
    for imp in start.imports:
        if imp.type_checking:
            continue
        if _top(imp.target) in FRAMEWORKS:
            yield imp.line, imp.column, [start.module, imp.target]
            continue
        first = _resolve(ctx, imp.target)
        if first is None or first.module == start.module:
            continue
        path = reach.path(first)
        if path is not None:
            yield imp.line, imp.column, [start.module, *path]


def _pure_core(ctx: Context) -> Iterable[Finding]:
    reach = _Reach(ctx)
    for facts in core_modules(ctx):
        for line, column, path in _chain(ctx, facts, reach):
            yield Finding(
                "INF001",
                ctx.rel(facts.path),
                line,
                column,
                f"the core reaches {path[-1]}: {' -> '.join(path)}",
            )


def _views_use_repositories(ctx: Context) -> Iterable[Finding]:
    for facts in ctx.app_modules():
        leaf = facts.module.rsplit(".", 1)[-1]
        parent = facts.module.split(".")[1] if facts.module.count(".") >= 1 else ""
        if leaf not in ("routes", "views") and parent not in ("views", "entrypoints"):
            continue
        for imp in facts.imports:
            if imp.type_checking:
                continue
            if _top(imp.target) in ("sqlalchemy", "flask_sqlalchemy") or imp.target.startswith(
                f"{ctx.package}.database"
            ):
                yield Finding(
                    "INF002",
                    ctx.rel(facts.path),
                    imp.line,
                    imp.column,
                    f"a view imports {imp.target}; go through the repository instead",
                )


RULES = (
    Rule(
        "INF001",
        "infrastructure",
        "domain and services import neither the framework nor the ORM, even indirectly",
        lambda ctx: ctx.answer("infrastructure.isolation") == "ports_and_adapters",
        _pure_core,
    ),
    Rule(
        "INF002",
        "infrastructure",
        "views reach storage through repositories, not the ORM session",
        lambda ctx: ctx.answer("infrastructure.isolation") in ("repository", "ports_and_adapters"),
        _views_use_repositories,
    ),
)

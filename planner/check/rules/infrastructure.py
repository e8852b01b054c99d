"""Heuristic 7, infrastructure: the core stays free of the framework and the ORM.

With ports and adapters the check follows imports through the project's own
modules, so a domain module that reaches Flask through a helper is caught.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from planner.check.facts import Import, ModuleFacts
from planner.check.model import Context, Finding, Parts, Rule

DEFAULT_CORE = {
    "ports_and_adapters": ("domain", "services", "service_layer", "models"),
    "by_layer": ("domain", "services", "service_layer", "models"),
    "by_feature": ("*.models", "*.services", "*.service_layer", "*.domain"),
}


def core_modules(ctx: Context) -> list[ModuleFacts]:
    """The modules that must stay pure: domain and services, wherever the layout keeps them."""
    style = str(ctx.answer("layout.style", "by_feature"))
    patterns = ctx.config.core or DEFAULT_CORE.get(style, DEFAULT_CORE["by_feature"])
    by_feature = not ctx.config.core and style not in ("ports_and_adapters", "by_layer")
    pure = []
    features = set(ctx.features)
    core = Parts(patterns)
    for facts in ctx.app_modules():
        relative = ctx.relative_module(facts)
        if not relative:
            continue
        if by_feature and relative.split(".")[0] not in features:
            continue
        if core(relative):
            pure.append(facts)
    return pure


def resolve(modules: dict[str, ModuleFacts], target: str) -> ModuleFacts | None:
    """The project module an import lands in (``pkg.a.b`` may be module ``pkg.a`` plus a name)."""
    while target:
        if target in modules:
            return modules[target]
        target = target.rpartition(".")[0]
    return None


class Resolver:
    """:func:`resolve`, remembered per import target: a codebase imports the same names often."""

    def __init__(self, modules: dict[str, ModuleFacts]) -> None:
        self.modules = modules
        self.memo: dict[str, ModuleFacts | None] = {}

    def __call__(self, target: str) -> ModuleFacts | None:
        found = self.memo.get(target, self)
        if found is self:
            found = self.memo[target] = resolve(self.modules, target)
        return found  # type: ignore[return-value]


class Reach:
    """For every project module: does it reach a forbidden package, and by which chain?

    One breadth-first search backwards from the modules that import a forbidden
    package directly: linear in imports, independent of file order, correct
    with cycles, and each chain it gives is a shortest one.
    """

    def __init__(self, modules: dict[str, ModuleFacts], forbidden: Iterable[str]) -> None:
        self.modules = modules
        self.resolve = Resolver(modules)
        self.forbidden = {f for f in forbidden if "." not in f}
        self.dotted = tuple(f for f in forbidden if "." in f)  # a project package, say
        self.dotted_below = tuple(f + "." for f in self.dotted)
        self.next: dict[str, str | None] = {}
        self.direct: dict[str, str] = {}
        importers: dict[str, list[str]] = {}
        # Per distinct target, once: forbidden (True), a project module, or neither (None).
        landing: dict[str, ModuleFacts | bool | None] = {}
        for name in sorted(modules):
            for target, _, _, type_checking in modules[name].imports:
                if type_checking:
                    continue
                found = landing.get(target, False)
                if found is False:
                    found = landing[target] = self.is_forbidden(target) or self.resolve(target)
                if found is True:
                    self.direct.setdefault(name, target)
                elif found is not None and found.module != name:
                    importers.setdefault(found.module, []).append(name)
        queue = deque(sorted(self.direct))
        for name in queue:
            self.next[name] = None
        while queue:
            current = queue.popleft()
            for importer in importers.get(current, ()):
                if importer not in self.next:
                    self.next[importer] = current
                    queue.append(importer)

    def is_forbidden(self, target: str) -> bool:
        return target.partition(".")[0] in self.forbidden or (
            bool(self.dotted) and (target in self.dotted or target.startswith(self.dotted_below))
        )

    def path(self, name: str) -> list[str] | None:
        """``[name, ..., forbidden import]`` when ``name`` reaches a forbidden package."""
        if name not in self.next:
            return None
        chain = [name]
        current = name
        while (step := self.next[current]) is not None:
            chain.append(step)
            current = step
        chain.append(self.direct[current])
        return chain


def statements(facts: ModuleFacts) -> list[list[Import]]:
    """The module's imports grouped by statement (``from x import a, b`` is one)."""
    grouped: dict[tuple[int, int], list[Import]] = {}
    for imp in facts.imports:
        grouped.setdefault((imp.line, imp.column), []).append(imp)
    return list(grouped.values())


def chains(ctx: Context, start: ModuleFacts, reach: Reach) -> Iterable[tuple[Import, list[str]]]:
    """Per import statement of ``start`` that reaches a forbidden package, one shortest chain."""
    for statement in statements(start):
        best: list[str] | None = None
        for imp in statement:
            if imp.type_checking:
                continue
            if reach.is_forbidden(imp.target):
                path = [start.module, imp.target]
            else:
                first = reach.resolve(imp.target)
                if first is None or first.module == start.module:
                    continue
                found = reach.path(first.module)
                if found is None:
                    continue
                path = [start.module, *found]
            if best is None or len(path) < len(best):
                best = path
        if best is not None:
            yield statement[0], best


def _pure_core(ctx: Context) -> Iterable[Finding]:
    core = core_modules(ctx)
    if not core:
        ctx.note(
            "INF001",
            "no core modules found, so no module was checked for purity; name them with "
            "`core` in the record's check: section or [tool.planner.check]",
        )
        return
    reach = Reach(ctx.modules, ctx.config.forbidden)
    for facts in core:
        for imp, path in chains(ctx, facts, reach):
            yield Finding(
                "INF001",
                ctx.rel(facts.path),
                imp.line,
                imp.column,
                f"the core reaches {path[-1]}: {' -> '.join(path)}",
                code=imp.target,
            )


def _is_view(ctx: Context, facts: ModuleFacts) -> bool:
    return any(part in ctx.config.views for part in facts.module.split(".")[1:])


def _views_use_repositories(ctx: Context) -> Iterable[Finding]:
    storage = Parts(s.replace("{package}", ctx.package) for s in ctx.config.storage)
    views = [f for f in ctx.app_modules() if _is_view(ctx, f)]
    if not views:
        ctx.note(
            "INF002",
            "no view modules found; name their packages with `views` in the check settings",
        )
    for facts in views:
        for statement in statements(facts):
            hit = next(
                (imp for imp in statement if not imp.type_checking and storage(imp.target)),
                None,
            )
            if hit is not None:
                yield Finding(
                    "INF002",
                    ctx.rel(facts.path),
                    hit.line,
                    hit.column,
                    f"a view imports {hit.target}; go through the repository instead",
                    code=hit.target,
                )


RULES = (
    Rule(
        "INF001",
        "infrastructure",
        "domain and services import neither the framework nor the ORM, even indirectly",
        lambda ctx: ctx.answer("infrastructure.isolation") == "ports_and_adapters",
        _pure_core,
        decides=("infrastructure.isolation",),
    ),
    Rule(
        "INF002",
        "infrastructure",
        "views reach storage through repositories, not the ORM session",
        lambda ctx: ctx.answer("infrastructure.isolation") in ("repository", "ports_and_adapters"),
        _views_use_repositories,
        decides=("infrastructure.isolation",),
    ),
)

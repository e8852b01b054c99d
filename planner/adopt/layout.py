"""Heuristic 4, layout: by feature, by layer or ports and adapters; the real feature names."""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.adopt.choices import has, pick, value
from planner.adopt.codebase import Codebase, first
from planner.adopt.model import Answer, Evidence, contradicted, left_open
from planner.questions.model import Bank

LAYERS = {
    "models",
    "model",
    "views",
    "routes",
    "services",
    "service",
    "repository",
    "repositories",
    "forms",
    "schemas",
    "api",
    "handlers",
    "controllers",
    "blueprint",
    "blueprints",
    "resources",
    "serializers",
    "tasks",
    "domain",
    "adapters",
    "entrypoints",
    "endpoints",
    "queries",
    "commands",
}
LAYER_PACKAGES = {
    "models",
    "views",
    "routes",
    "services",
    "repositories",
    "schemas",
    "controllers",
    "forms",
    "serializers",
    "handlers",
    "endpoints",
    "resources",
    "api",
}
PORTS = {"domain", "adapters"}
SUPPORT = {
    "tests",
    "test",
    "migrations",
    "templates",
    "static",
    "utils",
    "helpers",
    "core",
    "common",
    "cli",
    "commands",
    "plugins",
    "vendor",
    "contrib",
    "locale",
    "translations",
}


@dataclass
class Shape:
    """What the package's folders look like."""

    feature_root: str = ""  # dotted, relative to the package ("modules" in indico)
    features: dict[str, list[str]] = field(default_factory=dict)  # feature -> its layer modules
    layer_packages: dict[str, list[str]] = field(default_factory=dict)  # layer -> module stems
    ports: set[str] = field(default_factory=set)


def shape(code: Codebase) -> Shape:
    children: dict[
        str, dict[str, set[str]]
    ] = {}  # parent (dotted, relative) -> child -> grandchildren
    for facts in code.app_modules:
        parts = code.relative_module(facts).split(".") if code.relative_module(facts) else []
        for depth in range(len(parts)):
            parent = ".".join(parts[:depth])
            child = parts[depth]
            grand = parts[depth + 1] if depth + 1 < len(parts) else None
            entry = children.setdefault(parent, {}).setdefault(child, set())
            if grand:
                entry.add(grand)
    result = Shape()
    best = 0
    for parent in sorted(children, key=lambda p: (p.count("."), p)):
        if parent.count(".") > 1:
            continue
        found = {
            child: sorted(grand & LAYERS)
            for child, grand in children[parent].items()
            if len(grand & LAYERS) >= 2 and child not in LAYERS and child not in SUPPORT
        }
        if len(found) > best or (found and len(found) == best and parent == ""):
            best, result.feature_root, result.features = len(found), parent, found
    if result.feature_root:
        # A folder that holds the features (indico/modules/): a sibling built the same way is
        # a feature too, even when its name is one a layer or a support package often has
        # (modules/api with its controllers and views, modules/core with its settings pages).
        for child, below in children[result.feature_root].items():
            if child not in result.features and len(below & LAYERS) >= 2:
                result.features[child] = sorted(below & LAYERS)
        result.features = dict(sorted(result.features.items()))
    top = children.get("", {})
    result.layer_packages = {
        layer: sorted(g - {"__init__"}) for layer, g in top.items() if layer in LAYER_PACKAGES and g
    }
    result.ports = set(top) & PORTS
    return result


def _where(code: Codebase, relative: str) -> str:
    base = code.package_dir.relative_to(code.root).as_posix()
    return f"{base}/{relative.replace('.', '/')}/"


def style(code: Codebase, bank: Bank, found: Shape) -> Answer | None:
    qid = "layout.style"
    if found.ports == PORTS:
        evidence = [Evidence(_where(code, p), 0, "package") for p in sorted(found.ports)]
        return pick(bank, qid, "ports_and_adapters", "certain", evidence)
    feature_evidence = [
        Evidence(
            _where(code, f"{found.feature_root}.{f}".strip(".")),
            0,
            f"feature package with {', '.join(mods)}",
        )
        for f, mods in sorted(found.features.items())
    ]
    layer_evidence = [
        Evidence(_where(code, layer), 0, f"layer package with {len(mods)} modules")
        for layer, mods in sorted(found.layer_packages.items())
    ]
    single = next(iter(found.features.items()), ("", []))
    prefix = f"{found.feature_root}.{single[0]}".strip(".")
    share = sum(code.relative_module(f).startswith(prefix + ".") for f in code.app_modules)
    by_feature = len(found.features) >= 2 or (
        len(found.features) == 1
        and len(single[1]) >= 3  # one feature with its models, services and views
        and share * 2 <= len(code.app_modules)  # not the one folder all the code is in
        and len(found.layer_packages) < 2
    )
    by_layer = len(found.layer_packages) >= 2
    if by_feature and by_layer:
        return contradicted(
            qid,
            f"{len(found.features)} feature packages and "
            f"{len(found.layer_packages)} layer packages side by side",
            first([*feature_evidence, *layer_evidence], 8),
        )
    if by_feature:
        return pick(bank, qid, "by_feature", "likely", first(feature_evidence, 8))
    if by_layer:
        return pick(bank, qid, "by_layer", "likely", first(layer_evidence, 8))
    if len(code.app_modules) <= 12 and not found.features:
        return pick(
            bank,
            qid,
            "single_context",
            "guess",
            [],
            nearest=None,
            finding="a small package with neither features nor layers",
        )
    return left_open(qid, "neither feature packages nor layer packages were found")


def features(code: Codebase, bank: Bank, found: Shape, chosen: Answer | None) -> Answer | None:
    qid = "layout.features"
    kind = chosen.value if chosen is not None and not chosen.open else None
    names: list[str] = []
    evidence: list[Evidence] = []
    if kind == "by_feature":
        names = sorted(found.features)
        evidence = [
            Evidence(_where(code, f"{found.feature_root}.{n}".strip(".")), 0, "feature")
            for n in names
        ]
    elif kind == "by_layer":
        stems = [set(mods) for mods in found.layer_packages.values()]
        common = set.union(*stems) if stems else set()
        # a feature shows up in at least two layers
        names = sorted(n for n in common if sum(n in s for s in stems) >= 2)
        evidence = [
            Evidence(_where(code, layer), 0, ", ".join(mods))
            for layer, mods in sorted(found.layer_packages.items())
        ]
    elif kind == "ports_and_adapters":
        modules = {
            code.relative_module(f).split(".")[1]
            for f in code.app_modules
            if code.relative_module(f).count(".") == 1
            and code.relative_module(f).split(".")[0] in ("domain", "services")
        }
        names = sorted(m for m in modules if m != "__init__")
        evidence = [Evidence(_where(code, "domain"), 0, ", ".join(names))]
    if not names:
        return left_open(qid, "no feature names could be read from the layout")
    return value(bank, qid, names, "likely", evidence[:8])


def views(code: Codebase, bank: Bank, framework: str | None) -> Answer | None:
    qid = "layout.views"
    if framework == "falcon":
        return left_open(
            qid,
            "Falcon resources are classes (on_get, on_post); the view style is a Flask question",
        )
    classful = code.imports("flask_classful")
    method = code.imports("flask.views.MethodView", "flask.views.View")
    if classful:
        return pick(bank, qid, "classful", "certain", first(classful))
    if method:
        return pick(bank, qid, "method_views", "likely", first(method))
    view_modules = [
        f
        for f in code.app_modules
        if any(p in code.config.views or p == "controllers" for p in f.module.split(".")[1:])
    ]
    classes = sum(len(f.classes) for f in view_modules)
    functions = sum(len(f.functions - set(f.classes)) for f in view_modules)
    if view_modules and classes > functions:
        return left_open(
            qid,
            f"the views are the project's own classes ({classes} classes, {functions} functions "
            "in view modules), none of the styles the bank offers",
            [Evidence(code.rel(f.path), 0, f"{len(f.classes)} classes") for f in view_modules[:3]],
        )
    routes = [
        e
        for _, e in code.calls("route", "add_url_rule", "get", "post")
        if e.text.endswith(("route()", "add_url_rule()"))
        or (
            e.text.split(".")[0].lower() in ("bp", "blueprint", "api", "app")
            and not e.text.startswith("app.config")
        )
    ]
    if routes or code.imports("flask.Blueprint"):
        return pick(
            bank, qid, "functions", "likely", first(routes or code.imports("flask.Blueprint"))
        )
    return left_open(qid, "no views were found")


def public_interface(
    code: Codebase, bank: Bank, found: Shape, chosen: Answer | None, names: Answer | None
) -> Answer | None:
    """What one feature imports from another, read with the rule ``planner check`` applies."""
    qid = "layout.public_interface"
    if not has(bank, qid) or chosen is None:
        return None
    if chosen.open:
        return left_open(qid, "the layout is open, so there are no features to keep apart")
    if chosen.value != "by_feature" or names is None or names.open:
        return None
    import dataclasses

    from planner.check.rules.infrastructure import resolve, statements
    from planner.check.rules.layout import _feature_of
    from planner.check.rules.layout import features as feature_modules

    ctx = dataclasses.replace(
        code.context,
        answers={"layout.style": "by_feature", "layout.features": names.value},
        config=dataclasses.replace(code.config, feature_roots=(found.feature_root,)),
    )
    known = feature_modules(ctx)
    front, services, inside = [], [], []
    for facts in code.app_modules:
        own = _feature_of(code.relative_module(facts), known)
        if own is None:
            continue
        for statement in statements(facts):
            for imp in statement:
                target = resolve(ctx.modules, imp.target)
                if target is None:
                    continue
                relative = code.relative_module(target)
                other = _feature_of(relative, known)
                if other is None or other == own:
                    continue
                where = Evidence(code.rel(facts.path), imp.line, f"import {imp.target}")
                if relative == other:
                    front.append(where)
                elif relative == f"{other}.services":
                    services.append(where)
                else:
                    inside.append(where)
    total = len(front) + len(services) + len(inside)
    if not total:
        return left_open(qid, "no feature imports another, so the code cannot tell the boundary")
    if inside and len(inside) * 5 >= total:
        return pick(
            bank,
            qid,
            "no_rule",
            "likely",
            first(inside, 4),
            finding=f"{len(inside)} of {total} imports between features reach into another "
            "feature's modules",
        )
    if inside:
        return contradicted(
            qid,
            f"{total - len(inside)} imports between features keep to a front door, "
            f"{len(inside)} reach into another feature's modules",
            first(inside, 4) + first(front + services, 2),
        )
    if services and not front:
        return pick(bank, qid, "services_module", "likely", first(services, 4))
    return pick(bank, qid, "package_root", "likely", first(front + services, 4))


def src_layout(code: Codebase, bank: Bank) -> Answer | None:
    inside = code.package_dir.parent.name == "src" and code.package_dir.parent.parent == code.root
    where = code.package_dir.relative_to(code.root).as_posix()
    return value(
        bank, "layout.src_layout", inside, "certain", [Evidence(where + "/", 0, "the package")]
    )


def adopt(code: Codebase, bank: Bank, framework: str | None) -> tuple[list[Answer | None], Shape]:
    found = shape(code)
    chosen = style(code, bank, found)
    names = features(code, bank, found, chosen)
    return [
        chosen,
        views(code, bank, framework),
        src_layout(code, bank),
        names,
        public_interface(code, bank, found, chosen, names),
    ], found

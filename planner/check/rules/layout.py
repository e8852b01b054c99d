"""Heuristic 4, layout: decided features exist where the layout says, and keep to themselves."""

from __future__ import annotations

from collections.abc import Iterable

from planner.check.model import Context, Finding, Parts, Rule
from planner.check.rules.infrastructure import Resolver, statements


def _features_exist(ctx: Context) -> Iterable[Finding]:
    style = ctx.answer("layout.style", "by_feature")
    for feature in ctx.features:
        if style == "by_feature":
            # under each folder that holds the features (``feature-roots``; "" is the package)
            bases = [ctx.package_dir.joinpath(*r.split(".")) for r in ctx.config.feature_roots]
            places = [p for b in bases for p in (b / feature, b / f"{feature}.py")]
        elif style in ("by_layer", "single_context"):
            places = [p for p in ctx.package_dir.glob(f"*/{feature}.py")]
            if style == "single_context":  # a module of the one package, or a layer's module
                places.append(ctx.package_dir / f"{feature}.py")
        else:
            places = [ctx.package_dir / layer / f"{feature}.py" for layer in ("services", "domain")]
        if not any(p.exists() for p in places):
            yield Finding(
                "LAY001",
                ctx.anchor(),
                1,
                1,
                f"feature {feature!r} is decided but has no code here",
                code=feature,
            )


def features(ctx: Context) -> dict[str, str]:
    """Each feature's dotted module name (relative to the package) -> the feature's name."""
    found: dict[str, str] = {}
    decided = set(ctx.features)
    for root in ctx.config.feature_roots:
        prefix = f"{root}." if root else ""
        for facts in ctx.modules.values():
            relative = ctx.relative_module(facts)
            if not relative.startswith(prefix) or relative == root:
                continue
            parts = relative[len(prefix) :].split(".")
            if len(parts) < ctx.config.feature_depth:
                continue
            name = prefix + ".".join(parts[: ctx.config.feature_depth])
            leaf = parts[ctx.config.feature_depth - 1]
            if (decided and leaf in decided) or (not decided and root):
                found[name] = leaf
    return found


def _feature_of(relative: str, known: dict[str, str]) -> str | None:
    parts = relative.split(".")
    for end in range(1, len(parts) + 1):
        name = ".".join(parts[:end])
        if name in known:
            return name
    return None


def _exported_modules(ctx: Context, known: dict[str, str]) -> dict[str, set[str]]:
    """Per feature, the submodules its front door imports as modules (``from . import
    gmail``): ``from feature import gmail`` elsewhere takes a name the front door gives.
    A name imported from a submodule (``from .models import User``) does not make the
    submodule public."""
    out: dict[str, set[str]] = {}
    for feature in known:
        door = ctx.modules.get(f"{ctx.package}.{feature}")
        if door is not None:
            out[feature] = {
                i.target
                for i in door.imports
                if i.target in ctx.modules and i.target != door.module
            }
    return out


def _no_cross_feature_imports(ctx: Context) -> Iterable[Finding]:
    known = features(ctx)
    if not known:
        ctx.note(
            "LAY002",
            "no features found; record them (layout.features) or set `feature-roots`",
        )
        return
    services_public = ctx.answer("layout.public_interface") == "services_module"
    exported = _exported_modules(ctx, known)
    public = Parts(ctx.config.public)
    resolve = Resolver(ctx.modules)
    for facts in ctx.app_modules():
        own = _feature_of(ctx.relative_module(facts), known)
        if own is None:
            continue
        for statement in statements(facts):
            for imp in statement:
                target = resolve(imp.target)
                if target is None:
                    continue
                relative = ctx.relative_module(target)
                other = _feature_of(relative, known)
                if other is None or other == own or relative == other:
                    continue  # not a feature, the same one, or the feature's own front door
                if services_public and relative == f"{other}.services":
                    continue  # the recorded public interface: a feature's services module
                if public(relative):
                    continue
                if imp.target == target.module and target.module in exported.get(other, ()):
                    continue  # a module the front door itself imports: one of its names
                yield Finding(
                    "LAY002",
                    ctx.rel(facts.path),
                    imp.line,
                    imp.column,
                    f"feature {known[own]!r} reaches into {imp.target}; "
                    f"import what {known[other]!r} exports instead "
                    "(or list the module under `public` in the check settings)",
                    code=imp.target,
                )
                break


RULES = (
    Rule(
        "LAY001",
        "layout",
        "every decided feature exists where the layout puts it",
        lambda ctx: bool(ctx.features),
        _features_exist,
        decides=("layout.features", "layout.style"),
    ),
    Rule(
        "LAY002",
        "layout",
        "features do not import each other's internals",
        lambda ctx: (
            ctx.answer("layout.style") == "by_feature"
            and ctx.answer("layout.public_interface") != "no_rule"
        ),
        _no_cross_feature_imports,
        decides=("layout.style", "layout.features"),
    ),
)

"""Heuristic 4, layout: decided features exist where the layout says, and keep to themselves."""

from __future__ import annotations

from collections.abc import Iterable

from planner.check.model import Context, Finding, Rule


def _features_exist(ctx: Context) -> Iterable[Finding]:
    style = ctx.answer("layout.style", "by_feature")
    for feature in ctx.features:
        if style == "by_feature":
            places = [ctx.package_dir / feature, ctx.package_dir / f"{feature}.py"]
        elif style in ("by_layer", "single_context"):
            places = [p for p in ctx.package_dir.glob(f"*/{feature}.py")]
            if style == "single_context":  # a module of the one package, or a layer's module
                places.append(ctx.package_dir / f"{feature}.py")
        else:
            places = [ctx.package_dir / layer / f"{feature}.py" for layer in ("services", "domain")]
        if not any(p.exists() for p in places):
            yield Finding(
                "LAY001",
                ctx.rel(ctx.package_dir),
                1,
                1,
                f"feature {feature!r} is decided but has no code here",
            )


def _no_cross_feature_imports(ctx: Context) -> Iterable[Finding]:
    features = set(ctx.features)
    services_public = ctx.answer("layout.public_interface") == "services_module"
    for facts in ctx.app_modules():
        parts = facts.module.split(".")
        own = parts[1] if len(parts) > 1 and parts[1] in features else None
        if own is None:
            continue
        for imp in facts.imports:
            target = imp.target.split(".")
            exported = len(target) <= 2 or (services_public and target[2] == "services")
            if (
                not exported
                and target[0] == ctx.package
                and target[1] in features
                and target[1] != own
            ):
                yield Finding(
                    "LAY002",
                    ctx.rel(facts.path),
                    imp.line,
                    imp.column,
                    f"feature {own!r} reaches into {imp.target}; "
                    f"import what {target[1]!r} exports instead",
                )


RULES = (
    Rule(
        "LAY001",
        "layout",
        "every decided feature exists where the layout puts it",
        lambda ctx: bool(ctx.features),
        _features_exist,
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
    ),
)

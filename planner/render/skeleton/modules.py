"""Which files the skeleton has, where they go, and which test covers each module.

Every application module is described once (its template and the kind of test
that covers it); the test layout decision then only decides where each test
file lands: mirrored under ``tests/``, grouped by kind, or beside the module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from planner.render.skeleton.spec import Spec

IRREGULAR_SINGULARS = {
    "analyses": "analysis",
    "children": "child",
    "criteria": "criterion",
    "data": "data",
    "feet": "foot",
    "geese": "goose",
    "indices": "index",
    "matrices": "matrix",
    "media": "media",
    "men": "man",
    "mice": "mouse",
    "news": "news",
    "people": "person",
    "series": "series",
    "species": "species",
    "teeth": "tooth",
    "women": "woman",
}
"""Plural nouns that the suffix rules below would get wrong."""


def singular(word: str) -> str:
    """``accounts`` -> ``account``, ``categories`` -> ``category``, ``people`` -> ``person``."""
    if word in IRREGULAR_SINGULARS:
        return IRREGULAR_SINGULARS[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if word.endswith(("ss", "us", "is")) or len(word) <= 3:
        return word
    if word.endswith("s"):
        return word[:-1]
    return word


def singular_words(name: str) -> list[str]:
    """A feature name's words, the last one singular: ``billing_items`` -> billing, item."""
    words = name.split("_")
    return [*words[:-1], singular(words[-1])]


@dataclass(frozen=True)
class Feature:
    """A feature's name and the dotted modules that hold its parts in this layout."""

    name: str
    models: str
    repository: str | None
    services: str
    routes: str
    plural_entity: bool = False
    """Keep the plural in class names: two features would otherwise share one."""

    @property
    def words(self) -> list[str]:
        return self.name.split("_") if self.plural_entity else singular_words(self.name)

    @property
    def entity(self) -> str:
        """The class-name stem: one entry of the feature (``accounts`` -> ``Account``)."""
        return "".join(part.capitalize() for part in self.words)

    @property
    def noun(self) -> str:
        """One entry in words, for messages: ``billing item``."""
        return " ".join(self.words)

    @property
    def table(self) -> str:
        return self.name

    @property
    def url(self) -> str:
        return "/" + self.name.replace("_", "-")


@dataclass(frozen=True)
class Module:
    """One generated Python module: dotted name (relative to the package) and its templates."""

    dotted: str
    template: str
    test_template: str | None = None
    test_kind: str = "unit"
    context: dict[str, Any] = field(default_factory=dict)

    @property
    def is_package(self) -> bool:
        return self.template.endswith("__init__.py.j2")

    def path(self, spec: Spec) -> str:
        parts = self.dotted.split(".") if self.dotted else []
        if self.is_package:
            return "/".join([spec.package_dir, *parts, "__init__.py"])
        return "/".join([spec.package_dir, *parts]) + ".py"

    def test_path(self, spec: Spec) -> str:
        parts = self.dotted.split(".")
        name = spec.test_file(parts[-1])
        if spec.test_layout == "colocated":
            return "/".join([spec.package_dir, *parts[:-1], name])
        if spec.test_layout in ("by_kind", "flat"):
            folder = f"tests/{self.test_kind}" if spec.test_layout == "by_kind" else "tests"
            return f"{folder}/{spec.test_file('_'.join(parts))}"
        return "/".join(["tests", *parts[:-1], name])


def features(spec: Spec) -> list[Feature]:
    stems = [tuple(singular_words(name)) for name in spec.features]
    out = []
    for name in spec.features:
        plural = stems.count(tuple(singular_words(name))) > 1
        if spec.layout == "ports_and_adapters":
            out.append(
                Feature(
                    name,
                    f"domain.{name}",
                    f"adapters.{name}",
                    f"services.{name}",
                    f"entrypoints.{name}",
                    plural,
                )
            )
        elif spec.layout == "by_layer":
            repo = f"repositories.{name}" if spec.repository else None
            out.append(
                Feature(name, f"models.{name}", repo, f"services.{name}", f"views.{name}", plural)
            )
        else:
            repo = f"{name}.repository" if spec.repository else None
            out.append(
                Feature(name, f"{name}.models", repo, f"{name}.services", f"{name}.routes", plural)
            )
    return out


FALCON_VARIANTS = frozenset(
    {
        "package/app.py.j2",
        "package/health.py.j2",
        "package/home.py.j2",
        "package/composition.py.j2",
        "package/container.py.j2",
        "package/http_client.py.j2",
        "package/cache.py.j2",
        "feature/routes.py.j2",
        "tests/test_app.py.j2",
        "tests/test_wsgi.py.j2",
        "tests/test_settings.py.j2",
        "tests/test_logging_setup.py.j2",
        "tests/test_health.py.j2",
        "tests/test_home.py.j2",
        "tests/test_request_id.py.j2",
        "tests/test_database.py.j2",
        "tests/test_composition.py.j2",
        "tests/test_container.py.j2",
        "tests/test_http_client.py.j2",
        "tests/test_cache.py.j2",
        "tests/feature/test_repository.py.j2",
        "tests/feature/test_routes.py.j2",
    }
)


def template_for(spec: Spec, name: str) -> str:
    """The Falcon variant of a template where the entrypoints differ, else the shared one."""
    return f"falcon/{name}" if spec.falcon and name in FALCON_VARIANTS else name


def modules(spec: Spec) -> list[Module]:
    """Every module of the application package, in a stable order."""
    return [
        Module(
            m.dotted,
            template_for(spec, m.template),
            template_for(spec, m.test_template) if m.test_template else None,
            m.test_kind,
            m.context,
        )
        for m in _modules(spec)
    ]


def _modules(spec: Spec) -> list[Module]:
    mods = [
        Module("", "package/__init__.py.j2"),
        Module("app", "package/app.py.j2", "tests/test_app.py.j2", "integration"),
        Module("wsgi", "package/wsgi.py.j2", "tests/test_wsgi.py.j2", "e2e"),
        Module("settings", "package/settings.py.j2", "tests/test_settings.py.j2"),
        Module("logging_setup", "package/logging_setup.py.j2", "tests/test_logging_setup.py.j2"),
        Module("health", "package/health.py.j2", "tests/test_health.py.j2", "e2e"),
        Module(
            spec.wiring_module,
            f"package/{spec.wiring_module}.py.j2",
            f"tests/test_{spec.wiring_module}.py.j2",
            "integration",
        ),
    ]
    mods.append(Module("home", "package/home.py.j2", "tests/test_home.py.j2", "e2e"))
    if spec.request_id:
        mods.append(
            Module("request_id", "package/request_id.py.j2", "tests/test_request_id.py.j2", "e2e")
        )
    if spec.uow:
        mods.append(
            Module("unit_of_work", "package/unit_of_work.py.j2", "tests/test_unit_of_work.py.j2")
        )
    if spec.has_db:
        mods.append(
            Module("database", "package/database.py.j2", "tests/test_database.py.j2", "integration")
        )
    if spec.http_client:
        mods.append(
            Module("http_client", "package/http_client.py.j2", "tests/test_http_client.py.j2")
        )
    if spec.cache:
        mods.append(Module("cache", "package/cache.py.j2", "tests/test_cache.py.j2"))
    if spec.falcon and spec.has_db:
        mods.append(
            Module("cli", "falcon/package/cli.py.j2", "falcon/tests/test_cli.py.j2", "integration")
        )
    feats = features(spec)
    packages: set[str] = set()
    for feat in feats:
        for dotted in (feat.models, feat.repository, feat.services, feat.routes):
            if dotted and "." in dotted:
                packages.add(dotted.rsplit(".", 1)[0])
    for package in sorted(packages):
        mods.append(
            Module(package, "package/subpackage/__init__.py.j2", context={"subpackage": package})
        )
    for feat in feats:
        ctx = {"feature": feat}
        mods.append(
            Module(
                feat.models, "feature/models.py.j2", "tests/feature/test_models.py.j2", "unit", ctx
            )
        )
        if feat.repository:
            mods.append(
                Module(
                    feat.repository,
                    "feature/repository.py.j2",
                    "tests/feature/test_repository.py.j2",
                    "integration",
                    ctx,
                )
            )
        mods.append(
            Module(
                feat.services,
                "feature/services.py.j2",
                "tests/feature/test_services.py.j2",
                "unit",
                ctx,
            )
        )
        mods.append(
            Module(
                feat.routes, "feature/routes.py.j2", "tests/feature/test_routes.py.j2", "e2e", ctx
            )
        )
    return mods

"""Heuristic 5, testing: the test for every module is where the layout decision says."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from planner.check.config import CheckConfig
from planner.check.model import Context, Finding, Rule

# The file names each recorded ``testing.naming`` gives a module's test (the bank's choices).
NAMING: dict[str, tuple[str, ...]] = {
    "test_prefix": ("test_{name}.py", "test_{name}_*.py"),
    "test_suffix": ("{name}_test.py",),
}
DEFAULT_PATTERNS = CheckConfig().test_patterns


def patterns(ctx: Context) -> tuple[str, ...]:
    """The test file names TST001 accepts for a module, ``{name}`` standing for its name.

    The configured patterns; when the record decides the naming, the default patterns
    narrowed to it (patterns added with ``extend-test-patterns`` stay). Patterns a team
    set with ``test-patterns`` win over the recorded naming."""
    config = ctx.config
    decided = NAMING.get(str(ctx.answer("testing.naming")))
    defaults = DEFAULT_PATTERNS
    if (
        decided is None
        or "test-patterns" in config.given
        or config.test_patterns[: len(defaults)] != defaults
    ):
        return config.test_patterns
    added = config.test_patterns[len(defaults) :]  # extend-test-patterns appends to them
    return (*(p for p in defaults if p in decided), *added)


def _names(names: tuple[str, ...], stem: str) -> list[str]:
    return [p.replace("{name}", stem) for p in names if "*" not in p]


def folders(ctx: Context) -> list[str]:
    """The test folders (relative to the project): each configured one beside the package
    and inside it (``tests``, ``shop/tests``), those that exist first, so a finding names
    the folder the project uses."""
    package = ctx.rel(ctx.package_dir)
    every = [*ctx.config.test_folders, *(f"{package}/{f}" for f in ctx.config.test_folders)]
    return sorted(every, key=lambda f: not _is_folder(ctx.root / f))


def _is_folder(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink()


def expected(
    ctx: Context,
    path: Path,
    kinds: list[str] | None = None,
    names: tuple[str, ...] | None = None,
    where: list[str] | None = None,
) -> list[str]:
    """Where the test of the module at ``path`` may be (paths relative to the project),
    the likeliest first.

    ``kinds``: the kind folders of a by-kind layout; ``names``: the accepted file name
    patterns; ``where``: the test folders; each computed when the caller has not."""
    package = ctx.rel(ctx.package_dir)
    relative = ctx.rel(path)[len(package) + 1 :]
    parent, _, filename = relative.rpartition("/")
    stem = filename[:-3] if filename.endswith(".py") else filename
    accepted = names if names is not None else patterns(ctx)
    files = _names(accepted, stem)
    layout = ctx.answer("testing.layout", "mirror")
    if layout == "colocated":
        here = f"{package}/{parent}/" if parent else f"{package}/"
        return [here + name for name in files]
    sub = f"{parent}/" if parent else ""
    where = where if where is not None else folders(ctx)
    if layout in ("by_kind", "flat"):
        # The whole dotted path in one name: tests/test_auth_views.py for auth/views.py.
        joined = _names(accepted, f"{parent.replace('/', '_')}_{stem}") if parent else []
        if layout == "flat":  # one folder, no kinds
            return [f"{folder}/{c}" for folder in where for c in (*joined, *files)]
        # In each kind folder: the mirrored path, or a shallower one (tests/unit/auth/ for
        # auth/services/x.py) unless a module of that name lives there (then the test is
        # that module's; a package is not asked for a test), or the kind folder itself
        # with a flat name.
        parts = parent.split("/") if parent else []
        above = []
        for end in range(len(parts), 0, -1):
            there = ctx.modules.get(".".join((ctx.package, *parts[:end], stem)))
            if end == len(parts) or there is None or there.is_package:
                above.append(f"{'/'.join(parts[:end])}/")
        kinds = kinds if kinds is not None else _kinds(ctx)
        return [
            *(f"{kind}/{a}{n}" for kind in kinds for a in above for n in files),
            *(f"{kind}/{c}" for kind in kinds for c in (*joined, *files)),
        ]
    return [f"{folder}/{sub}{n}" for folder in where for n in files]


def _kinds(ctx: Context) -> list[str]:
    """The kind folders (relative to the project): every folder directly in a test folder,
    beside the package or inside it (``tests/unit``, ``tests/endtoend``,
    ``shop/tests/functional``), ``unit`` first; ``tests/unit``... when there are none."""
    from planner.check.files import SKIPPED_FOLDERS

    package = ctx.rel(ctx.package_dir)
    found: list[str] = []
    for base in (
        *ctx.config.test_folders,
        *(f"{package}/{f}" for f in ctx.config.test_folders),
    ):
        folder = ctx.root / base
        if folder.is_dir() and not folder.is_symlink():
            kinds = sorted(
                (p.name for p in folder.iterdir() if p.is_dir() and not p.is_symlink()),
                key=lambda name: (name != "unit", name),
            )
            found += [
                f"{base}/{k}" for k in kinds if k not in SKIPPED_FOLDERS and not k.startswith(".")
            ]
    defaults = [f"{f}/{k}" for f in ctx.config.test_folders for k in ("unit", "integration", "e2e")]
    return found or defaults


class _TestIndex:
    """The test files directly in a test folder: the flat per-feature convention
    (``tests/test_auth.py`` or ``shop/tests/auth_test.py`` for the modules of ``auth/``,
    ``tests/test_views.py`` for ``views.py``)."""

    def __init__(self, ctx: Context, names: tuple[str, ...]) -> None:
        self.names: set[str] = set()
        self.patterns = names
        roots = [ctx.root / f for f in ctx.config.test_folders]
        roots += [ctx.package_dir / f for f in ctx.config.test_folders]
        for root in roots:
            if root.is_dir():
                self.names.update(p.name for p in root.glob("*.py"))

    def covers(self, ctx: Context, path: Path) -> bool:
        folders = ctx.rel(path)[len(ctx.rel(ctx.package_dir)) + 1 :].split("/")[:-1]
        for stem in (path.stem, *folders):
            for pattern in self.patterns:
                name = pattern.replace("{name}", stem)
                if "*" in name:
                    prefix, _, suffix = name.partition("*")
                    if any(n.startswith(prefix) and n.endswith(suffix) for n in self.names):
                        return True
                elif name in self.names:
                    return True
        return False


def _python_names(folder: Path, base: str, found: set[str]) -> None:
    """Add the ``.py`` names under ``folder`` as ``os.walk`` lists them (links to folders
    are not entered, skipped folders are pruned), each as ``base/relative/name``."""
    from planner.check.files import SKIPPED_FOLDERS

    stack = [(str(folder), base)]
    while stack:
        current, relative = stack.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if not is_dir:
                if name.endswith(".py"):
                    found.add(f"{relative}/{name}")
                continue
            try:
                link = entry.is_symlink()
            except OSError:
                link = False
            if name not in SKIPPED_FOLDERS and not link:
                stack.append((entry.path, f"{relative}/{name}"))


def _existing(ctx: Context) -> set[str]:
    """Every Python file under the test folders and the package (relative to the project),
    listed once instead of a stat per candidate."""
    found: set[str] = set()
    roots = [ctx.root / f for f in ctx.config.test_folders] + [ctx.package_dir]
    for root in roots:
        _python_names(root, ctx.rel(root), found)
    return found


def _tests_exist(ctx: Context) -> Iterable[Finding]:
    index: _TestIndex | None = None
    existing = _existing(ctx)
    layout = ctx.answer("testing.layout", "mirror")
    kinds = _kinds(ctx) if layout == "by_kind" else None
    names = patterns(ctx)
    where = folders(ctx)
    checked = 0
    for facts in ctx.app_modules():
        if (
            facts.is_package
            or facts.empty
            or facts.path.name == "__main__.py"
            or ctx.is_cli(facts)
            or facts.syntax_error
        ):
            continue
        checked += 1
        candidates = expected(ctx, facts.path, kinds, names, where)
        if any(c in existing for c in candidates):
            continue
        if layout in ("mirror", "flat"):
            index = index or _TestIndex(ctx, names)
            if index.covers(ctx, facts.path):
                continue
        yield Finding("TST001", ctx.rel(facts.path), 1, 1, f"no test at {candidates[0]}")
    if not checked:
        ctx.note("TST001", "no application module to look for tests of")


RULES = (
    Rule(
        "TST001",
        "testing",
        "every module has its test where the test layout puts it",
        lambda ctx: ctx.answer("testing.layout") in ("mirror", "by_kind", "colocated", "flat"),
        _tests_exist,
        decides=("testing.layout", "testing.naming"),
    ),
)

"""Findings, rules and what rules look at."""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from planner.check.config import CheckConfig
from planner.check.facts import ModuleFacts
from planner.questions.model import Value

Severity = Literal["error", "warning"]
_GLOB = frozenset("*?[")


@dataclass(frozen=True)
class Finding:
    rule: str
    path: str
    line: int
    column: int
    message: str
    severity: Severity = "error"
    code: str = ""  # the code involved (an import, a call): with rule and path, its fingerprint
    fingerprint: str = ""


def parts_match(name: str, pattern: str) -> bool:
    """``pattern`` names ``name`` or a package above it (``domain`` matches ``domain.users``)."""
    if not pattern:
        return True
    if name == pattern or name.startswith(pattern + "."):
        return True
    if not _GLOB.intersection(pattern):
        return False  # without wildcards the globs below say the same as the tests above
    return fnmatch.fnmatchcase(name, pattern) or fnmatch.fnmatchcase(name, pattern + ".*")


class Parts:
    """:func:`parts_match` against several patterns, compiled once and remembered per name."""

    def __init__(self, patterns: Iterable[str]) -> None:
        self.patterns = tuple(patterns)
        self.any = "" in self.patterns
        self.exact = frozenset(p for p in self.patterns if p)
        self.prefixes = tuple(p + "." for p in self.patterns if p)
        globs = [p for p in self.patterns if _GLOB.intersection(p)]
        self.glob = (
            re.compile("|".join(fnmatch.translate(g) for p in globs for g in (p, p + ".*"))).match
            if globs
            else None
        )
        self.memo: dict[str, bool] = {}

    def __call__(self, name: str) -> bool:
        found = self.memo.get(name)
        if found is None:
            found = (
                self.any
                or name in self.exact
                or name.startswith(self.prefixes)
                or (self.glob is not None and self.glob(name) is not None)
            )
            self.memo[name] = found
        return found


class Names:
    """Matches dotted call or class names against names like ``getLogger`` or ``log.setup``.

    Built once per rule run: most calls are rejected by their last name part alone.
    """

    def __init__(self, patterns: Iterable[str]) -> None:
        self.patterns = tuple(patterns)
        self.globbing = any(c in p for p in self.patterns for c in "*?[")
        self.lasts = {p.rpartition(".")[2] for p in self.patterns}
        self.memo: dict[str, bool] = {}

    def __call__(self, name: str) -> bool:
        found = self.memo.get(name)
        if found is None:
            if not self.globbing and name.rpartition(".")[2] not in self.lasts:
                found = False
            else:
                found = _name_matches(name, self.patterns)
            self.memo[name] = found
        return found

    def select(self, names: Iterable[str]) -> set[str]:
        """The names that match, most rejected by their last part without a call."""
        if self.globbing:
            return {name for name in names if self(name)}
        lasts = self.lasts
        return {name for name in names if name.rpartition(".")[2] in lasts and self(name)}


def name_matches(name: str, patterns: Iterable[str]) -> bool:
    """One name against ``patterns`` (see :class:`Names` for many names)."""
    return _name_matches(name, patterns)


def _name_matches(name: str, patterns: Iterable[str]) -> bool:
    for pattern in patterns:
        if name == pattern or name.endswith("." + pattern):
            return True
        if any(c in pattern for c in "*?[") and (
            fnmatch.fnmatchcase(name, pattern)
            or fnmatch.fnmatchcase(name.rsplit(".", 1)[-1], pattern)
        ):
            return True
    return False


def _never(name: str) -> None:
    return None


@dataclass
class Context:
    """The project as the rules see it: answers, configuration, module facts and file access."""

    root: Path
    package: str
    package_dir: Path
    answers: Mapping[str, Value]
    modules: dict[str, ModuleFacts] = field(default_factory=dict)
    config: CheckConfig = field(default_factory=CheckConfig)
    notes: list[str] = field(default_factory=list)
    requires_python: str | None = None
    _app: list[ModuleFacts] | None = None
    _cli: dict[Path, bool] = field(default_factory=dict, repr=False, compare=False)
    _cli_parts: Parts | None = field(default=None, repr=False, compare=False)
    _root: str = field(default="", repr=False, compare=False)
    _calls: set[str] | None = field(default=None, repr=False, compare=False)
    _test_names: Callable[[str], object] | None = field(default=None, repr=False, compare=False)

    def answer(self, qid: str, default: Value = None) -> Value:
        return self.answers.get(qid, default)

    @property
    def features(self) -> list[str]:
        value = self.answers.get("layout.features")
        return list(value) if isinstance(value, list) else []

    def rel(self, path: Path) -> str:
        """``path`` relative to the project, with ``/`` (as ``relative_to`` and ``as_posix``)."""
        root = self._root
        if not root:
            root = self._root = os.path.join(str(self.root), "")
        text = str(path)
        if os.sep == "/":  # both are normalised paths, so ``relative_to`` is a lexical prefix
            if root == "./":
                return text  # relative to ``.``: itself (an absolute path is kept as it is too)
            if len(text) > len(root) and text.startswith(root):
                return text[len(root) :]
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def relative_module(self, facts: ModuleFacts) -> str:
        """``pkg.a.b`` -> ``a.b``; the package itself is ``""``."""
        return facts.module.partition(".")[2]

    def is_test(self, facts: ModuleFacts) -> bool:
        name = facts.path.name
        if name == "conftest.py":
            return True
        if self._test_names is None:
            globs = [fnmatch.translate(p.replace("{name}", "*")) for p in self.config.test_patterns]
            self._test_names = re.compile("|".join(globs)).match if globs else _never
        if self._test_names(name) is not None and facts.path.stem != "__init__":
            return True
        return any(part in self.config.test_folders for part in facts.module.split(".")[1:])

    def is_migration(self, facts: ModuleFacts) -> bool:
        """In a migrations folder (a module merely named ``migration.py`` is not)."""
        folders = facts.module.split(".")[1:]
        if not facts.is_package:
            folders = folders[:-1]
        return any(part in self.config.migrations for part in folders)

    def is_cli(self, facts: ModuleFacts) -> bool:
        found = self._cli.get(facts.path)
        if found is None:
            if self._cli_parts is None:
                self._cli_parts = Parts(self.config.cli)
            found = self._cli_parts(self.relative_module(facts)) or any(
                part in self.config.cli for part in facts.module.split(".")[1:]
            )
            self._cli[facts.path] = found
        return found

    def app_modules(self) -> list[ModuleFacts]:
        """Modules of the application package, tests and migrations excluded."""
        if self._app is None:
            self._app = [
                facts
                for facts in self.modules.values()
                if not self.is_test(facts) and not self.is_migration(facts)
            ]
        return self._app

    def call_names(self) -> set[str]:
        """Every name called in the application's modules (to match names once, not calls)."""
        if self._calls is None:
            self._calls = set().union(*(facts.called for facts in self.app_modules()))
        return self._calls

    def anchor(self) -> str:
        """The file a project-level finding points at: the package's ``__init__.py``."""
        for candidate in (self.package_dir / "__init__.py", self.root / "pyproject.toml"):
            if candidate.is_file():
                return self.rel(candidate)
        return self.rel(self.package_dir)

    def note(self, rule: str, message: str) -> None:
        self.notes.append(f"{rule}: {message}")


@dataclass(frozen=True)
class Rule:
    id: str
    heuristic: str
    summary: str
    applies: Callable[[Context], bool]
    check: Callable[[Context], Iterable[Finding]]
    severity: Severity = "error"
    decides: tuple[str, ...] = ()  # the recorded answers the rule enforces

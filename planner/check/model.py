"""Findings, rules and what rules look at."""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from planner.check.config import CheckConfig
from planner.check.facts import ModuleFacts
from planner.questions.model import Value

Severity = Literal["error", "warning"]


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
    return (
        name == pattern
        or name.startswith(pattern + ".")
        or fnmatch.fnmatchcase(name, pattern)
        or fnmatch.fnmatchcase(name, pattern + ".*")
    )


def name_matches(name: str, patterns: Iterable[str]) -> bool:
    """A dotted call or class name against names like ``getLogger`` or ``log.setup``."""
    for pattern in patterns:
        if name == pattern or name.endswith("." + pattern):
            return True
        if any(c in pattern for c in "*?[") and (
            fnmatch.fnmatchcase(name, pattern)
            or fnmatch.fnmatchcase(name.rsplit(".", 1)[-1], pattern)
        ):
            return True
    return False


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

    def answer(self, qid: str, default: Value = None) -> Value:
        return self.answers.get(qid, default)

    @property
    def features(self) -> list[str]:
        value = self.answers.get("layout.features")
        return list(value) if isinstance(value, list) else []

    def rel(self, path: Path) -> str:
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
        stem = facts.path.stem
        for pattern in self.config.test_patterns:
            if fnmatch.fnmatchcase(name, pattern.replace("{name}", "*")) and stem != "__init__":
                return True
        return any(part in self.config.test_folders for part in facts.module.split(".")[1:])

    def is_migration(self, facts: ModuleFacts) -> bool:
        """In a migrations folder (a module merely named ``migration.py`` is not)."""
        folders = facts.module.split(".")[1:]
        if not facts.is_package:
            folders = folders[:-1]
        return any(part in self.config.migrations for part in folders)

    def is_cli(self, facts: ModuleFacts) -> bool:
        return any(parts_match(self.relative_module(facts), p) for p in self.config.cli) or any(
            part in self.config.cli for part in facts.module.split(".")[1:]
        )

    def app_modules(self) -> list[ModuleFacts]:
        """Modules of the application package, tests and migrations excluded."""
        if self._app is None:
            self._app = [
                facts
                for facts in self.modules.values()
                if not self.is_test(facts) and not self.is_migration(facts)
            ]
        return self._app

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

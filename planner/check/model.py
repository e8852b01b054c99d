"""Findings, rules and what rules look at."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

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


@dataclass
class Context:
    """The project as the rules see it: answers, module facts and file access."""

    root: Path
    package: str
    package_dir: Path
    answers: Mapping[str, Value]
    modules: dict[str, ModuleFacts] = field(default_factory=dict)

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

    def app_modules(self) -> Iterable[ModuleFacts]:
        """Modules of the application package, tests and migrations excluded."""
        for facts in self.modules.values():
            name = facts.path.name
            if (
                name.startswith("test_")
                or name == "conftest.py"
                or "migrations" in facts.path.parts
            ):
                continue
            yield facts


@dataclass(frozen=True)
class Rule:
    id: str
    heuristic: str
    summary: str
    applies: Callable[[Context], bool]
    check: Callable[[Context], Iterable[Finding]]
    severity: Severity = "error"

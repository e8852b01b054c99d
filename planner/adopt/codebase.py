"""The codebase as adopt sees it: check's per-file facts (and cache) plus the project's files.

Python files are never parsed here: their facts come from ``planner.check`` (one
parser, one cache, shared with ``planner check``). Other files (Dockerfile, CI
pipelines, pyproject.toml) are read as text with check's safe reader.
"""

from __future__ import annotations

import configparser
import fnmatch
import os
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from planner.adopt.model import AdoptError, Evidence
from planner.check.config import CheckConfig
from planner.check.facts import Call, Import, ModuleFacts
from planner.check.files import SKIPPED_FOLDERS, Unreadable, python_files, read_text
from planner.check.model import Context, name_matches

_NOT_PACKAGES = {
    "tests",
    "test",
    "docs",
    "doc",
    "examples",
    "scripts",
    "migrations",
    "build",
    "dist",
}
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_VENDORED = {"vendor", "_vendor", "vendored", "third_party", "thirdparty", "externals"}
_MAX_FILES = 20000  # non-Python files listed; a larger tree is cut short, not walked forever


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def find_package(root: Path, wanted: str | None = None) -> tuple[str, Path, list[str]]:
    """The application package: ``wanted``, else the one pyproject names, else the largest.

    Returns its name, folder and notes on how it was chosen; :class:`AdoptError` when none.
    """
    notes: list[str] = []
    candidates: dict[str, Path] = {}
    for base in (root / "src", root):
        if not base.is_dir() or base.is_symlink():
            continue
        for entry in sorted(base.iterdir(), key=lambda p: p.name):
            if (
                entry.is_dir()
                and not entry.is_symlink()
                and entry.name.isidentifier()
                and entry.name not in _NOT_PACKAGES
                and entry.name not in SKIPPED_FOLDERS
                and (entry / "__init__.py").is_file()
            ):
                candidates.setdefault(entry.name, entry)
    if wanted:
        if wanted in candidates:
            return wanted, candidates[wanted], notes
        raise AdoptError(
            f"package {wanted!r} not found under {root} (looked in src/{wanted} and {wanted})"
        )
    if not candidates:
        raise AdoptError(
            f"{root}: no Python package found (a folder with __init__.py, here or under src/); "
            "planner adopt reads the decisions of an existing Python service"
        )
    if len(candidates) == 1:
        name = next(iter(candidates))
        return name, candidates[name], notes
    project = _project_name(root)
    if project:
        for name, path in candidates.items():
            if _normal(name) == _normal(project):
                notes.append(f"package {name} chosen because pyproject.toml names the project so")
                return name, path, notes
    sizes = {name: sum(1 for _ in python_files(path)) for name, path in candidates.items()}
    name = max(sorted(sizes), key=lambda n: sizes[n])
    others = ", ".join(sorted(n for n in candidates if n != name))
    notes.append(f"package {name} chosen as the largest; also found {others} (use --package)")
    return name, candidates[name], notes


def _project_name(root: Path) -> str | None:
    try:
        data = tomllib.loads(read_text(root / "pyproject.toml", root))
    except (Unreadable, tomllib.TOMLDecodeError, RecursionError):
        return None
    project = data.get("project")
    name = project.get("name") if isinstance(project, dict) else None
    return name if isinstance(name, str) else None


@dataclass
class Codebase:
    """One project folder: its package's facts and the other files decisions show in."""

    root: Path
    package: str
    package_dir: Path
    modules: list[ModuleFacts]
    cached: int = 0
    notes: list[str] = field(default_factory=list)
    memo: dict[str, Any] = field(default_factory=dict)  # results heuristics share

    @cached_property
    def context(self) -> Context:
        return Context(
            self.root, self.package, self.package_dir, {}, {m.module: m for m in self.modules}
        )

    @property
    def config(self) -> CheckConfig:
        return self.context.config

    @cached_property
    def app_modules(self) -> list[ModuleFacts]:
        """Application code: tests and migrations left out."""
        return [
            m
            for m in self.context.app_modules()
            if not m.syntax_error and not _VENDORED & set(m.module.split("."))
        ]

    def rel(self, path: Path) -> str:
        return self.context.rel(path)

    def relative_module(self, facts: ModuleFacts) -> str:
        return self.context.relative_module(facts)

    # -- other files ---------------------------------------------------------------------

    @cached_property
    def files(self) -> list[str]:
        """Every regular file under the root (relative POSIX paths), skipping tool folders."""
        found: list[str] = []
        stack = [(str(self.root), "")]
        while stack and len(found) < _MAX_FILES:
            current, prefix = stack.pop()
            try:
                # in name order, so a tree over the limit always gives the same files
                entries = sorted(os.scandir(current), key=lambda e: e.name)
            except OSError:
                continue
            for entry in entries:
                try:
                    if entry.is_dir(follow_symlinks=False):
                        if entry.name not in SKIPPED_FOLDERS and entry.name != "node_modules":
                            stack.append((entry.path, f"{prefix}{entry.name}/"))
                    elif entry.is_file(follow_symlinks=False):
                        found.append(prefix + entry.name)
                except OSError:
                    continue
        return sorted(found)

    def matching(self, *patterns: str) -> list[str]:
        """The files matching any of the glob ``patterns`` (one compiled expression per call)."""
        regex = re.compile("|".join(fnmatch.translate(p) for p in patterns))
        return [f for f in self.files if regex.match(f)]

    def text(self, relative: str) -> str | None:
        try:
            return read_text(self.root / relative, self.root)
        except Unreadable:
            return None

    def lines(self, relative: str) -> list[str]:
        text = self.text(relative)
        return text.splitlines() if text is not None else []

    def grep(self, relative: str, pattern: str, flags: int = re.IGNORECASE) -> list[Evidence]:
        """Lines of a text file that match ``pattern``, as evidence."""
        regex = re.compile(pattern, flags)
        return [
            Evidence(relative, number, line.strip()[:160])
            for number, line in enumerate(self.lines(relative), 1)
            if regex.search(line)
        ]

    @cached_property
    def pyproject(self) -> dict[str, Any]:
        text = self.text("pyproject.toml")
        if text is None:
            return {}
        try:
            return tomllib.loads(text)
        except (tomllib.TOMLDecodeError, RecursionError):
            return {}

    @cached_property
    def dependencies(self) -> dict[str, Evidence]:
        """Required dependencies (pyproject, poetry, setup.cfg, requirements files) -> where.

        Optional extras and dependency groups are in :attr:`optional_dependencies`: an
        installation may leave them out, so they are weaker evidence.
        """
        found: dict[str, Evidence] = {}
        project = self.pyproject.get("project")
        if isinstance(project, dict):
            self._requirements(found, project.get("dependencies"))
        poetry = self._poetry()
        for name, spec in (poetry.get("dependencies") or {}).items():
            if name != "python" and not (isinstance(spec, dict) and spec.get("optional")):
                found.setdefault(_normal(name), self._poetry_evidence(name))
        if self.distribution:
            metadata = f"{self.distribution}/METADATA"
            for number, line in enumerate(self.lines(metadata), 1):
                if line.startswith("Requires-Dist:") and "extra ==" not in line:
                    match = _REQUIREMENT.match(line.partition(":")[2])
                    if match:
                        found.setdefault(
                            _normal(match.group(1)), Evidence(metadata, number, line.strip())
                        )
        for name in self.matching("requirements*.txt", "requirements/*.txt", "setup.cfg"):
            for number, line in enumerate(self.lines(name), 1):
                stripped = line.strip()
                if not stripped or stripped.startswith(("#", "-", "[")) or "=" in stripped[:1]:
                    continue
                if name == "setup.cfg" and not line.startswith((" ", "\t")):
                    continue
                match = _REQUIREMENT.match(stripped)
                if match:
                    found.setdefault(_normal(match.group(1)), Evidence(name, number, stripped))
        return found

    @cached_property
    def optional_dependencies(self) -> dict[str, tuple[str, Evidence]]:
        """Dependencies only in an optional extra or a dependency group -> (its name, where)."""
        found: dict[str, tuple[str, Evidence]] = {}
        project = self.pyproject.get("project")
        optional = project.get("optional-dependencies") if isinstance(project, dict) else None
        groups = self.pyproject.get("dependency-groups")  # PEP 735
        for table in (optional, groups):
            for group, items in table.items() if isinstance(table, dict) else ():
                single: dict[str, Evidence] = {}
                self._requirements(single, items)
                for name, evidence in single.items():
                    found.setdefault(name, (str(group), evidence))
        poetry = self._poetry()
        for name, spec in (poetry.get("dependencies") or {}).items():
            if isinstance(spec, dict) and spec.get("optional"):
                found.setdefault(_normal(name), ("extras", self._poetry_evidence(name)))
        tables: dict[str, object] = {
            str(group): table.get("dependencies")
            for group, table in (poetry.get("group") or {}).items()
            if isinstance(table, dict)
        }
        tables["dev"] = poetry.get("dev-dependencies")
        for group, table in tables.items():
            for name in table if isinstance(table, dict) else ():
                found.setdefault(_normal(name), (group, self._poetry_evidence(name)))
        if self.distribution:
            metadata = f"{self.distribution}/METADATA"
            for number, line in enumerate(self.lines(metadata), 1):
                extra = re.search(r"extra\s*==\s*['\"]([^'\"]+)", line)
                if line.startswith("Requires-Dist:") and extra:
                    match = _REQUIREMENT.match(line.partition(":")[2])
                    if match:
                        evidence = Evidence(metadata, number, line.strip())
                        found.setdefault(_normal(match.group(1)), (extra.group(1), evidence))
        required = self.dependencies
        return {name: at for name, at in found.items() if name not in required}

    def _requirements(self, found: dict[str, Evidence], items: object) -> None:
        for item in items if isinstance(items, list) else []:
            match = _REQUIREMENT.match(str(item))
            if match:
                at = self._line_of("pyproject.toml", str(item))
                found.setdefault(_normal(match.group(1)), Evidence("pyproject.toml", at, str(item)))

    def _poetry(self) -> dict[str, Any]:
        tool = self.pyproject.get("tool")
        poetry = tool.get("poetry") if isinstance(tool, dict) else None
        return poetry if isinstance(poetry, dict) else {}

    def _poetry_evidence(self, name: str) -> Evidence:
        for number, line in enumerate(self.lines("pyproject.toml"), 1):
            if re.match(rf"\s*[\"']?{re.escape(name)}[\"']?\s*=", line):
                return Evidence("pyproject.toml", number, line.strip()[:160])
        return Evidence("pyproject.toml", 0, name)

    @cached_property
    def distribution(self) -> str | None:
        """The ``*.dist-info`` folder when this tree is an unpacked wheel, not a repository."""
        found = sorted(
            {f.split("/")[0] for f in self.files if f.split("/")[0].endswith(".dist-info")}
        )
        return found[0] if found else None

    def dependency(self, *names: str) -> Evidence | None:
        """Where the first of ``names`` is a required dependency; None when none is."""
        for name in names:
            found = self.dependencies.get(_normal(name))
            if found is not None:
                return found
        return None

    def optional_dependency(self, *names: str) -> tuple[str, Evidence] | None:
        """The extra or group and place of the first of ``names`` that is only optional."""
        for name in names:
            found = self.optional_dependencies.get(_normal(name))
            if found is not None:
                return found
        return None

    def _line_of(self, relative: str, needle: str) -> int:
        for number, line in enumerate(self.lines(relative), 1):
            if needle in line:
                return number
        return 0

    def ini(self, relative: str) -> configparser.ConfigParser | None:
        text = self.text(relative)
        if text is None:
            return None
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read_string(text)
        except configparser.Error:
            return None
        return parser

    # -- facts helpers -------------------------------------------------------------------

    def imports(
        self, *targets: str, modules: Iterable[ModuleFacts] | None = None
    ) -> list[Evidence]:
        """Imports of ``targets`` (or anything below them) in the application code."""
        allowed = None if modules is None else {id(m) for m in modules}
        out = []
        for top in sorted({t.split(".", 1)[0] for t in targets}):
            for facts, imp in self._imports.get(top, ()):
                if allowed is not None and id(facts) not in allowed:
                    continue
                if any(imp.target == t or imp.target.startswith(t + ".") for t in targets):
                    out.append(Evidence(self.rel(facts.path), imp.line, f"import {imp.target}"))
        return sorted(out, key=lambda e: (e.path, e.line, e.text))

    @cached_property
    def _imports(self) -> dict[str, list[tuple[ModuleFacts, Import]]]:
        """Every import of the application code, by its top-level package (an index)."""
        index: dict[str, list[tuple[ModuleFacts, Import]]] = {}
        for facts in self.app_modules:
            for imp in facts.imports:
                index.setdefault(imp.target.split(".", 1)[0], []).append((facts, imp))
        return index

    def calls(
        self, *names: str, modules: Iterable[ModuleFacts] | None = None
    ) -> Iterator[tuple[ModuleFacts, Evidence]]:
        """Calls whose dotted name ends in one of ``names`` (``init_app``, ``logging.info``)."""
        for facts, call in self.call_sites(*names, modules=modules):
            yield facts, Evidence(self.rel(facts.path), call.line, f"{call.name}()")

    def call_sites(
        self, *names: str, modules: Iterable[ModuleFacts] | None = None
    ) -> list[tuple[ModuleFacts, Call]]:
        """The calls themselves, in module and line order, found through an index by name.

        Only the modules that call such a name have their calls decoded from the cache."""
        allowed = None if modules is None else {id(m) for m in modules}
        leaves: set[str] = set()
        for name in names:
            leaf = name.rsplit(".", 1)[-1]
            if any(c in leaf for c in "*?["):
                leaves.update(k for k in self._callers if fnmatch.fnmatchcase(k, leaf))
            elif leaf in self._callers:
                leaves.add(leaf)
        found = [
            (facts, call)
            for leaf in leaves
            for facts in self._callers[leaf]
            if allowed is None or id(facts) in allowed
            for call in facts.calls
            if call.name.rsplit(".", 1)[-1] == leaf and name_matches(call.name, names)
        ]
        found.sort(key=lambda item: (item[0].module, item[1].line, item[1].column))
        return found

    @cached_property
    def _callers(self) -> dict[str, list[ModuleFacts]]:
        """The application modules by the last part of each name they call (an index made
        from the names alone, without decoding any module's calls)."""
        index: dict[str, list[ModuleFacts]] = {}
        for facts in self.app_modules:
            for name in facts.called:
                callers = index.setdefault(name.rsplit(".", 1)[-1], [])
                if not callers or callers[-1] is not facts:
                    callers.append(facts)
        return index

    def strings(self, pattern: str, modules: Iterable[ModuleFacts] | None = None) -> list[Evidence]:
        """String constants matching ``pattern`` (a regular expression)."""
        regex = re.compile(pattern)
        out = []
        for facts in self.app_modules if modules is None else modules:
            for value, line in sorted(facts.strings.items(), key=lambda item: item[1]):
                if regex.search(value):
                    out.append(Evidence(self.rel(facts.path), line, repr(value)))
        return out


def first(items: Iterable[Evidence], limit: int = 5) -> list[Evidence]:
    """A few pieces of evidence, in file and line order."""
    return sorted(set(items), key=lambda e: (e.path, e.line, e.text))[:limit]

"""Sort the import block of a generated module the way ruff's isort rules expect.

Templates list the imports a module needs, conditionally; this puts them in
sections (future, standard library, third party, the project) and orders
them, so every combination of decisions yields a module that passes
``ruff check`` without the templates having to get the order right by hand.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable

LINE_LENGTH = 100
_FROM = re.compile(r"^from\s+(\S+)\s+import\s+(.+)$")
_IMPORT = re.compile(r"^import\s+(\S+)(\s+as\s+\S+)?$")


def _section(module: str, first_party: str) -> int:
    top = module.split(".")[0]
    if top == "__future__":
        return 0
    if top == first_party:
        return 3
    if top in sys.stdlib_module_names:
        return 1
    return 2


def _name_key(name: str) -> tuple[int, str]:
    base = name.split(" as ")[0]
    if base.isupper() and len(base) > 1:
        kind = 0
    elif base[:1].isupper():
        kind = 1
    else:
        kind = 2
    return kind, base.lower()


def _render_from(module: str, names: list[str]) -> str:
    line = f"from {module} import {', '.join(names)}"
    if len(line) <= LINE_LENGTH:
        return line
    inner = "".join(f"    {name},\n" for name in names)
    return f"from {module} import (\n{inner})"


def sort_imports(lines: Iterable[str], first_party: str) -> str:
    """The import block for ``lines`` (falsy entries are skipped), sections separated."""
    straight: dict[int, set[str]] = {}
    froms: dict[int, dict[str, set[str]]] = {}
    aliased: dict[int, set[tuple[str, str]]] = {}
    for raw in (part for entry in lines if entry for part in entry.splitlines()):
        if not raw.strip():
            continue
        line = " ".join(raw.split())
        match = _FROM.match(line)
        if match:
            module, names = match.group(1), [n.strip() for n in match.group(2).split(",")]
            section = _section(module, first_party)
            for name in names:
                if " as " in name:
                    aliased.setdefault(section, set()).add((module, name))
                else:
                    froms.setdefault(section, {}).setdefault(module, set()).add(name)
            continue
        match = _IMPORT.match(line)
        if not match:
            raise ValueError(f"not an import: {raw!r}")
        straight.setdefault(_section(match.group(1), first_party), set()).add(line)
    blocks = []
    for section in range(4):
        out = sorted(straight.get(section, ()), key=lambda s: s.split()[1].lower())
        statements: list[tuple[str, str]] = []
        for module, members in froms.get(section, {}).items():
            statements.append((module, _render_from(module, sorted(members, key=_name_key))))
        for module, name in aliased.get(section, ()):
            statements.append((module, f"from {module} import {name}"))
        statements.sort(key=lambda item: (item[0].lower(), item[1].lower()))
        out.extend(text for _, text in statements)
        if out:
            blocks.append("\n".join(out))
    return "\n\n".join(blocks)

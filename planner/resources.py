"""Where shipped data lives: the question bank, templates and examples.

In a wheel, ``templates/`` and ``examples/`` are copied into ``planner/_data``;
in a source checkout (or an editable install) they sit beside the package.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bank_path() -> Path:
    return _PACKAGE / "questions" / "bank.yaml"


def data_dir(name: str) -> Path:
    """``templates`` or ``examples``, wherever this installation keeps them."""
    shipped = _PACKAGE / "_data" / name
    if shipped.is_dir():
        return shipped
    return _PACKAGE.parent / name


def examples() -> dict[str, Path]:
    """Example name -> its decision record."""
    root = data_dir("examples")
    found = {}
    if root.is_dir():
        for child in sorted(root.iterdir()):
            record = child / "architecture" / "decisions.yaml"
            if record.is_file():
                found[child.name] = record
    return found

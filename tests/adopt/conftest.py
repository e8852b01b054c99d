"""Small hand-made codebases to adopt."""

from __future__ import annotations

from pathlib import Path


def write(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


LOGGER = "import logging\n\nlogger = logging.getLogger(__name__)\n"

PYPROJECT = """\
[project]
name = "shop"
description = "Sells things."
dependencies = ["flask>=3", "gunicorn>=22"]

[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"
"""

"""Per-file facts kept between runs, keyed by a hash of the file's content (as ruff does).

An unchanged file is not parsed again. The cache holds facts only (never
findings, which depend on the configuration), so any configuration change
is safe, and a cache file made on one machine is valid on another with the
same planner and Python grammar. It lives in ``<project>/.planner_cache/``.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from planner import __version__
from planner.check.facts import GRAMMAR
from planner.check.files import atomic_write

logger = logging.getLogger(__name__)

FOLDER = ".planner_cache"
FORMAT = 3


def key(module: str, is_package: bool, data: bytes) -> str:
    """Facts depend on the bytes and on the module's name (relative imports resolve from it)."""
    digest = hashlib.blake2b(data, digest_size=20)
    digest.update(f"\0{module}\0{int(is_package)}".encode())
    return digest.hexdigest()


class FactsCache:
    def __init__(self, root: Path) -> None:
        self.path = root / FOLDER / f"check-facts-py{GRAMMAR}.json"
        self.entries: dict[str, dict[str, Any]] = {}
        self.used: dict[str, dict[str, Any]] = {}
        self.changed = False
        self._load()

    def _load(self) -> None:
        try:
            if self.path.is_symlink() or not self.path.is_file():
                return
            data = json.loads(self.path.read_bytes())
        except (OSError, ValueError, RecursionError):
            return
        if (
            isinstance(data, dict)
            and data.get("format") == FORMAT
            and data.get("planner") == __version__
            and data.get("grammar") == GRAMMAR
            and isinstance(data.get("facts"), dict)
        ):
            self.entries = data["facts"]

    def get(self, digest: str) -> dict[str, Any] | None:
        found = self.entries.get(digest)
        if found is not None:
            self.used[digest] = found
        return found

    def put(self, digest: str, facts: dict[str, Any]) -> None:
        self.used[digest] = facts
        self.changed = True

    def save(self) -> None:
        """Keep the facts of this run's files only; a failure to write costs speed, not results."""
        if not self.changed and len(self.used) == len(self.entries):
            return
        folder = self.path.parent
        data = {
            "format": FORMAT,
            "planner": __version__,
            "grammar": GRAMMAR,
            "facts": self.used,
        }
        try:
            if folder.is_symlink():
                return
            folder.mkdir(exist_ok=True)
            ignore = folder / ".gitignore"
            if not ignore.exists():
                atomic_write(ignore, b"# made by planner check\n*\n")
            atomic_write(self.path, json.dumps(data, separators=(",", ":")).encode())
        except OSError as exc:
            logger.info("cannot write the check cache %s: %s", self.path, exc)

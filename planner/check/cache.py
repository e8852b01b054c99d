"""Per-file facts kept between runs, keyed by a hash of the file's content (as ruff does).

An unchanged file is not parsed again. The cache holds facts only (never
findings, which depend on the configuration), so any configuration change
is safe, and a cache file made on one machine is valid on another with the
same planner and Python grammar. It lives in ``<project>/.planner_cache/``.

Two levels, as in git's index: a file whose status (change time, modification
time, size, inode) is what the cache recorded is not even read; any other file
is read and looked up by the hash of its bytes. A status is recorded only when
it is older than the run by more than any file system's time resolution, so a
file changed twice within one clock tick is never mistaken for its old self.

The file is ``marshal`` data (tuples, strings, numbers only: it is loaded, never
run) behind a header naming the format, planner and grammar, and a CRC-32 of the
data: a damaged, truncated or foreign file is ignored, never trusted.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import marshal
import os
import stat
import time
import zlib
from pathlib import Path
from typing import Any

from planner import __version__
from planner.check.facts import GRAMMAR, Record
from planner.check.files import atomic_write

logger = logging.getLogger(__name__)

FOLDER = ".planner_cache"
FORMAT = 7
LIMIT = 1024 * 1024 * 1024  # bytes; a larger cache file is not read
SETTLED_NS = 2_000_000_000  # FAT keeps times to 2 s; ext4, APFS and NTFS much finer
_CHECKSUM = 4

Status = tuple[int, int, int, int]  # change time, modification time (ns), size, inode


def key(module: str, is_package: bool, data: bytes) -> str:
    """Facts depend on the bytes and on the module's name (relative imports resolve from it)."""
    digest = hashlib.blake2b(data, digest_size=20)
    digest.update(f"\0{module}\0{int(is_package)}".encode())
    return digest.hexdigest()


def checksum(payload: bytes | memoryview) -> bytes:
    """CRC-32 of the cache's data: it catches a damaged or cut file (it is no signature)."""
    return zlib.crc32(payload).to_bytes(_CHECKSUM, "big")


def status(info: os.stat_result) -> Status:
    return (info.st_ctime_ns, info.st_mtime_ns, info.st_size, info.st_ino)


def _header() -> bytes:
    return f"planner check facts {FORMAT} {__version__} py{GRAMMAR}\n".encode()


def _read(path: Path) -> bytes | None:
    """The cache file's bytes: a regular file reached without following a link, or None."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > LIMIT:
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(LIMIT + 1)
    except OSError:
        return None
    finally:
        os.close(fd)


class FactsCache:
    def __init__(self, root: Path) -> None:
        self.path = root / FOLDER / f"check-facts-py{GRAMMAR}.marshal"
        self.started = time.time_ns()
        self.entries: dict[str, Record] = {}
        self.statuses: dict[str, tuple[Status, str, bool, str]] = {}
        self.used: dict[str, Record] = {}
        self.seen: dict[str, tuple[Status, str, bool, str]] = {}
        self.changed = False
        self._load()

    def _load(self) -> None:
        if self.path.parent.is_symlink():
            return
        raw = _read(self.path)
        header = _header()
        if raw is None or not raw.startswith(header):
            return
        start = len(header) + _CHECKSUM
        if checksum(payload := memoryview(raw)[start:]) != raw[len(header) : start]:
            return  # damaged or cut short
        enabled = gc.isenabled()
        gc.disable()  # hundreds of thousands of tuples, none of them in a cycle
        try:
            data: Any = marshal.loads(payload)
        except (ValueError, EOFError, TypeError):
            return
        finally:
            if enabled:
                gc.enable()
        if (
            isinstance(data, tuple)
            and len(data) == 2
            and isinstance(data[0], dict)
            and isinstance(data[1], dict)
        ):
            self.statuses, self.entries = data

    def known(self, relative: str, now: Status, module: str, is_package: bool) -> str | None:
        """The content key of an unchanged file, from its status alone; None: read and hash it."""
        found = self.statuses.get(relative)
        if (
            isinstance(found, tuple)
            and len(found) == 4
            and found[0] == now
            and found[1] == module
            and found[2] == is_package
            and isinstance(found[3], str)
        ):
            return found[3]
        return None

    def get(self, digest: str) -> Record | None:
        found = self.entries.get(digest)
        if found is not None:
            self.used[digest] = found
        return found

    def put(self, digest: str, record: Record) -> None:
        """Keep ``record``, its calls and strings marshalled apart: most runs never need most
        calls, and only ``planner adopt`` reads the strings."""
        calls, strings = record[1], record[15]
        if calls.__class__ is not bytes:
            calls = marshal.dumps(calls, 4)
        if strings.__class__ is not bytes:
            strings = marshal.dumps(strings, 4)
        record = (record[0], calls, *record[2:15], strings, *record[16:])
        self.used[digest] = record
        self.changed = True

    def note(
        self, relative: str, now: Status | None, module: str, is_package: bool, digest: str
    ) -> None:
        """Remember the status of a file whose facts are ``digest``, once it is settled."""
        if now is None or max(now[0], now[1]) > self.started - SETTLED_NS:
            self.changed = self.changed or relative in self.statuses
            return
        entry = (now, module, is_package, digest)
        self.seen[relative] = entry
        if self.statuses.get(relative) != entry:
            self.changed = True

    def save(self) -> None:
        """Keep the facts of this run's files only; a failure to write costs speed, not results."""
        if (
            not self.changed
            and len(self.used) == len(self.entries)
            and len(self.seen) == len(self.statuses)
        ):
            return
        folder = self.path.parent
        payload = marshal.dumps((self.seen, self.used), 4)
        digest = checksum(payload)
        try:
            if folder.is_symlink():
                return
            folder.mkdir(exist_ok=True)
            ignore = folder / ".gitignore"
            if not ignore.exists():
                atomic_write(ignore, b"# made by planner check\n*\n")
            atomic_write(self.path, _header() + digest + payload)
            legacy = folder / f"check-facts-py{GRAMMAR}.json"  # the JSON form of format 3
            if legacy.is_file() and not legacy.is_symlink():
                legacy.unlink()
        except OSError as exc:
            logger.info("cannot write the check cache %s: %s", self.path, exc)

"""The swap journal: makes swapping many files in recoverable after a crash or kill -9.

Before the first rename, ``.planner/journal.json`` lists every target of the
swap and the token that names its staged copy (``.NAME.TOKEN.tmp``) and its
backup (``.NAME.TOKEN.bak``, a hard link to the old file). While the journal
says ``staged``, a crash is rolled back: every backup goes back in place and
every new file is removed. Once every rename is done the journal says
``committed`` (the commit point); a crash after that only leaves backups to
delete. The next command that takes the lock finishes the job first
(:func:`recover`), so a project is always either as it was or as planned.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from planner import bounded_read
from planner.errors import WriteError
from planner.files.containment import contained

logger = logging.getLogger(__name__)

JOURNAL = ".planner/journal.json"
STAGED = "staged"
COMMITTED = "committed"
_TOKEN = re.compile(r"^planner[0-9]+$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
# Leftovers of an interrupted write: exactly planner's own token format
# (.NAME.planner123.tmp/.bak). Names like .settings.py.20261124.bak or
# .notes.md.my_notes.tmp are the team's, whatever file they sit beside.
_LEFTOVER = re.compile(r"^\.(?P<name>.+)\.planner[0-9]+\.(?:tmp|bak)$")
# The lock's own staging file (.planner/lock-123.new), left by a kill -9 while taking the lock.
_LOCK_LEFTOVER = re.compile(r"^lock-[0-9]+\.new$")


@dataclass(frozen=True)
class Entry:
    """One target of a swap: replaced (``remove`` False) or deleted (``remove`` True)."""

    target: str
    backup: bool
    remove: bool = False
    sha256: str | None = None
    """For a new file: the hash of the bytes planner renames in, so an undo removes
    only that file (never a file of the team that a hand-made journal names)."""

    def tmp_path(self, root: Path, token: str) -> Path:
        target = contained(root, self.target)
        return target.with_name(f".{target.name}.{token}.tmp")

    def backup_path(self, root: Path, token: str) -> Path:
        target = contained(root, self.target)
        return target.with_name(f".{target.name}.{token}.bak")


def token() -> str:
    """The name part of this process's staged copies and backups."""
    return f"planner{os.getpid()}"


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write(root: Path, state: str, tok: str, entries: list[Entry]) -> None:
    """Record the swap durably (temporary file, fsync, rename, fsync of the folder)."""
    path = contained(root, JOURNAL)
    data = {
        "note": "An unfinished write of planner; the next planner command completes or undoes it.",
        "state": state,
        "token": tok,
        "entries": [
            {"target": e.target, "backup": e.backup, "remove": e.remove, "sha256": e.sha256}
            for e in entries
        ],
    }
    tmp = path.with_name(f".{path.name}.{tok}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as handle:
            handle.write(json.dumps(data, indent=1).encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise WriteError(f"cannot write {path}: {exc.strerror}; nothing was changed") from None
    _fsync_dir(path.parent)


def clear(root: Path) -> None:
    path = contained(root, JOURNAL)
    path.unlink(missing_ok=True)
    _fsync_dir(path.parent)


def _load(root: Path) -> tuple[str, str, list[Entry]] | None:
    path = contained(root, JOURNAL)
    try:
        data = json.loads(bounded_read.read_bytes(path, 1024 * 1024))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise WriteError(
            f"{path} (an unfinished write) cannot be read: {exc}; "
            "check the project's files and remove it by hand"
        ) from None
    malformed = WriteError(
        f"{path} (an unfinished write) is not one planner wrote; nothing was recovered. "
        "Check the project's files and remove it by hand"
    )
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise malformed
    state, tok = data.get("state"), data.get("token")
    if state not in (STAGED, COMMITTED) or not isinstance(tok, str) or not _TOKEN.match(tok):
        raise malformed
    entries = []
    for item in data["entries"]:
        if not isinstance(item, dict) or not isinstance(item.get("target"), str):
            raise malformed
        backup, remove, digest = item.get("backup"), item.get("remove", False), item.get("sha256")
        if not isinstance(backup, bool) or not isinstance(remove, bool):
            raise malformed
        if digest is not None and not (isinstance(digest, str) and _SHA256.match(digest)):
            raise malformed
        entries.append(Entry(item["target"], backup, remove, digest))
    return state, tok, entries


def pending(root: Path) -> bool:
    """True when an interrupted swap waits to be finished or undone."""
    return (root / JOURNAL).is_file()


def recover(root: Path) -> str | None:
    """Finish (after the commit point) or undo (before it) an interrupted swap; sweep leftovers.

    Returns a sentence saying what was done, or None when there was nothing to do.
    Must be called with the project lock held.
    """
    loaded = _load(root)
    done = None
    if loaded is not None:
        state, tok, entries = loaded
        if state == STAGED:
            for entry in reversed(entries):
                _undo(root, tok, entry)
            done = f"undid an interrupted write of {len(entries)} files"
        else:
            for entry in entries:
                for leftover in (entry.tmp_path(root, tok), entry.backup_path(root, tok)):
                    leftover.unlink(missing_ok=True)
            done = f"finished an interrupted write of {len(entries)} files"
        clear(root)
        logger.warning("%s under %s", done, root)
    sweep(root, [e.target for e in loaded[2]] if loaded else [])
    return done


def _undo(root: Path, tok: str, entry: Entry) -> None:
    target = contained(root, entry.target)
    tmp, backup = entry.tmp_path(root, tok), entry.backup_path(root, tok)
    if entry.backup:
        if backup.exists() and target.exists() and os.path.samefile(backup, target):
            backup.unlink()  # never replaced: the old file is still in place
        elif backup.exists():
            os.replace(backup, target)
    elif not entry.remove and not tmp.exists() and _is_ours(target, entry.sha256):
        target.unlink()  # a new file that was already renamed in, byte for byte planner's
    tmp.unlink(missing_ok=True)


def _is_ours(target: Path, digest: str | None) -> bool:
    """True when ``target`` is a regular file holding exactly the bytes the journal names."""
    import hashlib

    if digest is None or target.is_symlink() or not target.is_file():
        return False
    try:
        data = bounded_read.read_bytes(target, 256 * 1024 * 1024)
    except (OSError, bounded_read.UnreadableInputError):
        return False
    return hashlib.sha256(data).hexdigest() == digest


def _abandoned(path: str) -> bool:
    """True when the process named in ``lock-PID.new`` is gone and no one holds it locked."""
    import fcntl

    pid = int(os.path.basename(path)[len("lock-") : -len(".new")])
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        pass  # gone: the file is a leftover of a kill -9 while taking the lock
    except OSError:
        return False  # alive (another user's process)
    else:
        return False  # alive: it may be between creating the file and locking it

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # still being created by a live planner
    finally:
        os.close(fd)
    return True


def sweep(root: Path, known: list[str]) -> list[Path]:
    """Remove staged copies and backups left beside files planner generates."""
    from planner.files import baseline

    paths = set(known) | set(baseline.load(root)) | {baseline.BASELINE, JOURNAL}
    folders: dict[str, set[str]] = {}
    for path in paths:
        pure = PurePosixPath(path)
        folders.setdefault(str(pure.parent), set()).add(pure.name)
    removed = []
    for folder, names in sorted(folders.items()):
        try:
            where = contained(root, folder) if folder != "." else root
            listing = list(os.scandir(where))
        except (OSError, WriteError):
            continue
        for item in listing:
            if folder == ".planner" and _LOCK_LEFTOVER.match(item.name):
                if _abandoned(item.path):
                    with contextlib.suppress(OSError):
                        os.unlink(item.path)
                        removed.append(Path(item.path))
                continue
            match = _LEFTOVER.match(item.name)
            if not match or not item.is_file(follow_symlinks=False):
                continue
            if match.group("name") in names:
                with contextlib.suppress(OSError):
                    os.unlink(item.path)
                    removed.append(Path(item.path))
    if removed:
        logger.warning("removed %d leftovers of an interrupted write", len(removed))
    return removed

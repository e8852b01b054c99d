"""Atomic, contained file writes: the only place planner puts bytes on disk."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import stat
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from planner.errors import UnsafePathError, WriteError
from planner.files.containment import contained

if TYPE_CHECKING:
    from planner.files import journal

__all__ = ["atomic_write", "check_writable", "commit", "contained", "ensure_dir"]

logger = logging.getLogger(__name__)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so readers see the old file or the new one, never half."""
    ensure_dir(path.parent)
    tmp = path.with_name(f".{path.name}.planner{os.getpid()}.tmp")
    _stage(tmp, path, data)
    try:
        os.replace(tmp, path)
    except OSError as exc:
        _discard(str(tmp))
        raise WriteError(f"cannot write {path}: {exc.strerror}") from None
    logger.debug("wrote %s (%d bytes)", path, len(data))


def _umask() -> int:
    """The process's umask, read without changing it where Linux tells it (``/proc``)."""
    try:
        with open("/proc/self/status", "rb") as status:
            for line in status:
                if line.startswith(b"Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    current = os.umask(0o022)  # elsewhere: set and restore, as the only way to read it
    os.umask(current)
    return current


def _mode(target: Path) -> int:
    """The permission bits ``target`` has now (kept on update); a new file gets what the
    user's umask allows, as any editor or ``cp`` would give it (0644 under umask 022)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()
    except OSError as exc:
        raise WriteError(f"cannot write {target}: {exc.strerror}") from None


def _stage(tmp: Path | str, target: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to the flushed temporary file ``tmp`` beside ``target``, with its mode.

    The temporary file is removed again if writing it fails or is interrupted.
    """
    mode = _mode(target)
    try:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise WriteError(f"cannot write {target}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
            os.fchmod(handle.fileno(), mode)
    except OSError as exc:
        _discard(str(tmp))
        raise WriteError(f"cannot write {target}: {exc.strerror}") from None
    except BaseException:
        _discard(str(tmp))
        raise


def _discard(tmp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def ensure_dir(path: Path) -> None:
    """Create ``path`` (and parents), turning OS errors into ``WriteError``."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(f"cannot create folder {path}: {exc.strerror}") from None


def check_writable(folder: Path) -> None:
    """Fail early, before any question is asked, if ``folder`` cannot be written."""
    probe = folder
    while not probe.exists():
        if probe.parent == probe:
            break
        probe = probe.parent
    if not probe.is_dir():
        raise WriteError(f"cannot write into {folder}: {probe} is not a folder")
    if not os.access(probe, os.W_OK | os.X_OK):
        raise WriteError(f"cannot write into {folder}: permission denied on {probe}")


class _DeferredInterrupt:
    """Holds Ctrl-C back while files are swapped in, then raises it."""

    def __enter__(self) -> _DeferredInterrupt:
        import signal
        import threading

        self.received = False
        self.previous = None
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._handler)
        return self

    def _handler(self, signum: int, frame: object) -> None:
        self.received = True

    def __exit__(self, *exc: object) -> None:
        import signal

        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)
        if self.received:
            raise KeyboardInterrupt


def commit(
    root: Path,
    files: dict[str, bytes],
    *,
    durable: set[str] | None = None,
    remove: Sequence[str] = (),
    verify: Callable[[], None] | None = None,
) -> list[Path]:
    """Write many files (and delete ``remove``) as one step that a crash cannot split.

    Every file is staged beside its target first; a failure or Ctrl-C while
    staging leaves every target as it was. A journal then lists the swap, the
    files are renamed in ``files``' order (callers put the record and the
    baseline last) and the journal is marked committed: a kill -9 at any moment
    is finished or undone by the next command (see ``planner.files.journal``).
    Files in ``durable`` (all, when it is None) are flushed to the disk before
    the swap; generated files can be rendered again from the record, so they
    skip that cost. Existing files keep their permission bits. ``verify`` runs
    after staging, right before the first rename: if it raises (a file read
    earlier changed meanwhile), every staged copy is removed and nothing changes.
    """
    from planner.files import journal

    tok = journal.token()
    entries: list[journal.Entry] = []
    for relative in [*files, *remove]:
        target = contained(root, relative)
        if relative in remove and not target.exists():
            continue
        if target.is_symlink() or (target.exists() and not target.is_file()):
            raise UnsafePathError(target, root)
        digest = None
        if relative in files and not target.exists():
            digest = hashlib.sha256(files[relative]).hexdigest()
        entries.append(journal.Entry(relative, target.exists(), relative in remove, digest))
    if not entries:
        return []
    for entry in entries:
        ensure_dir(contained(root, entry.target).parent)
    journal.write(root, journal.STAGED, tok, entries)
    try:
        for entry in entries:
            if entry.remove:
                continue
            target = contained(root, entry.target)
            _stage(
                entry.tmp_path(root, tok),
                target,
                files[entry.target],
                durable=durable is None or entry.target in durable,
            )
        _pause_for_tests(0)
        if verify is not None:
            verify()
        with _DeferredInterrupt():
            _swap(root, tok, entries)
    except BaseException as exc:
        try:
            journal.recover(root)
        except (OSError, WriteError) as undo:
            logger.error("could not undo the write yet: %s", undo)
            if isinstance(exc, WriteError):
                exc.message = exc.message.replace("nothing was changed", "") + (
                    f"and undoing it failed too ({undo}); the next planner command retries"
                )
        raise
    logger.info("wrote %d files under %s", len(files), root)
    return [contained(root, relative) for relative in files]


def _pause_for_tests(step: int) -> None:
    """A seam for the crash tests: stop after swap step N so a test can kill -9 the process."""
    wanted = os.environ.get("PLANNER_TEST_PAUSE_AFTER_STEP")
    if wanted and wanted == str(step):
        import sys
        import time

        sys.stderr.write(f"planner: paused after step {step}\n")
        sys.stderr.flush()
        resume = os.environ.get("PLANNER_TEST_RESUME_WHEN")
        for _ in range(6000):
            if resume and os.path.exists(resume):
                return
            time.sleep(0.1)


def _swap(root: Path, tok: str, entries: list[journal.Entry]) -> None:
    """Rename every staged file over its target, then mark the journal committed."""
    from planner.files import journal

    step = 0
    current = entries[0].target
    try:
        for entry in entries:
            current = entry.target
            target = contained(root, entry.target)
            if entry.backup:
                backup = entry.backup_path(root, tok)
                backup.unlink(missing_ok=True)
                os.link(target, backup)
            if entry.remove:
                target.unlink()
            else:
                os.replace(entry.tmp_path(root, tok), target)
            step += 1
            _pause_for_tests(step)
    except OSError as exc:
        raise WriteError(
            f"cannot write {contained(root, current)}: {exc.strerror}; nothing was changed"
        ) from None
    journal.write(root, journal.COMMITTED, tok, entries)
    _pause_for_tests(step + 1)
    for entry in entries:
        if entry.backup:
            entry.backup_path(root, tok).unlink(missing_ok=True)
    journal.clear(root)

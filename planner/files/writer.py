"""Atomic, contained file writes: the only place planner puts bytes on disk."""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from pathlib import Path

from planner.errors import UnsafePathError, WriteError

logger = logging.getLogger(__name__)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so readers see the old file or the new one, never half."""
    ensure_dir(path.parent)
    tmp = _stage(path, data, [])
    try:
        os.replace(tmp, path)
    except OSError as exc:
        _discard(tmp)
        raise WriteError(f"cannot write {path}: {exc.strerror}") from None
    logger.debug("wrote %s (%d bytes)", path, len(data))


def _stage(
    target: Path, data: bytes, staged: list[tuple[str, Path]], *, durable: bool = True
) -> str:
    """Write ``data`` to a flushed temporary file beside ``target``; record it in ``staged``.

    The temporary file is removed again if writing it fails or is interrupted.
    """
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise WriteError(f"cannot write {target}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
    except OSError as exc:
        _discard(tmp)
        raise WriteError(f"cannot write {target}: {exc.strerror}") from None
    except BaseException:
        _discard(tmp)
        raise
    staged.append((tmp, target))
    return tmp


def _discard(tmp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def ensure_dir(path: Path) -> None:
    """Create ``path`` (and parents), turning OS errors into ``WriteError``."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(f"cannot create folder {path}: {exc.strerror}") from None


def contained(root: Path, relative: str | Path) -> Path:
    """``root / relative``, refusing absolute paths, ``..`` and symlinks that lead out."""
    rel = Path(relative)
    if rel.is_absolute() or ".." in rel.parts:
        raise UnsafePathError(relative, root)
    candidate = root / rel
    base = root.resolve()
    resolved = candidate.resolve()
    if resolved != base and base not in resolved.parents:
        raise UnsafePathError(candidate, root)
    return candidate


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


def commit(root: Path, files: dict[str, bytes], *, durable: set[str] | None = None) -> list[Path]:
    """Write many files as one step: stage all of them, then swap them in together.

    A failure or Ctrl-C while staging leaves every target as it was; the swap
    itself is a loop of renames that Ctrl-C cannot split. Files in ``durable``
    (all, when it is None) are flushed to the disk before the swap; generated
    files can be rendered again from the record, so they skip that cost.
    """
    staged: list[tuple[str, Path]] = []
    try:
        for relative, data in sorted(files.items()):
            target = contained(root, relative)
            if target.is_symlink():
                raise UnsafePathError(target, root)
            ensure_dir(target.parent)
            _stage(target, data, staged, durable=durable is None or relative in durable)
        with _DeferredInterrupt():
            _swap(staged)
    except BaseException:
        for tmp, _ in staged:
            _discard(tmp)
        raise
    logger.info("wrote %d files under %s", len(staged), root)
    return [target for _, target in staged]


def _swap(staged: list[tuple[str, Path]]) -> None:
    """Rename every staged file over its target; on failure put the old files back."""
    backups: list[tuple[Path, Path | None]] = []
    try:
        for tmp, target in staged:
            backup = None
            if target.exists():
                backup = target.with_name(f".{target.name}.{os.getpid()}.bak")
                os.link(target, backup)
            backups.append((target, backup))
            os.replace(tmp, target)
    except OSError as exc:
        for target, backup in reversed(backups):
            if backup is not None:
                os.replace(backup, target)
            else:
                with contextlib.suppress(OSError):
                    target.unlink()
        raise WriteError(f"cannot write {target}: {exc.strerror}; nothing was changed") from None
    for _, backup in backups:
        if backup is not None:
            with contextlib.suppress(OSError):
                backup.unlink()

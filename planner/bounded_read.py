"""Bounded reads of input files: only regular files, never more than a limit.

Every loader reads through :func:`read_bytes`, so a record, answers file,
question pack, baseline, journal or ``.adr-dir`` that is a FIFO, a device
(``/dev/zero``) or a huge file is refused with its name instead of hanging
planner or eating the machine's memory.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from planner.errors import PlannerError

#: The largest input file planner reads (records and packs are a few KiB).
MAX_BYTES = 4 * 1024 * 1024


class UnreadableInputError(PlannerError):
    """An input file is not a regular file, or is larger than planner reads."""


def read_bytes(path: Path | str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    ``FileNotFoundError`` passes through (callers say "not found" their own way);
    a FIFO, device, socket or folder, or a file over ``limit``, raises
    :class:`UnreadableInputError` naming the file. O_NONBLOCK keeps opening a
    FIFO from waiting for a writer; the type is checked on the open descriptor.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise
    except IsADirectoryError:
        raise UnreadableInputError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise UnreadableInputError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = _kind(info.st_mode)
            raise UnreadableInputError(
                f"{path}: is {kind}, not a regular file; planner reads only regular files"
            )
        os.set_blocking(fd, True)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise UnreadableInputError(
                f"{path}: is larger than {limit // 1024} KiB, more than planner reads"
            )
        return b"".join(chunks)
    except OSError as exc:
        raise UnreadableInputError(f"{path}: cannot read: {exc.strerror}") from None
    finally:
        os.close(fd)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"

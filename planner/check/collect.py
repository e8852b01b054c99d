"""The facts of every file of a codebase: from the cache when unchanged, else parsed on every core.

Parsing dominates a cold run, so files are spread over worker processes. On
Linux the workers are forked: they inherit the files' bytes and send back only
records (plain tuples), never syntax trees. The cycle collector stays off while
trees are built (they hold no cycles worth collecting, and collecting would
cost more than parsing). Results come back in file order whatever the workers'
order, so the run is deterministic.
"""

from __future__ import annotations

import gc
import marshal
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

from planner.check.cache import FactsCache, Status, key, status
from planner.check.facts import ModuleFacts, Record, from_record, module_name
from planner.check.files import READ_LIMIT, Unreadable, read_bytes

PARALLEL_FROM = 100  # files to parse; below this, starting workers costs more than it saves
SHARES_PER_WORKER = 4  # smaller shares even out a worker slowed by the rest of the machine

Pending = tuple[bytes, str, str, bool]  # bytes, file name, module, is a package
_PENDING: list[Pending] = []  # in a forked worker: the files of the run (never set in the parent)


def _inherit(todo: list[Pending]) -> None:
    """Worker start-up: the files to parse, inherited through fork (never pickled)."""
    global _PENDING
    _PENDING = todo
    gc.disable()


def _workers() -> int:
    """Processes to parse with: one per core, or none besides this one while other threads
    run here (a library caller's): forking a threaded process can deadlock the child."""
    import threading

    if threading.active_count() > 1:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return min(8, cores)


def _walk_share(share: tuple[int, int]) -> bytes:
    """Every ``step``-th pending file from ``start`` (in a forked worker), marshalled: records
    are plain data, and marshal is quicker than pickle both ways."""
    from planner.check.walker import walk

    start, step = share
    return marshal.dumps([walk(*_PENDING[i]) for i in range(start, len(_PENDING), step)], 4)


def walk_all(todo: list[Pending]) -> list[Record]:
    """Records of ``todo``, in its order."""
    results: list[Record] = [()] * len(todo)
    for position, record in walk_each(todo):
        results[position] = record
    return results


def walk_each(todo: list[Pending]) -> Iterator[tuple[int, Record]]:
    """Each record of ``todo`` with its position, as soon as it is ready: the caller turns
    records into facts while workers still parse."""
    if not todo:
        return
    from planner.check.walker import walk, walk_quietly  # a warm run parses nothing

    workers = _workers()
    if len(todo) < PARALLEL_FROM or workers < 2:
        enabled = gc.isenabled()
        gc.disable()
        try:
            yield from enumerate(walk(*item) for item in todo)
        finally:
            if enabled:
                gc.enable()
        return
    import multiprocessing  # only a cold run needs it
    from concurrent.futures import ProcessPoolExecutor

    if sys.platform != "linux" or "fork" not in multiprocessing.get_all_start_methods():
        with ProcessPoolExecutor(workers, initializer=gc.disable) as executor:
            yield from enumerate(executor.map(walk_quietly, todo, chunksize=32))
        return
    step = workers * SHARES_PER_WORKER
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_inherit, initargs=(todo,)) as pool:
        shares = [(start, step) for start in range(step)]
        for (start, _), records in zip(shares, pool.imap(_walk_share, shares), strict=True):
            yield from zip(range(start, len(todo), step), marshal.loads(records), strict=True)


def _relative(path: Path, prefix: str) -> str:
    text = str(path)
    return text[len(prefix) :] if text.startswith(prefix) else text


def _module_name(path: Path, prefix: str) -> tuple[str, bool]:
    """:func:`~planner.check.facts.module_name` by string slicing: it runs for every file."""
    text = str(path)
    if prefix == "./" and not os.path.isabs(text):
        prefix = ""  # relative to ``.``: the path itself
    if not text.startswith(prefix) or not text.endswith(".py") or os.sep != "/":
        return module_name(path, Path(prefix or "."))
    parts = text[len(prefix) : -3].split("/")
    is_package = parts[-1] == "__init__"
    if is_package:
        del parts[-1]
    return ".".join(parts), is_package


def _from_cache(
    cache: FactsCache, path: Path, relative: str, module: str, is_package: bool
) -> tuple[ModuleFacts | None, Status | None]:
    """The file's facts when its status says it is unchanged; and its status."""
    try:
        info = os.lstat(path)
    except OSError:
        return None, None
    if not stat.S_ISREG(info.st_mode) or info.st_size > READ_LIMIT:
        return None, None  # reading it says what is wrong
    now = status(info)
    digest = cache.known(relative, now, module, is_package)
    hit = cache.get(digest) if digest is not None else None
    if digest is None or hit is None:
        return None, now
    try:
        facts = from_record(hit, path, module, is_package)
    except (TypeError, ValueError):
        return None, now
    cache.note(relative, now, module, is_package, digest)
    return facts, now


def gather_all(
    files: list[Path], top: Path, root: Path, use_cache: bool = True, save: bool = True
) -> tuple[list[ModuleFacts], int]:
    """Facts of every file, from the cache when its content is unchanged; and how many were.

    ``save=False`` reads the cache but never writes it (a dry run writes nothing at all).
    """
    cache = FactsCache(root) if use_cache else None
    prefix = os.path.join(str(root), "")
    top_prefix = os.path.join(str(top), "")
    found: dict[int, ModuleFacts] = {}
    todo: list[Pending] = []
    todo_at: list[tuple[int, str, Status | None, str]] = []  # index, relative, status, digest
    names = [_module_name(path, top_prefix) for path in files]
    enabled = gc.isenabled()
    gc.disable()  # facts are tens of thousands of tuples, none of them in a cycle
    try:
        for index, path in enumerate(files):
            module, is_package = names[index]
            relative, now, digest = _relative(path, prefix), None, ""
            if cache is not None:
                facts, now = _from_cache(cache, path, relative, module, is_package)
                if facts is not None:
                    found[index] = facts
                    continue
            try:
                data = read_bytes(path, root, listed=True)
            except Unreadable as exc:
                from planner.check.walker import failed

                error = (1, 1, f"cannot read the file: {exc}")
                found[index] = from_record(failed(error), path, module, is_package)
                continue
            if cache is not None:
                digest = key(module, is_package, data)
                hit = cache.get(digest)
                if hit is not None:
                    try:
                        found[index] = from_record(hit, path, module, is_package)
                    except (TypeError, ValueError):
                        pass
                    else:
                        cache.note(relative, now, module, is_package, digest)
                        continue
            todo.append((data, str(path), module, is_package))
            todo_at.append((index, relative, now, digest))
        cached = len(found)
        records: list[Record] = [()] * len(todo)
        for position, record in walk_each(todo):
            index = todo_at[position][0]
            module, is_package = names[index]
            found[index] = from_record(record, files[index], module, is_package)
            records[position] = record
        if cache is not None:
            for (index, relative, now, digest), record in zip(todo_at, records, strict=True):
                module, is_package = names[index]
                cache.put(digest, record)
                cache.note(relative, now, module, is_package, digest)
            if save:
                cache.save()
    finally:
        if enabled:
            gc.enable()
    return [found[i] for i in range(len(files))], cached

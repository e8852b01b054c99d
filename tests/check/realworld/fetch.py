"""Download the real-world corpus (pinned, hash-checked wheels from PyPI) and unpack it once.

    python tests/check/realworld/fetch.py [--cache DIR]

The cache folder defaults to $PLANNER_CORPUS_DIR, else ~/.cache/planner-corpus. Running it
again does nothing when every codebase is already unpacked, so CI can run it every time.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
LOCK = HERE / "lock.txt"


def cache_dir() -> Path:
    configured = os.environ.get("PLANNER_CORPUS_DIR")
    return Path(configured) if configured else Path.home() / ".cache" / "planner-corpus"


def pins() -> list[tuple[str, str]]:
    found = []
    for line in LOCK.read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)==([^\s]+)\s", line)
        if match:
            found.append((match.group(1).lower(), match.group(2)))
    return found


def unpacked(cache: Path, name: str, version: str) -> Path:
    """Where a codebase is unpacked; ``.complete`` marks a finished unpacking."""
    return cache / f"{name}-{version}"


def _unpack(wheel: Path, target: Path) -> None:
    partial = target.with_name(target.name + ".partial")
    if partial.exists():
        import shutil

        shutil.rmtree(partial)
    partial.mkdir(parents=True)
    with zipfile.ZipFile(wheel) as archive:
        for member in archive.infolist():
            destination = (partial / member.filename).resolve()
            if not destination.is_relative_to(partial.resolve()):
                sys.exit(f"{wheel.name}: refusing {member.filename!r} (outside the target)")
        archive.extractall(partial)
    (partial / ".complete").write_text(wheel.name + "\n")
    partial.rename(target)


def fetch(cache: Path) -> list[Path]:
    wanted = pins()
    missing = [(n, v) for n, v in wanted if not (unpacked(cache, n, v) / ".complete").exists()]
    if missing:
        wheels = cache / "wheels"
        wheels.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--only-binary",
                ":all:",
                "--require-hashes",
                "--requirement",
                str(LOCK),
                "--dest",
                str(wheels),
            ],
            check=True,
        )
        for name, version in missing:
            candidates = [
                p
                for p in wheels.glob("*.whl")
                if p.name.lower().startswith(f"{name}-{version}-".lower())
            ]
            if not candidates:
                sys.exit(f"no wheel for {name}=={version} in {wheels}")
            _unpack(candidates[0], unpacked(cache, name, version))
    return [unpacked(cache, n, v) for n, v in wanted]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=cache_dir())
    args = parser.parse_args()
    for folder in fetch(args.cache):
        print(folder)


if __name__ == "__main__":
    main()

"""The baseline: what planner wrote last time, kept in ``.planner/baseline.json``.

It lets a later run tell a file the team edited from one only planner touched,
and gives the three-way merge its common ancestor, without git.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from planner import bounded_read

logger = logging.getLogger(__name__)

BASELINE = ".planner/baseline.json"
_VERSION = 1


def load(root: Path) -> dict[str, bytes]:
    path = root / BASELINE
    try:
        data = json.loads(bounded_read.read_bytes(path).decode("utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        logger.warning("ignoring unreadable baseline %s: %s", path, exc)
        return {}
    files = data.get("files", {}) if isinstance(data, dict) else {}
    return {k: v.encode("utf-8") for k, v in files.items() if isinstance(v, str)}


def dump(files: dict[str, bytes]) -> bytes:
    data = {
        "version": _VERSION,
        "note": "What planner generated last time, to tell your edits from its own. Do not edit.",
        "files": {k: files[k].decode("utf-8") for k in sorted(files)},
    }
    return (json.dumps(data, indent=1, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8")

"""Keystrokes a person types in a kickoff meeting with the shipped question bank.

    python benchmarks/keystrokes.py

Drives the real ``planner new`` in a pseudo-terminal (pexpect; the screen is
read with pyte, both from the test extra) and counts every key pressed, an
arrow key counting once:

* defaults only, accepting each section's suggested answers with ``a``;
* a full meeting, going through every question and pressing Enter on each.

No timing is involved: the figures are counts, the same on every machine.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.screen import Terminal, meeting_with_defaults  # noqa: E402


def count(accept: bool) -> int:
    """Keystrokes for one meeting that takes every suggested answer."""
    with tempfile.TemporaryDirectory() as tmp:
        term = Terminal("new", str(Path(tmp) / "svc"), "--date", "2026-11-24")
        keys = meeting_with_defaults(term, accept=accept)
        status = term.finish()
        if status != 0:
            raise SystemExit(f"planner new failed ({status}):\n{term.text}")
        if not (Path(tmp) / "svc" / "architecture" / "decisions.yaml").exists():
            raise SystemExit("planner new wrote no record")
        return keys


def main() -> None:
    quick = count(accept=True)
    full = count(accept=False)
    print("keystrokes for a kickoff meeting with the shipped bank")
    print(f"  defaults only, 'a' at each section:        {quick:3d}")
    print(f"  every question, Enter on each suggestion:  {full:3d}")


if __name__ == "__main__":
    main()

"""A person at a terminal: the real ``planner`` in a pseudo-terminal, its screen in pyte.

pexpect runs the CLI in a real pseudo-terminal; everything it prints is fed
into pyte, a terminal emulator, so tests can read the screen a person sees
(at a given size) instead of the raw escape codes. Keystrokes are counted.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Mapping
from pathlib import Path

import pexpect
import pyte

ENTER = "\r"
DOWN = "\x1b[B"
UP = "\x1b[A"
LEFT = "\x1b[D"
ESC = "\x1b"
CTRL_C = "\x03"
CTRL_U = "\x15"

_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][A-Za-z0-9]|\x1b[=>]")


class Terminal:
    """``planner ARGS`` at ``cols`` x ``rows``; expect text, send keys, read the screen."""

    def __init__(
        self,
        *args: str,
        cols: int = 100,
        rows: int = 32,
        env: Mapping[str, str] | None = None,
        cwd: Path | None = None,
        timeout: float = 20,
    ) -> None:
        full_env = {**os.environ, "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1", **(env or {})}
        for name, value in list(full_env.items()):
            if value == "":
                del full_env[name]
        self.child = pexpect.spawn(
            sys.executable,
            ["-m", "planner", *args],
            env=full_env,
            cwd=str(cwd) if cwd else None,
            dimensions=(rows, cols),
            timeout=timeout,
        )
        self.timeout = timeout
        self.cols, self.rows = cols, rows
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = b""
        self._seen = 0
        self.keystrokes = 0

    # -- reading ------------------------------------------------------------

    def _read(self, wait: float) -> bool:
        try:
            data = self.child.read_nonblocking(65536, timeout=wait)
        except pexpect.TIMEOUT:
            return False
        except pexpect.EOF:
            return False
        self.raw += data
        self.stream.feed(data)
        return True

    @property
    def text(self) -> str:
        """Everything printed so far, without escape codes."""
        return _ANSI.sub("", self.raw.decode("utf-8", "replace"))

    def expect(self, pattern: str, timeout: float | None = None) -> str:
        """Wait until ``pattern`` (a regex) appears after the last match; return the match."""
        deadline = time.monotonic() + (timeout or self.timeout)
        regex = re.compile(pattern)
        while True:
            found = regex.search(self.text, self._seen)
            if found:
                self._seen = found.end()
                self.settle()
                return found.group(0)
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"{pattern!r} never appeared; the screen shows:\n{self.show()}"
                )
            if not self._read(0.1) and not self.child.isalive():
                self._read(0.1)
                if not regex.search(self.text, self._seen):
                    raise AssertionError(
                        f"planner ended before {pattern!r}; the screen shows:\n{self.show()}"
                    )

    def settle(self, quiet: float = 0.3) -> None:
        """Read until planner has printed nothing for ``quiet`` seconds."""
        while self._read(quiet):
            pass

    def lines(self) -> list[str]:
        return [line.rstrip() for line in self.screen.display]

    def show(self) -> str:
        return "\n".join(self.lines())

    def screen_text(self) -> str:
        """The screen as one line of words (how a person reads wrapped text)."""
        return " ".join(" ".join(self.lines()).split())

    # -- typing -------------------------------------------------------------

    def press(self, *keys: str) -> None:
        """Each argument is one key (an arrow's escape sequence counts once)."""
        for key in keys:
            self.child.send(key)
            self.keystrokes += 1
            time.sleep(0.15 if key == ESC else 0.02)

    def type(self, text: str) -> None:
        """Typing text: one keystroke per character."""
        self.child.send(text)
        self.keystrokes += len(text)

    def finish(self) -> int:
        """Wait for planner to exit; its exit status."""
        deadline = time.monotonic() + self.timeout
        while self.child.isalive() and time.monotonic() < deadline:
            self._read(0.1)
        self.settle(0.1)
        self.child.close()
        status = self.child.exitstatus
        return int(status if status is not None else -1)

    def choose(self, label: str) -> None:
        """Move the pointer of the select on screen to ``label`` and press Enter."""
        self.settle()
        lines = self.lines()
        menu = [
            i for i, line in enumerate(lines) if line.startswith(" » ") or line.startswith("   ")
        ]
        pointer = next(i for i in menu if lines[i].startswith(" » "))
        target = next(i for i in menu if label in lines[i] and i >= pointer - 20)
        step = DOWN if target > pointer else UP
        self.press(*([step] * abs(target - pointer)), ENTER)


# Lines planner prints once per step (a prompt's own text is drawn again as it changes).
_STEP = r"Architecture kickoff|Suggested answers:|question \d+ of \d+|Review: every answer"


def meeting_with_defaults(term: Terminal, *, accept: bool) -> int:
    """Take every suggested answer: with ``a`` at each introduction when ``accept``,
    else Enter at each introduction and at each question. Returns the keystrokes."""
    while True:
        step = term.expect(_STEP)
        if step == "Review: every answer":
            term.expect("Write the record")
            term.press(ENTER)
            return term.keystrokes
        if step == "Suggested answers:" and accept:
            term.press("a")
        else:
            term.press(ENTER)

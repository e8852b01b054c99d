"""Validation patterns from a team's pack can never hang planner.

``(a+)+$`` is the textbook catastrophic pattern: Python's backtracking ``re``
needs about 2**n steps to reject ``"a" * n + "!"``. Patterns now run on RE2,
which is linear; features RE2 lacks are refused when the pack is loaded.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.errors import QuestionBankError
from planner.questions.loader import load_bank
from planner.questions.patterns import MAX_PATTERN_LENGTH, PatternError, compile_pattern, fullmatch

HOSTILE = "a" * 5000 + "!"  # backtracking re would need ~2**5000 steps on this
# A generous bound that only a hang can exceed; speed itself is not asserted here.
HANG = 120

PACK = """\
version: 1
sections:
  - id: security
    title: Security
    questions:
      - id: owner_code
        title: Owner code
        type: text
        prompt: Which team code owns security reviews?
        default: aaa
        validate:
          pattern: {pattern}
          message: only the letter a
"""


def pack(tmp_path: Path, pattern: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(PACK.format(pattern=pattern), encoding="utf-8")
    return path


def planner(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planner", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "CI": "true"},
        stdin=subprocess.DEVNULL,
        timeout=HANG,
        check=False,
    )


def test_catastrophic_pattern_does_not_hang_new_validate_or_check(tmp_path: Path) -> None:
    qpack = pack(tmp_path, "'(a+)+$'")
    # new: the hostile answer is refused with the pack's message.
    refused = planner(
        "new", "svc", "--defaults", "--no-input", "-q", qpack,
        "--set", f"security.owner_code={HOSTILE}", cwd=tmp_path,
    )  # fmt: skip
    assert refused.returncode == 2, refused.stderr
    assert "only the letter a" in refused.stderr
    assert not (tmp_path / "svc").exists()

    made = planner("new", "svc", "--defaults", "--no-input", "-q", qpack, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    record = tmp_path / "svc" / "architecture" / "decisions.yaml"
    text = record.read_text(encoding="utf-8")
    assert "      owner_code: aaa\n" in text
    record.write_text(text.replace("owner_code: aaa", f"owner_code: {HOSTILE}"), "utf-8")
    line = next(
        n for n, row in enumerate(record.read_text().splitlines(), 1) if "owner_code:" in row
    )

    checked = planner("validate", record, cwd=tmp_path)
    assert checked.returncode == 2
    assert f"{record}:{line}:" in checked.stderr
    assert "decisions.security.answers.owner_code" in checked.stderr
    assert "only the letter a" in checked.stderr

    check = planner("check", tmp_path / "svc", cwd=tmp_path)
    assert check.returncode == 2
    assert "only the letter a" in check.stderr
    assert "Traceback" not in check.stderr + checked.stderr + refused.stderr


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        (r"'(a)\1'", "invalid escape sequence"),  # a backreference
        ("'(?=a)a+'", "invalid perl operator"),  # lookahead
        ("'(ab'", "missing )"),
        (f"'{'a' * (MAX_PATTERN_LENGTH + 1)}'", f"longer than {MAX_PATTERN_LENGTH} characters"),
    ],
    ids=["backreference", "lookahead", "malformed", "too-long"],
)
def test_unusable_pattern_is_named_with_file_line_and_field(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], pattern: str, reason: str
) -> None:
    qpack = pack(tmp_path, pattern)
    with pytest.raises(QuestionBankError) as info:
        load_bank([qpack])
    message = str(info.value)
    line = PACK.splitlines().index("          pattern: {pattern}") + 1
    assert f"{qpack}:{line}:" in message
    assert "sections[0].questions[0].validate.pattern" in message
    assert reason in message
    assert pattern.strip("'")[:50] in message  # the pattern itself is quoted
    assert capfd.readouterr().err == ""  # RE2 logs nothing of its own


def test_patterns_keep_their_meaning() -> None:
    # What the shipped bank relies on, and anchors that RE2 accepts like re does.
    assert fullmatch(r"^[a-z][a-z0-9_]*$", "orders_2")
    assert not fullmatch(r"^[a-z][a-z0-9_]*$", "2orders")
    assert fullmatch(r"(a+)+$", "aaaa")
    assert not fullmatch(r"(a+)+$", HOSTILE)
    assert not fullmatch(r"abc", "abcd")  # a full match, not a prefix
    with pytest.raises(PatternError):
        compile_pattern(r"(\w+)\s\1")

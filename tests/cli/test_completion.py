"""Tab completion, run in the real shells: bash and zsh through a pseudo-terminal, fish by its API.

Each test sources the script ``planner completion SHELL`` prints, types a partial
command line, presses Tab, and reads back the line the shell completed. The
expected values come from what the options accept: the shipped examples, the
report formats of ``planner check``, the heuristics and the choices in the bank.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest

pytestmark = pytest.mark.terminal

BIN = Path(sys.executable).parent


def shell(name: str) -> str:
    """The shell's path; under CI a missing shell is a failure, never a skip."""
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is not installed; .ci/run installs it from Debian's packages")
        pytest.skip(f"{name} is not installed")
    return found


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    assert (BIN / "planner").is_file(), "the planner console script is not installed"
    home = tmp_path / "home"
    home.mkdir()
    return {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "HOME": str(home),
        "TERM": "xterm",
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
    }


@pytest.fixture
def files(tmp_path: Path) -> Path:
    """A folder with files whose names a path argument should complete."""
    folder = tmp_path / "work"
    (folder / "architecture").mkdir(parents=True)
    (folder / "architecture" / "decisions.yaml").write_text("version: 1\n")
    return folder


class Terminal:
    """An interactive shell in a pseudo-terminal, with a known prompt."""

    def __init__(self, child: pexpect.spawn) -> None:
        self.child = child

    def complete(self, line: str, presses: str = "\t") -> str:
        """Type ``line``, press Tab, and return the command line the shell ended up with."""
        self.child.send(line + presses)
        # Go to the start of the line and make it an echo of itself; the quotes keep
        # the marker in the output from matching the typed text.
        self.child.send("\x01echo LI''NE'['\x05']'\r")
        self.child.expect(r"LINE\[([^\r\n]*)\]\r?\n", timeout=30)
        text = self.child.match.group(1)
        self.child.expect("READY> ")
        return str(text).rstrip()


@contextlib.contextmanager
def start(argv: list[str], env: dict[str, str], cwd: Path, setup: list[str]) -> Iterator[Terminal]:
    child = pexpect.spawn(
        argv[0],
        argv[1:],
        env=env,
        cwd=str(cwd),
        encoding="utf-8",
        timeout=30,
        dimensions=(50, 250),
    )
    try:
        for command in [*setup, "PS1='READY> '"]:
            child.sendline(command)
        child.sendline("echo SET''UP")
        child.expect("SETUP")
        child.expect("READY> ")
        yield Terminal(child)
    finally:
        child.sendline("exit")
        child.close(force=True)


@pytest.fixture
def bash(env: dict[str, str], files: Path) -> Iterator[Terminal]:
    with start(
        [shell("bash"), "--norc", "--noprofile", "-i"],
        env,
        files,
        ['eval "$(planner completion bash)"', "bind 'set show-all-if-ambiguous on'"],
    ) as terminal:
        yield terminal


@pytest.fixture
def zsh(env: dict[str, str], files: Path) -> Iterator[Terminal]:
    with start(
        [shell("zsh"), "-f", "-i"],
        env,
        files,
        [
            "bindkey -e",
            "autoload -Uz compinit && compinit -u -D",
            'eval "$(planner completion zsh)"',
        ],
    ) as terminal:
        yield terminal


CASES = [
    ("planner new --example p", "planner new --example ports"),
    ("planner new --example la", "planner new --example large"),
    ("planner check . --format sa", "planner check . --format sarif"),
    ("planner check . -f js", "planner check . -f json"),
    ("planner revisit --only logging,te", "planner revisit --only logging,testing"),
    ("planner new --set logging.form", "planner new --set logging.format="),
    ("planner new --set logging.format=st", "planner new --set logging.format=structlog"),
    ("planner rev", "planner revisit"),
    ("planner render --dry", "planner render --dry-run"),
    ("planner validate architecture/dec", "planner validate architecture/decisions.yaml"),
    ("planner completion fi", "planner completion fish"),
]


@pytest.mark.parametrize(("typed", "completed"), CASES)
def test_bash_completes_commands_options_values_and_files(
    bash: Terminal, typed: str, completed: str
) -> None:
    assert bash.complete(typed) == completed


def test_bash_lists_every_example_when_there_are_several(bash: Terminal) -> None:
    bash.child.send("planner new --example \t")
    bash.child.expect(r"demo\s+large\s+ports")
    bash.child.send("\x03")
    bash.child.expect("READY> ")


@pytest.mark.parametrize(("typed", "completed"), CASES)
def test_zsh_completes_commands_options_values_and_files(
    zsh: Terminal, typed: str, completed: str
) -> None:
    assert zsh.complete(typed) == completed


def fish_complete(env: dict[str, str], cwd: Path, line: str) -> list[str]:
    """What fish offers for ``line`` (``complete -C``), with the script loaded."""
    out = subprocess.run(
        [
            shell("fish"),
            "--no-config",
            "-c",
            f"planner completion fish | source; complete -C {line!r}",
        ],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    return [row.split("\t")[0] for row in out.splitlines()]


@pytest.mark.parametrize(
    ("line", "offered"),
    [
        ("planner new --example ", ["demo", "large", "ports"]),
        ("planner check . --format ", ["json", "sarif", "text"]),
        ("planner revisit --only logging,te", ["logging,testing"]),
        (
            "planner new --set logging.format=",
            [
                "logging.format=?",
                "logging.format=json",
                "logging.format=structlog",
                "logging.format=text",
                "logging.format=unconfigured",
            ],
        ),
        ("planner rev", ["revisit"]),
        ("planner completion ", ["bash", "fish", "zsh"]),
        ("planner validate architecture/dec", ["architecture/decisions.yaml"]),
    ],
)
def test_fish_offers_values_and_files(
    env: dict[str, str], files: Path, line: str, offered: list[str]
) -> None:
    assert sorted(fish_complete(env, files, line)) == offered


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("bash", ".local/share/bash-completion/completions/planner"),
        ("zsh", ".zfunc/_planner"),
        ("fish", ".config/fish/completions/planner.fish"),
    ],
)
def test_install_writes_the_script_where_the_shell_looks(
    env: dict[str, str], name: str, where: str
) -> None:
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        env.pop(var)
    planner = str(BIN / "planner")
    printed = subprocess.run(
        [planner, "completion", name], env=env, capture_output=True, text=True, check=True
    ).stdout
    result = subprocess.run(
        [planner, "completion", name, "--install"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    target = Path(env["HOME"]) / where
    assert f"wrote {target}" in result.stdout
    assert target.read_text() == printed
    assert sorted(p.name for p in Path(env["HOME"]).rglob("*") if p.is_file()) == [target.name]


def test_fish_loads_the_installed_script_by_itself(env: dict[str, str], files: Path) -> None:
    subprocess.run(
        [str(BIN / "planner"), "completion", "fish", "--install"],
        env=env,
        check=True,
        capture_output=True,
    )
    out = subprocess.run(
        [shell("fish"), "-c", "complete -C 'planner new --example d'"],
        env=env,
        cwd=files,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    assert out.split("\t")[0] == "demo"


def test_an_unknown_shell_is_refused(env: dict[str, str]) -> None:
    result = subprocess.run(
        [str(BIN / "planner"), "completion", "tcsh"], env=env, capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stderr == "planner: error: no completion for 'tcsh': choose bash, zsh or fish\n"


def test_zsh_loads_the_installed_script_from_fpath(env: dict[str, str], files: Path) -> None:
    subprocess.run(
        [str(BIN / "planner"), "completion", "zsh", "--install"],
        env=env,
        check=True,
        capture_output=True,
    )
    # What the install message asks the user to put in ~/.zshrc.
    (Path(env["HOME"]) / ".zshrc").write_text(
        "fpath=(~/.zfunc $fpath)\nautoload -Uz compinit && compinit -u -D\nbindkey -e\n"
    )
    with start([shell("zsh"), "-i"], env, files, []) as terminal:
        assert terminal.complete("planner new --example p") == "planner new --example ports"


def test_bash_completion_loads_the_installed_script_on_demand(
    env: dict[str, str], files: Path
) -> None:
    loader = Path("/usr/share/bash-completion/bash_completion")
    if not loader.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail("bash-completion is not installed; .ci/run installs it")
        pytest.skip("bash-completion is not installed")
    subprocess.run(
        [str(BIN / "planner"), "completion", "bash", "--install"],
        env=env,
        check=True,
        capture_output=True,
    )
    # No eval of the script: bash-completion finds it in ~/.local/share by the command's name.
    with start(
        [shell("bash"), "--norc", "--noprofile", "-i"], env, files, [f"source {loader}"]
    ) as terminal:
        assert terminal.complete("planner new --example p") == "planner new --example ports"

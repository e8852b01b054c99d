"""Shell completion: the values each option accepts, and the script for each shell.

The value functions run only when a shell asks for completions, so they may load
the question bank; importing this module costs nothing (``--help`` stays fast).
"""

# No ``from __future__ import annotations`` here: typer matches a completion
# callback's parameters by name (``incomplete``), which keeps it simple either way.

import os
from pathlib import Path

SHELLS = ("bash", "zsh", "fish")
Completion = tuple[str, str]


def _starting(items: list[Completion], incomplete: str) -> list[Completion]:
    return [(value, help) for value, help in items if value.startswith(incomplete)]


def example_names(incomplete: str) -> list[Completion]:
    """``--example``: the example meetings this installation ships."""
    from planner import resources

    return _starting([(name, "example meeting") for name in resources.examples()], incomplete)


def check_formats(incomplete: str) -> list[Completion]:
    """``planner check --format``: the report formats."""
    from planner.check.report import FORMATS

    helps = {"text": "one line per finding", "json": "machine-readable", "sarif": "code scanning"}
    return _starting([(name, helps.get(name, "")) for name in FORMATS], incomplete)


def heuristic_ids(incomplete: str) -> list[Completion]:
    """``revisit --only``: the heuristics, after any already given (``logging,test``)."""
    from planner.questions.loader import load_bank

    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    items = [(prefix + s.id, s.title) for s in load_bank().heuristics]
    return [(value, help) for value, help in items if value.startswith(prefix + last)]


def answers(incomplete: str) -> list[Completion]:
    """``--set``: question ids, then (after ``=``) the choices of that question."""
    from planner.questions.loader import load_bank

    bank = load_bank()
    qid, equals, _ = incomplete.partition("=")
    if not equals:
        items = [(f"{q.id}=", q.title or q.prompt) for q in bank.questions()]
        return _starting(items, incomplete)
    question = bank.question(qid)
    if question is None:
        return []
    items = [(f"{qid}={c.value}", c.label) for c in question.choices]
    if question.type == "confirm":
        items = [(f"{qid}=yes", ""), (f"{qid}=no", "")]
    if question.deferrable:
        items.append((f"{qid}=?", "decide later"))
    return _starting(items, incomplete)


def shell_names(incomplete: str) -> list[Completion]:
    """``planner completion``: the shells it writes scripts for."""
    return _starting([(name, f"{name} completion script") for name in SHELLS], incomplete)


# bash cuts the word being completed at '=' and ':' (COMP_WORDBREAKS), so
# `--set logging.format=js` arrives as three words. This function rebuilds the
# words from the line itself, asks planner, and hands back only the part of each
# candidate after the cut, which is what bash replaces.
_BASH = r"""_planner_completion() {
    local line="${COMP_LINE:0:COMP_POINT}" cur="${COMP_WORDS[COMP_CWORD]}"
    local -a words
    read -r -a words <<< "$line"
    if [[ -z $line || $line == *[[:space:]] ]]; then words+=(""); fi
    local joined="${words[*]}" last="${words[${#words[@]}-1]}"
    local IFS=$'\n'
    local -a found
    found=( $(env COMP_WORDS="$joined" COMP_CWORD=$(( ${#words[@]} - 1 )) \
        _PLANNER_COMPLETE=complete_bash "$1" 2>/dev/null) )
    local cut="${last%"$cur"}"
    COMPREPLY=( "${found[@]#"$cut"}" )
}
complete -o default -F _planner_completion planner
"""


# zsh: the same file works sourced (eval "$(planner completion zsh)") and
# autoloaded from fpath as _planner, where compinit calls it on the first Tab.
_ZSH = r"""#compdef planner

_planner() {
    eval $(env _TYPER_COMPLETE_ARGS="${words[1,$CURRENT]}" _PLANNER_COMPLETE=complete_zsh planner)
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    _planner "$@"
else
    compdef _planner planner
fi
"""


def script(shell: str) -> str:
    """The completion script for ``shell``; it asks ``planner`` itself for the candidates."""
    if shell == "bash":
        return _BASH
    if shell == "zsh":
        return _ZSH
    from typer._completion_shared import get_completion_script

    text: str = get_completion_script(
        prog_name="planner", complete_var="_PLANNER_COMPLETE", shell=shell
    )
    return text.strip() + "\n"


def install_path(shell: str, home: Path | None = None) -> Path:
    """Where each shell looks for a user's completion scripts without further setup."""
    home = home or Path.home()
    data = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
    if shell == "bash":
        return data / "bash-completion" / "completions" / "planner"
    if shell == "fish":
        return config / "fish" / "completions" / "planner.fish"
    return home / ".zfunc" / "_planner"

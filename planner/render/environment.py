"""The Jinja environments every renderer uses: strict, sandboxed, overridable, precompiled.

``StrictUndefined`` makes a missing value an error instead of an empty string.
Templates run in Jinja's sandbox because a team can point ``--templates`` at
its own overrides, and those are data, not trusted code. Markdown templates
(``*.md.j2``) escape every value unless a filter already did; other templates
must choose the filter for the syntax they write.

The wheel ships the templates precompiled to Python modules (see
``hatch_build.py``), which saves compiling them on every run; a source
checkout compiles them on the fly.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner import resources
from planner.errors import PlannerError

if TYPE_CHECKING:
    from jinja2 import BaseLoader, Environment

logger = logging.getLogger(__name__)

KINDS = ("markdown", "plain")
COMPILED = "compiled_templates"


class TemplateError(PlannerError):
    """A template is missing, malformed or uses a value that does not exist."""


def kind_of(name: str) -> str:
    return "markdown" if name.endswith(".md.j2") else "plain"


def make_environment(kind: str, loader: BaseLoader) -> Environment:
    """The environment for ``kind`` ("markdown" or "plain"); the build hook uses it too."""
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from planner.render.escape import FILTERS, markdown_finalize, md_join

    extra: dict[str, Any] = {"finalize": markdown_finalize} if kind == "markdown" else {}
    env = ImmutableSandboxedEnvironment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        **extra,
    )
    env.filters.update(FILTERS)
    if kind == "markdown":
        env.filters["join"] = md_join
    return env


def _compiled_loader(kind: str) -> BaseLoader | None:
    """Precompiled shipped templates, if this installation has them for this Jinja version."""
    import jinja2

    folder = resources.data_dir(COMPILED)
    stamp = folder / "jinja-version"
    if not stamp.is_file() or stamp.read_text().strip() != jinja2.__version__:
        return None
    return jinja2.ModuleLoader(str(folder / kind))


def _contained_loader(folders: Sequence[Path]) -> BaseLoader:
    """A loader for team templates that refuses files whose symlinks lead out of their folder."""
    import jinja2

    from planner.files.containment import within

    class ContainedLoader(jinja2.FileSystemLoader):
        def get_source(self, environment: Environment, template: str) -> Any:
            source, filename, uptodate = super().get_source(environment, template)
            if not any(within(Path(folder), Path(filename)) for folder in self.searchpath):
                raise TemplateError(
                    f"template {filename} is a symbolic link that leads out of its "
                    "template folder; planner reads team templates only from inside it"
                )
            return source, filename, uptodate

    return ContainedLoader([str(p) for p in folders])


class Templates:
    """Finds and renders templates: team overrides first, then the shipped ones."""

    def __init__(self, overrides: Sequence[Path] = ()) -> None:
        import jinja2

        for folder in overrides:
            if not folder.is_dir():
                raise TemplateError(f"template folder {folder} does not exist")
        shipped = jinja2.FileSystemLoader(str(resources.data_dir("templates")))
        self._envs: dict[str, Environment] = {}
        for kind in KINDS:
            loaders: list[BaseLoader] = [_contained_loader(overrides)]
            compiled = _compiled_loader(kind)
            if compiled is not None:
                loaders.append(compiled)
            loaders.append(shipped)
            self._envs[kind] = make_environment(kind, jinja2.ChoiceLoader(loaders))
        self._jinja = jinja2

    def render(self, name: str, *, collapse_blank_lines: bool = False, **context: Any) -> str:
        """Render ``name`` and normalise it: LF endings, no trailing spaces, one final newline."""
        jinja2 = self._jinja
        try:
            template = self._envs[kind_of(name)].get_template(name)
            text = template.render(**context)
        except jinja2.TemplateNotFound as exc:
            raise TemplateError(f"template {exc.name!r} not found") from None
        except jinja2.UndefinedError as exc:
            raise TemplateError(f"template {name}: {exc.message}") from None
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(f"{exc.filename or name}:{exc.lineno}: {exc.message}") from None
        except jinja2.exceptions.SecurityError as exc:
            raise TemplateError(f"template {name} tried something unsafe: {exc}") from None
        return normalise(text, collapse_blank_lines=collapse_blank_lines)


def compile_shipped(target: Path) -> None:
    """Precompile the shipped templates into ``target`` (used when building the wheel)."""
    import jinja2

    source = resources.data_dir("templates")
    for kind in KINDS:
        env = make_environment(kind, jinja2.FileSystemLoader(str(source)))
        env.compile_templates(
            str(target / kind),
            filter_func=lambda name, k=kind: kind_of(name) == k,  # type: ignore[misc]
            zip=None,
            ignore_errors=False,
        )
    (target / "jinja-version").write_text(jinja2.__version__ + "\n")


def normalise(text: str, *, collapse_blank_lines: bool = False) -> str:
    """LF endings, no trailing spaces, one final newline; optionally no runs of blank lines."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    out: list[str] = []
    for line in lines:
        if collapse_blank_lines and not line and out and not out[-1]:
            continue
        out.append(line)
    return "\n".join(out) + "\n"

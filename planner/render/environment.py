"""The Jinja environment every renderer uses: strict, sandboxed, overridable.

``StrictUndefined`` makes a missing value an error instead of an empty string.
Templates run in Jinja's sandbox because a team can point ``--templates`` at
its own overrides, and those are data, not trusted code.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner import resources
from planner.errors import PlannerError

if TYPE_CHECKING:
    pass

logger = logging.getLogger(__name__)


class TemplateError(PlannerError):
    """A template is missing, malformed or uses a value that does not exist."""


class Templates:
    """Finds and renders templates: team overrides first, then the shipped ones."""

    def __init__(self, overrides: Sequence[Path] = ()) -> None:
        import jinja2
        from jinja2.sandbox import ImmutableSandboxedEnvironment

        from planner.render.escape import FILTERS, markdown_finalize, md_join

        for folder in overrides:
            if not folder.is_dir():
                raise TemplateError(f"template folder {folder} does not exist")
        search = [str(p) for p in overrides] + [str(resources.data_dir("templates"))]
        options: dict[str, Any] = {
            "loader": jinja2.FileSystemLoader(search),
            "undefined": jinja2.StrictUndefined,
            "autoescape": False,
            "keep_trailing_newline": True,
            "trim_blocks": True,
            "lstrip_blocks": True,
        }
        # Markdown templates escape every value by default; others must pick a filter.
        self.markdown = ImmutableSandboxedEnvironment(finalize=markdown_finalize, **options)
        self.plain = ImmutableSandboxedEnvironment(**options)
        for env in (self.markdown, self.plain):
            env.filters.update(FILTERS)
        self.markdown.filters["join"] = md_join
        self._jinja = jinja2

    def render(self, name: str, *, collapse_blank_lines: bool = False, **context: Any) -> str:
        """Render ``name`` and normalise it: LF endings, no trailing spaces, one final newline."""
        jinja2 = self._jinja
        try:
            env = self.markdown if name.endswith(".md.j2") else self.plain
            template = env.get_template(name)
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

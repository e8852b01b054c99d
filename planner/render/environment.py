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

import contextlib
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner import resources
from planner.errors import PlannerError

if TYPE_CHECKING:
    from jinja2 import BaseLoader, Environment

logger = logging.getLogger(__name__)

KINDS = ("markdown", "plain")
COMPILED = "compiled_templates"

# Bounds on one render. A team template is data and may loop for ever,
# recurse, or build a gigabyte string; these turn that into a clear error.
MAX_ITERATIONS = 1_000_000
"""Loop iterations in one render, over all loops (the largest shipped render needs ~10,000)."""
MAX_OUTPUT = 16 * 1024 * 1024
"""Characters one render may produce, and the largest string or list ``*`` may build."""
MAX_SECONDS = 30.0
"""Wall time of one render, checked at every loop iteration and call."""
MAX_POWER_BITS = 4096
"""The largest integer ``**`` may produce, in bits."""
MAX_MEMORY = 512 * 1024 * 1024
"""Address space one render may add (POSIX): values doubled in a loop end as MemoryError."""


class TemplateError(PlannerError):
    """A template is missing, malformed or uses a value that does not exist."""


class TemplateLimit(Exception):
    """A render went over one of its bounds (loops, time, size)."""


def kind_of(name: str) -> str:
    return "markdown" if name.endswith(".md.j2") else "plain"


def _bounded_environment_class() -> type[Environment]:
    """Jinja's immutable sandbox plus bounds on loops, time and sizes (built lazily)."""
    global _BOUNDED
    if _BOUNDED is not None:
        return _BOUNDED
    import math
    import re
    import time

    from jinja2 import nodes
    from jinja2.compiler import CodeGenerator, Frame
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class CountingCodeGenerator(CodeGenerator):
        """Every ``{% for %}`` iterates through ``environment.planner_counted``."""

        def visit_For(self, node: nodes.For, frame: Frame) -> None:
            counted = nodes.Call(
                nodes.EnvironmentAttribute("planner_counted"), [node.iter], [], None, None
            )
            node.iter = counted.set_lineno(node.lineno)
            super().visit_For(node, frame)

    width = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")

    class BoundedSandbox(ImmutableSandboxedEnvironment):
        code_generator_class = CountingCodeGenerator
        intercepted_binops = frozenset({"*", "**", "%"})

        def start_budget(self) -> None:
            self.planner_iterations = 0
            self.planner_deadline = time.monotonic() + MAX_SECONDS

        def _check_time(self) -> None:
            if time.monotonic() > getattr(self, "planner_deadline", math.inf):
                raise TemplateLimit(f"took longer than {MAX_SECONDS:g} seconds")

        def planner_counted(self, iterable: Any) -> Any:
            for item in iterable:
                self.planner_iterations = getattr(self, "planner_iterations", 0) + 1
                if self.planner_iterations > MAX_ITERATIONS:
                    raise TemplateLimit(f"ran more than {MAX_ITERATIONS:,} loop iterations")
                if not self.planner_iterations % 1024:
                    self._check_time()
                yield item

        def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
            self._check_time()
            _check_arguments([*args, *kwargs.values()])
            return super().call(__context, __obj, *args, **kwargs)

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "*":
                for seq, times in ((left, right), (right, left)):
                    sized = isinstance(seq, (str, list, tuple)) and isinstance(times, int)
                    if sized and len(seq) * times > MAX_OUTPUT:
                        raise TemplateLimit(
                            f"builds a value of {len(seq) * times:,} items with *;"
                            f" at most {MAX_OUTPUT:,}"
                        )
            elif operator == "**":
                if isinstance(left, int) and isinstance(right, int) and right > 0:
                    bits = right * max(abs(left), 1).bit_length()
                    if bits > MAX_POWER_BITS:
                        raise TemplateLimit(f"computes {left} ** {right}, a number too large")
            elif operator == "%" and isinstance(left, str):
                for match in width.finditer(left):
                    for part in match.groups():
                        if part == "*" or (part and int(part) > MAX_OUTPUT):
                            raise TemplateLimit(f"formats with a width of {part!r} in %")
            return super().call_binop(context, operator, left, right)

    _BOUNDED = BoundedSandbox
    return BoundedSandbox


_BOUNDED: type[Environment] | None = None


def make_environment(kind: str, loader: BaseLoader) -> Environment:
    """The environment for ``kind`` ("markdown" or "plain"); the build hook uses it too."""
    import jinja2

    from planner.render.escape import FILTERS, markdown_finalize, md_join

    extra: dict[str, Any] = {"finalize": markdown_finalize} if kind == "markdown" else {}
    env = _bounded_environment_class()(
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
    env.filters = {name: _bounded_filter(f) for name, f in env.filters.items()}
    env.globals.pop("lipsum", None)  # makes text of any size from a small number
    return env


def _check_arguments(args: Sequence[Any]) -> None:
    """Refuse a number too large to be a width, a count or a length."""
    for value in args:
        if isinstance(value, int) and not isinstance(value, bool) and value > MAX_OUTPUT:
            raise TemplateLimit(f"passes {value} where at most {MAX_OUTPUT:,} makes sense")


def _bounded_filter(func: Any) -> Any:
    """``func`` refusing huge numeric arguments (``center(10**9)``), Jinja markers kept."""
    import functools

    @functools.wraps(func)  # copies __dict__, so pass_context and friends survive
    def bounded(*args: Any, **kwargs: Any) -> Any:
        _check_arguments([*args[skip:], *kwargs.values()])
        return func(*args, **kwargs)

    skip = 2 if hasattr(func, "jinja_pass_arg") else 1  # context or environment, then value

    return bounded


@contextlib.contextmanager
def _memory_ceiling() -> Iterator[None]:
    """Lower the soft address-space limit to what we use now plus ``MAX_MEMORY``, then restore.

    A template can build a huge value without a loop or an output (a string
    doubled 30 times); where the OS allows, the allocation then fails with a
    MemoryError that ``render`` reports, instead of exhausting the machine.
    """
    try:
        import resource
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            used = int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):  # pragma: no cover - no procfs
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    ceiling = used + MAX_MEMORY
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    if soft != resource.RLIM_INFINITY and soft <= ceiling:
        yield  # already stricter than ours
        return
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


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
        env = self._envs[kind_of(name)]
        try:
            template = env.get_template(name)
            env.start_budget()  # type: ignore[attr-defined]
            parts: list[str] = []
            size = 0
            with _memory_ceiling():
                for chunk in template.generate(**context):
                    size += len(chunk)
                    if size > MAX_OUTPUT:
                        raise TemplateLimit(f"writes more than {MAX_OUTPUT:,} characters")
                    parts.append(chunk)
            text = "".join(parts)
        except jinja2.TemplateNotFound as exc:
            raise TemplateError(f"template {exc.name!r} not found") from None
        except jinja2.UndefinedError as exc:
            raise TemplateError(f"{_where(name, exc)}: {exc.message}") from None
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(f"{exc.filename or name}:{exc.lineno}: {exc.message}") from None
        except jinja2.exceptions.SecurityError as exc:
            raise TemplateError(f"{_where(name, exc)}: tried something unsafe: {exc}") from None
        except jinja2.TemplateError as exc:
            raise TemplateError(f"{_where(name, exc)}: {exc.message}") from None
        except TemplateLimit as exc:
            raise TemplateError(f"{_where(name, exc)}: {exc}; planner stopped it") from None
        except RecursionError as exc:
            raise TemplateError(f"{_where(name, exc)}: calls itself without end") from None
        except MemoryError as exc:
            raise TemplateError(
                f"{_where(name, exc)}: needs more than {MAX_MEMORY // 2**20} MiB of memory"
            ) from None
        except (ArithmeticError, TypeError, ValueError, LookupError, AttributeError) as exc:
            kind = type(exc).__name__
            raise TemplateError(f"{_where(name, exc)}: {kind}: {exc}") from None
        return normalise(text, collapse_blank_lines=collapse_blank_lines)


def _where(name: str, exc: BaseException) -> str:
    """``template NAME (file), line N`` for the innermost template line in ``exc``'s traceback.

    Jinja rewrites tracebacks so that frames of template code carry the
    template's file name and line; those frames have ``__jinja_exception__``
    in their globals.
    """
    found: tuple[str, int] | None = None
    tb = exc.__traceback__
    while tb is not None:
        frame = tb.tb_frame
        if "__jinja_exception__" in frame.f_globals:
            found = (frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    if found is None:
        return f"template {name}"
    filename, line = found
    shown = "" if filename in (name, "<template>") else f" ({filename})"
    return f"template {name}{shown}, line {line}"


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

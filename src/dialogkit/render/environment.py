"""The one Jinja2 environment factory: sandboxed and strict, escaping for Markdown or for HTML.

Documents and the status site render through it alike. A workspace's templates are data in
a git repository, so they run in Jinja's sandbox (no Python reachable from a template),
a missing value is an error (StrictUndefined), and every value is escaped: for Markdown by
the ``finalize`` hook, for HTML by autoescaping. Templates are read through
:mod:`dialogkit.render.templates`, the workspace's own over the built-in ones.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import jinja2
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment

from dialogkit.errors import DialogError, Finding
from dialogkit.layout import WORKSPACE_TEMPLATES
from dialogkit.render.escape import escape_markdown, finalize, markdown_link, trusted_markdown
from dialogkit.render.templates import template_source, template_stamp
from dialogkit.render.words import fill

if TYPE_CHECKING:
    from dialogkit.render.viewbase import DocumentView, TemplateView

Output = Literal["markdown", "html"]


def _join_words(values: Iterable[object], last: str, sep: str = ", ") -> str:
    """ "a, b and c" with the locale's word for "and"."""
    items = [str(v) for v in values]
    if len(items) <= 1:
        return "".join(items)
    return f"{sep.join(items[:-1])} {last} {items[-1]}"


class _Loader(jinja2.BaseLoader):
    """Templates by name: the workspace's templates/ first, then the built-in ones.

    Jinja asks whether a cached template is up to date each time a document uses it; that
    check looks the template up again, which records it as an input of the document.
    """

    def __init__(self, root: Path) -> None:
        self.root = root

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        name = "/".join(split_template_path(template))  # "../x" is not found, "/etc/x" is templates/etc/x
        found = template_source(self.root, name)
        if found is None:
            raise jinja2.TemplateNotFound(template)
        unchanged = functools.partial(_unchanged, self.root, name, found.stamp)
        return found.text, found.filename, unchanged


def _unchanged(root: Path, template: str, stamp: tuple[str, str]) -> bool:
    return template_stamp(root, template) == stamp


@lru_cache(maxsize=8)
def template_environment(root: Path, output: Output) -> SandboxedEnvironment:
    """The environment for the workspace at ``root`` producing ``output``.

    One per workspace, output and process, so each template compiles once per build, not
    once per document; an edited template is noticed and compiled again.
    """
    markdown = output == "markdown"
    env = SandboxedEnvironment(
        loader=_Loader(root),
        undefined=jinja2.StrictUndefined,
        # Markdown: the finalize hook escapes each value, which HTML autoescaping would not.
        finalize=finalize if markdown else None,
        autoescape=not markdown,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["fill"] = fill
    env.filters["join_words"] = _join_words
    if markdown:
        env.filters["trusted_markdown"] = trusted_markdown
        env.filters["md"] = escape_markdown
        env.filters["link"] = markdown_link
    return env


def render_template(root: Path, template: str, view: TemplateView, output: Output) -> str:
    """Render the template ``template`` with ``view``; a template's problem is a finding that names it."""
    env = template_environment(root, output)
    try:
        return env.get_template(template).render(**view)
    except jinja2.TemplateNotFound as exc:
        missing = Finding(f"{WORKSPACE_TEMPLATES}/{template}", 1, 1, "error", f"template '{exc.name}' not found")
        raise DialogError(missing) from None
    except jinja2.TemplateSyntaxError as exc:
        where = _display(root, exc.filename, exc.name or template)
        raise DialogError(Finding(where, exc.lineno or 1, 1, "error", exc.message or str(exc))) from None
    except jinja2.exceptions.SecurityError as exc:
        display, line = _template_line(root, exc, template)
        raise DialogError(Finding(display, line, 1, "error", f"the template may not do this: {exc}")) from None
    except jinja2.UndefinedError as exc:
        display, line = _template_line(root, exc, template)
        what = "document" if output == "markdown" else "page"
        message = f"the template uses a value the {what} does not have: {exc.message}"
        raise DialogError(Finding(display, line, 1, "error", message)) from None


def render_markdown(root: Path, template: str, view: DocumentView) -> str:
    """Render a document's template into Markdown."""
    return render_template(root, template, view, "markdown")


def _template_line(root: Path, exc: BaseException, template: str) -> tuple[str, int]:
    """Where in the template an error happened: Jinja puts template lines into the traceback."""
    tb = exc.__traceback__
    found: tuple[str, int] | None = None
    while tb is not None:
        if {"__jinja_template__", "__jinja_exception__"} & tb.tb_frame.f_globals.keys():  # a template's frame
            found = (_display(root, tb.tb_frame.f_code.co_filename, template), tb.tb_lineno)
        tb = tb.tb_next
    return found or (f"{WORKSPACE_TEMPLATES}/{template}", 1)


def _display(root: Path, filename: str | None, template: str) -> str:
    if filename is None:
        return f"{WORKSPACE_TEMPLATES}/{template}"
    path = Path(filename)
    for base in (root, root.resolve()):
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            continue
    return f"{WORKSPACE_TEMPLATES}/{path.name}"


__all__ = ["Output", "render_markdown", "render_template", "template_environment"]

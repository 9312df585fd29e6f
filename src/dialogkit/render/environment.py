"""The Jinja2 environment: strict, escaping every value for Markdown, templates overridable."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from dialogkit.errors import DialogError, Finding
from dialogkit.render.escape import TrustedMarkdown, escape_markdown, finalize, trusted_markdown
from dialogkit.render.templates import WORKSPACE_TEMPLATES, builtin_dir
from dialogkit.render.words import fill


def _join_words(values: Any, last: str, sep: str = ", ") -> str:
    """ "a, b and c" with the locale's word for "and"."""
    items = [str(v) for v in values]
    if len(items) <= 1:
        return "".join(items)
    return f"{sep.join(items[:-1])} {last} {items[-1]}"


@lru_cache(maxsize=8)
def environment(root: Path) -> SandboxedEnvironment:
    """A Jinja2 environment for the workspace at ``root``: its templates/ over the built-in ones.

    One per workspace and process, so each template compiles once per build, not once per
    document; Jinja checks each template file's modification time, so an edit still shows.
    """
    # Sandboxed: a workspace's templates are data in a git repository, so they may not run Python.
    env = SandboxedEnvironment(
        loader=jinja2.ChoiceLoader(
            [jinja2.FileSystemLoader(root / WORKSPACE_TEMPLATES), jinja2.FileSystemLoader(builtin_dir())]
        ),
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        autoescape=False,  # the finalize hook escapes for Markdown, which HTML autoescaping would not
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["trusted_markdown"] = trusted_markdown
    env.filters["md"] = escape_markdown
    env.filters["fill"] = fill
    env.filters["join_words"] = _join_words
    return env


def render_markdown(root: Path, template: str, view: Mapping[str, Any]) -> str:
    """Render the template ``template`` with ``view`` into Markdown; errors name the template."""
    env = environment(root)
    try:
        return env.get_template(template).render(**view)
    except jinja2.TemplateNotFound:
        missing = Finding(f"{WORKSPACE_TEMPLATES}/{template}", 1, 1, "error", f"template '{template}' not found")
        raise DialogError(missing) from None
    except jinja2.TemplateSyntaxError as exc:
        where = _display(root, exc.filename, template)
        raise DialogError(Finding(where, exc.lineno or 1, 1, "error", exc.message or str(exc))) from None
    except jinja2.exceptions.SecurityError as exc:
        display, line = _template_line(root, exc, template)
        raise DialogError(Finding(display, line, 1, "error", f"the template may not do this: {exc}")) from None
    except jinja2.UndefinedError as exc:
        display, line = _template_line(root, exc, template)
        message = f"the template uses a value the document does not have: {exc.message}"
        raise DialogError(Finding(display, line, 1, "error", message)) from None


def _template_line(root: Path, exc: BaseException, template: str) -> tuple[str, int]:
    """Where in the template an error happened: Jinja puts template lines into the traceback."""
    tb = exc.__traceback__
    found: tuple[str, int] | None = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = (_display(root, filename, template), tb.tb_lineno)
        tb = tb.tb_next
    return found or (f"{WORKSPACE_TEMPLATES}/{template}", 1)


def _display(root: Path, filename: str | None, template: str) -> str:
    if filename is None:
        return f"{WORKSPACE_TEMPLATES}/{template}"
    path = Path(filename)
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return f"{WORKSPACE_TEMPLATES}/{path.name}"


__all__ = ["TrustedMarkdown", "environment", "render_markdown"]

"""HTML for the status site: Jinja2 with autoescaping on, so no resident's text ever becomes markup."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2

from dialogkit.errors import DialogError, Finding
from dialogkit.render.templates import WORKSPACE_TEMPLATES, builtin_dir
from dialogkit.render.words import fill


def site_environment(root: Path) -> jinja2.Environment:
    """The site's templates: the workspace's templates/site/ over the built-in ones, HTML-escaped."""
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(
            [jinja2.FileSystemLoader(root / WORKSPACE_TEMPLATES), jinja2.FileSystemLoader(builtin_dir())]
        ),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["fill"] = fill  # plain text in and out, which autoescaping then escapes
    return env


def render_page(env: jinja2.Environment, template: str, view: Mapping[str, Any]) -> str:
    """One page as HTML; a template problem becomes a finding that names the template."""
    try:
        return env.get_template(template).render(**view)
    except jinja2.TemplateNotFound as exc:
        raise DialogError(
            Finding(f"{WORKSPACE_TEMPLATES}/{template}", 1, 1, "error", f"template '{exc.name}' not found")
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        where = f"{WORKSPACE_TEMPLATES}/{exc.name or template}"
        raise DialogError(Finding(where, exc.lineno or 1, 1, "error", exc.message or str(exc))) from None
    except jinja2.UndefinedError as exc:
        message = f"the template uses a value the page does not have: {exc.message}"
        raise DialogError(Finding(f"{WORKSPACE_TEMPLATES}/{template}", 1, 1, "error", message)) from None

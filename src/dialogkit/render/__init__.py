"""Documents: Jinja2 templates to Markdown, pandoc to HTML, DOCX and ODT, Typst to archival PDF.

The public API, callable from Python as the CLI calls it::

    from dialogkit.render import render_meeting_document, render_plan_document
    render_meeting_document(workspace, "invitation", 2025, "hogvad", ["pdf", "docx"])
    render_plan_document(workspace, 2025, ["pdf"])

Later documents build a :class:`Document` (a template, its view model, a title) and call
:func:`render_document`, so they get escaping, the link and image checks and every format.
"""

from __future__ import annotations

from dialogkit.formats import DEFAULT_FORMATS, FORMATS, parse_formats
from dialogkit.render.documents import render_meeting_document
from dialogkit.render.escape import TrustedMarkdown, escape_markdown
from dialogkit.render.pipeline import Document, Rendered, Setting, render_document, setting_of
from dialogkit.render.plan import render_plan_document

__all__ = [
    "DEFAULT_FORMATS",
    "FORMATS",
    "Document",
    "Rendered",
    "Setting",
    "TrustedMarkdown",
    "escape_markdown",
    "parse_formats",
    "render_document",
    "render_meeting_document",
    "render_plan_document",
    "setting_of",
]

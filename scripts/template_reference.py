"""Generate the documentation's table of built-in templates from the templates themselves.

Each template opens with a comment that says what it is for; its first sentence is the
table's description, so a template added, renamed or removed shows on the site at the
next build. `python scripts/template_reference.py` prints the Markdown table.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from dialogkit.layout import builtin_templates
from dialogkit.render.templates import list_templates

# A template's leading comment: Jinja {# #}, CSS /* */, Typst // or YAML #.
_COMMENT = re.compile(r"\A\s*(?:\{#-?(?P<jinja>.*?)-?#\}|/\*(?P<css>.*?)\*/|(?P<lines>(?:(?://|#)[^\n]*\n)+))", re.S)
# Templates whose format has no comment that would stay out of the output.
_WITHOUT_COMMENT = {
    "pandoc/document.html": "The HTML page around every document: its head and style.",
    "pandoc/document.openxml": "The Word document around every DOCX's body (the letterhead and title are in the body).",
    "pandoc/document.opendocument": "The LibreOffice document around every ODT's body.",
    "reference.docx": (
        "The styles of every DOCX: A4, black headings in documents.font, the footer with the municipality and "
        "page X of Y; made by dialog for the workspace."
    ),
    "reference.odt": "The styles of every ODT, as reference.docx's for Word.",
}


def purpose(path: Path, name: str) -> str:
    """The first sentence of the template's leading comment."""
    match = _COMMENT.match(path.read_text(encoding="utf-8")) if path.is_file() else None
    if match is None:
        if name in _WITHOUT_COMMENT:
            return _WITHOUT_COMMENT[name]
        raise ValueError(f"templates/{name} does not open with a comment that says what it is for")
    text = match["jinja"] or match["css"] or re.sub(r"^\s*(?://|#) ?", "", match["lines"], flags=re.M)
    words = " ".join(text.split())
    first = re.split(r"(?<=\.)\s", words, maxsplit=1)[0]
    return first if first.endswith(".") else first + "."


def reference() -> str:
    """The Markdown table of every built-in template and what it makes."""
    base = builtin_templates()
    rows = ["| Template | What it is |", "| --- | --- |"]
    for info in list_templates(base):
        rows.append(f"| `{info.name}` | {purpose(base / info.name, info.name)} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    sys.stdout.write(reference())

"""The top of page one in every format: the letterhead (logo, municipality, unit), then the title.

Both are blocks of the document's tree, put there before it is checked, so that the logo is
checked and embedded like any image. Each writer gets the title in its own form: Typst's
title element, an HTML heading, Word's and LibreOffice's Title style, a Markdown heading.
A template places the title lower down with an empty ``::: {.document-title}`` block.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from dialogkit.render.pandoc import PandocNode, PandocTree

TITLE_CLASS = "document-title"
LETTERHEAD_CLASS = "letterhead"
LOGO_WIDTH = "3cm"


@dataclass(frozen=True)
class Frame:
    """The letterhead and the title's place in a document's tree, and the title's text."""

    letterhead: PandocNode
    title: PandocNode
    text: str


def inlines(text: str) -> list[PandocNode]:
    """Text as pandoc inlines: words and the spaces between them."""
    nodes: list[PandocNode] = []
    for word in text.split():
        if nodes:
            nodes.append({"t": "Space"})
        nodes.append({"t": "Str", "c": word})
    return nodes


def add_frame(
    tree: PandocTree, *, title: str, municipality: str, unit: str | None, logo: str | None, logo_alt: str
) -> Frame:
    """Put the letterhead first in ``tree`` and the title's place after it, unless the template placed it."""
    line: list[PandocNode] = []
    if logo is not None:
        image_attr = ["", [], [["width", LOGO_WIDTH]]]
        line += [{"t": "Image", "c": [image_attr, inlines(logo_alt), [logo, ""]]}, {"t": "LineBreak"}]
    line.append({"t": "Strong", "c": inlines(municipality)})
    if unit:
        line += [{"t": "LineBreak"}, *inlines(unit)]
    letterhead = {"t": "Div", "c": [["", [LETTERHEAD_CLASS], []], [{"t": "Para", "c": line}]]}
    blocks = tree["blocks"]
    placed = next((b for b in blocks if b.get("t") == "Div" and TITLE_CLASS in b["c"][0][1]), None)
    title_node = placed or {"t": "Div", "c": [["", [TITLE_CLASS], []], []]}
    if placed is None:
        blocks.insert(0, title_node)
    blocks.insert(0, letterhead)
    return Frame(letterhead, title_node, title)


@contextmanager
def framed_for(frame: Frame | None, writer: str, headers: list[PandocNode]) -> Iterator[None]:
    """The frame as ``writer`` (typst, html, office or md) shows it, for as long as the tree is serialized.

    In Markdown the title is the first heading, so the document's ``headers`` go a level down.
    """
    if frame is None:
        yield
        return
    saved = [(node, node["t"], node["c"]) for node in (frame.letterhead, frame.title)]
    levels = [(header, header["c"][0]) for header in headers] if writer == "md" else []
    try:
        for header, level in levels:
            header["c"][0] = level + 1
        frame.title["t"], frame.title["c"] = _title(frame.text, writer)
        if writer == "md":  # a fenced div would read as markup; the letterhead is a paragraph
            frame.letterhead["t"], frame.letterhead["c"] = "Para", frame.letterhead["c"][1][0]["c"]
        elif writer == "office":
            frame.letterhead["c"] = [["", [], [["custom-style", "Letterhead"]]], frame.letterhead["c"][1]]
        yield
    finally:
        for node, kind, content in saved:
            node["t"], node["c"] = kind, content
        for header, level in levels:
            header["c"][0] = level


def _title(text: str, writer: str) -> tuple[str, object]:
    if writer == "typst":  # the title element shows the document's title, which sys.inputs set
        return "RawBlock", ["typst", "#title()"]
    if writer == "html":
        return "RawBlock", ["html", f'<h1 class="title">{html.escape(text)}</h1>']
    if writer == "office":
        return "Div", [["", [], [["custom-style", "Title"]]], [{"t": "Para", "c": inlines(text)}]]
    return "Header", [1, ["", [], []], inlines(text)]

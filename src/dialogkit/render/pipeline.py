"""The document pipeline: template to Markdown, Markdown to a checked tree, the tree to every format."""

from __future__ import annotations

import base64
import copy
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dialogkit.errors import UsageError
from dialogkit.files import write_atomic
from dialogkit.render import pandoc
from dialogkit.render.environment import render_markdown
from dialogkit.render.pdf import compile_pdf
from dialogkit.render.safety import Checked, ImageFile, check_tree
from dialogkit.render.templates import (
    LOGO,
    REFERENCE_DOCX,
    REFERENCE_ODT,
    WORKSPACE_TEMPLATES,
    find_template_file,
    workspace_asset,
)
from dialogkit.render.words import load_labels

FORMATS = ("md", "html", "docx", "odt", "pdf")
DEFAULT_FORMATS = ("docx", "pdf", "html")
BUILD_DIR = "build"
HTML_TEMPLATE = "pandoc/document.html"
TYPST_TEMPLATE = "pandoc/document.typ"
FONTS_DIR = "fonts"


def parse_formats(text: str | None) -> tuple[str, ...]:
    """The formats of a ``--to md,html,docx,odt,pdf`` option, in the order given; default docx,pdf,html."""
    if text is None or not text.strip():
        return DEFAULT_FORMATS
    chosen: list[str] = []
    for name in (part.strip().lower() for part in text.split(",")):
        if name not in FORMATS:
            raise UsageError(f"unknown format '{name}' in --to: choose from {','.join(FORMATS)}")
        if name not in chosen:
            chosen.append(name)
    return tuple(chosen)


@dataclass(frozen=True)
class Document:
    """One document to render: a template, its view model and where its files go."""

    name: str  # the file stem: invitation, agenda, plan
    template: str  # e.g. invitation.md.j2
    view: Mapping[str, Any]
    title: str
    folder: Path  # relative to the output root: 2025/hogvad
    source: str  # the workspace file the document is about, for findings
    resources: Mapping[str, bytes] = field(default_factory=dict)


@dataclass(frozen=True)
class Setting:
    """What every document of a workspace shares: where it is, its language, author and out folder."""

    root: Path
    locale: str
    country: str
    author: str
    out: Path

    @property
    def lang(self) -> str:
        return f"{self.locale}-{self.country}"


def render_document(setting: Setting, doc: Document, formats: Iterable[str]) -> list[Path]:
    """Render ``doc`` to each format; returns the files written, in the order of ``formats``."""
    formats = tuple(formats)
    resources = dict(doc.resources)
    logo = workspace_asset(setting.root, LOGO)
    if logo is not None:
        resources[LOGO] = logo.read_bytes()
    view = {**doc.view, "logo": LOGO if logo is not None else None}
    markdown = render_markdown(setting.root, doc.template, view)
    checked = check_tree(pandoc.parse_markdown(markdown, doc.source), setting.root, doc.source, resources)
    _set_meta(checked.tree, setting, doc.title)
    tidy_headings(checked.tree["blocks"])
    makers: dict[str, Callable[[], bytes]] = {
        "md": lambda: markdown.encode("utf-8"),
        "html": lambda: _html(setting, checked, doc.source),
        "docx": lambda: _office(setting, checked, doc.source, "docx", REFERENCE_DOCX),
        "odt": lambda: _office(setting, checked, doc.source, "odt", REFERENCE_ODT),
        "pdf": lambda: _pdf(setting, checked, doc, load_labels(setting.root, setting.locale)["page"]),
    }
    with ThreadPoolExecutor(max_workers=len(formats) or 1) as pool:
        futures = {fmt: pool.submit(makers[fmt]) for fmt in formats}
        outputs = {fmt: future.result() for fmt, future in futures.items()}
    written = []
    for fmt in formats:
        path = setting.out / doc.folder / f"{doc.name}.{fmt}"
        write_atomic(path, outputs[fmt], within=setting.out)
        written.append(path)
    if "md" in formats:  # the Markdown names its pictures by file name: put them beside it
        for name, data in doc.resources.items():
            picture = setting.out / doc.folder / name
            write_atomic(picture, data, within=setting.out)
            written.append(picture)
    return written


def tidy_headings(blocks: list[Any]) -> None:
    """Headings start at level 1 and never skip a level: an outline that screen readers and PDF/UA accept.

    Minutes often start at "##"; the document's title sits above the first level.
    """
    headers = [block for block in _walk_blocks(blocks) if block.get("t") == "Header"]
    if not headers:
        return
    shift = min(h["c"][0] for h in headers) - 1
    previous = 0
    for header in headers:
        level = min(header["c"][0] - shift, previous + 1)
        header["c"][0] = level
        previous = level


def _walk_blocks(node: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(node, list):
        for item in node:
            found.extend(_walk_blocks(item))
    elif isinstance(node, dict):
        if node.get("t") == "Header":
            found.append(node)
        elif node.get("t") in ("Div", "BlockQuote", "BulletList", "OrderedList", "DefinitionList", "Figure"):
            found.extend(_walk_blocks(node.get("c")))
    return found


def _set_meta(tree: dict[str, Any], setting: Setting, title: str) -> None:
    def text(value: str) -> dict[str, Any]:
        return {"t": "MetaString", "c": value}

    tree["meta"] = {
        "title": text(title),
        "lang": text(setting.lang),
        "author": {"t": "MetaList", "c": [text(setting.author)]},
    }


def _with_images(
    checked: Checked, node_for: Callable[[ImageFile, dict[str, Any]], dict[str, Any] | None]
) -> dict[str, Any]:
    """A copy of the tree with each checked image replaced for one writer."""
    tree = copy.deepcopy(checked.tree)

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(item) for item in node]
        if isinstance(node, dict):
            if node.get("t") == "Image" and node["c"][2][0] in checked.images:
                replaced = node_for(checked.images[node["c"][2][0]], node)
                if replaced is not None:
                    return replaced
            return {key: walk(value) for key, value in node.items()}
        return node

    walked: dict[str, Any] = walk(tree)
    return walked


def _data_uri(image: ImageFile, node: dict[str, Any]) -> dict[str, Any]:
    node["c"][2][0] = f"data:{image.mime};base64,{base64.b64encode(image.data).decode('ascii')}"
    return node


def _html(setting: Setting, checked: Checked, source: str) -> bytes:
    tree = _with_images(checked, _data_uri)
    template = find_template_file(setting.root, HTML_TEMPLATE)
    return pandoc.write(
        tree, "html5", source, [*pandoc.template_args(template), "--shift-heading-level-by=1", "--wrap=none"]
    )


def _office(setting: Setting, checked: Checked, source: str, to: str, reference_name: str) -> bytes:
    tree = _with_images(checked, _data_uri)
    return pandoc.write(tree, to, source, pandoc.template_args(None, workspace_asset(setting.root, reference_name)))


def _typst_string(value: str) -> str:
    cleaned = " ".join(value.split())
    return '"' + cleaned.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _typst_size(width: str | None) -> str:
    if width is None or width.endswith("px") or width[-1].isdigit():
        return ""
    return f", width: {width}"


def _pdf(setting: Setting, checked: Checked, doc: Document, page_label: str) -> bytes:
    files: dict[str, bytes] = {}

    def typst_image(image: ImageFile, node: dict[str, Any]) -> dict[str, Any]:
        name = f"image-{len(files) + 1}{image.suffix}"
        files[name] = image.data
        # Typst code built here from a generated file name and a quoted string, never from text as code.
        code = f"#box(image({_typst_string(name)}, alt: {_typst_string(image.alt)}{_typst_size(image.width)}));"
        return {"t": "RawInline", "c": ["typst", code]}

    tree = _with_images(checked, typst_image)
    template = find_template_file(setting.root, TYPST_TEMPLATE)
    source = pandoc.write(tree, "typst", doc.source, pandoc.template_args(template))
    fonts = setting.root / WORKSPACE_TEMPLATES / FONTS_DIR
    inputs = {
        "title": doc.title,
        "author": setting.author,
        "lang": setting.locale,
        "region": setting.country,
        "page": page_label,
    }
    return compile_pdf(source, files, source=doc.source, inputs=inputs, font_dir=fonts if fonts.is_dir() else None)

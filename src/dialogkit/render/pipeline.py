"""The document pipeline: template to Markdown, Markdown to a checked tree, the tree to every format."""

from __future__ import annotations

import base64
import copy
import dataclasses
import datetime as dt
import functools
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from dialogkit.errors import DialogError, Finding
from dialogkit.files import write_atomic
from dialogkit.inputs import carry
from dialogkit.layout import WORKSPACE_TEMPLATES, output_folder
from dialogkit.render import figures, pandoc
from dialogkit.render.environment import render_markdown
from dialogkit.render.letterhead import LOGO_WIDTH, Frame, add_frame, framed_for
from dialogkit.render.pandoc import PandocNode, PandocTree, PandocValue
from dialogkit.render.pdf import CompiledPdf, compile_pdf, svg_as_png
from dialogkit.render.reference import HouseStyle, dated
from dialogkit.render.safety import IMAGE_TYPES, Checked, ImageFile, check_tree, typst_text
from dialogkit.render.templates import (
    find_logo,
    logo_file,
    pandoc_template,
    reference_document,
    workspace_fonts,
)
from dialogkit.render.viewbase import DocumentView
from dialogkit.render.words import Labels, fill, load_labels

if TYPE_CHECKING:
    from dialogkit.workspace import Workspace

HTML_TEMPLATE = "pandoc/document.html"
OFFICE_TEMPLATES = {"docx": "pandoc/document.openxml", "odt": "pandoc/document.opendocument"}
# Pandoc's Markdown with pipe tables, which read well as plain text and on any forge, and
# dashes and quotes as typed (its "smart" writer would spell "–" as "--").
MARKDOWN_WRITER = "markdown-smart-simple_tables-multiline_tables-grid_tables"
_PLAIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\Z")
_CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
# The PDF is pandoc's Typst and then Typst's compile; pandoc's DOCX writer alone takes a
# twentieth of a second even for a short document.
_LONGEST_FIRST = ("pdf", "docx", "odt", "html", "md")


@dataclass(frozen=True)
class Document:
    """One document to render: a template, its view model and where its files go."""

    name: str  # the file stem: invitation, agenda, plan
    template: str  # e.g. invitation.md.j2
    view: DocumentView
    title: str
    folder: Path  # relative to the output root: 2025/hogvad
    source: str  # the workspace file the document is about, for findings
    date: dt.date | None = None  # the document's date; None: the day it is made
    unit: str | None = None  # the responsible unit in the letterhead, when not the workspace's
    # Generated pictures the Markdown names by key, as bytes or as a picture to draw while
    # pandoc parses the Markdown (in the build's picture process when there is one).
    resources: Mapping[str, bytes | figures.Picture] = field(default_factory=dict)
    # The page design of the PDF: every document's, or the poster's large type.
    typst_template: str = "pandoc/document.typ"


@dataclass(frozen=True)
class Setting:
    """What every document of a workspace shares: where it is, its language, author and out folder."""

    root: Path
    locale: str
    country: str
    author: str
    out: Path
    unit: str | None = None  # the responsible unit in the letterhead
    font: str = "Arial"
    pdf_standard: str = "a-2a"

    @property
    def lang(self) -> str:
        return f"{self.locale}-{self.country}"


def setting_of(ws: Workspace, out: Path | None = None) -> Setting:
    """The shared setting of a workspace's documents; ``out`` overrides the build/ folder."""
    municipality = ws.config.municipality
    return Setting(
        root=ws.root,
        locale=municipality.locale,
        country=municipality.country,
        author=municipality.name,
        out=output_folder(ws.root, out),
        unit=ws.config.documents.unit,
        font=ws.config.documents.font,
        pdf_standard=ws.config.documents.pdf_standard,
    )


@dataclass
class Rendered:
    """What rendering did: the files written and any warnings (errors are raised)."""

    written: list[Path] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)


@dataclass(frozen=True)
class Outputs:
    """The files of one document, made in memory, and the warnings making them gave."""

    files: dict[Path, bytes]
    warnings: list[Finding]


def render_document(setting: Setting, doc: Document, formats: Iterable[str]) -> Rendered:
    """Render ``doc`` to each format; the files written are in the order of ``formats``."""
    outputs = make_outputs(setting, doc, formats)
    return Rendered(write_outputs(setting, outputs), outputs.warnings)


def make_outputs(setting: Setting, doc: Document, formats: Iterable[str]) -> Outputs:
    """The files of ``doc`` in each format, in memory: nothing is written until all of them are made."""
    formats = tuple(formats)
    # No more writers at once than cores, longest first (see _LONGEST_FIRST): a long
    # document's PDF then does not wait for the other formats.
    with ThreadPoolExecutor(max_workers=max(1, min(len(formats), _CORES))) as pool:
        # Pictures are drawn while pandoc parses: the parse waits on a process, not on Python.
        drawn = {name: pool.submit(figures.draw, data) for name, data in doc.resources.items() if callable(data)}
        labels = load_labels(setting.root, setting.locale)
        logo = find_logo(setting.root)
        markdown = render_markdown(setting.root, doc.template, doc.view | {"logo": logo})
        tree = pandoc.parse_markdown(markdown, doc.source)
        frame = add_frame(
            tree,
            title=doc.title,
            municipality=setting.author,
            unit=doc.unit or setting.unit,
            logo=logo,
            logo_alt=fill(labels["logo_alt"], municipality=setting.author),
        )
        pictures = {name: data for name, data in doc.resources.items() if isinstance(data, bytes)}
        pictures.update((name, future.result()) for name, future in drawn.items())
        resources: dict[str, bytes | Callable[[], bytes | None]] = dict(pictures)
        if logo is not None:  # read when the document shows it: only then is it the document's input
            resources[logo] = functools.partial(logo_file, setting.root, logo)
        checked = check_tree(tree, setting.root, doc.source, resources)
        _set_meta(checked.tree, setting, doc.title)
        tidy_headings(checked.tree["blocks"])
        beside: dict[str, bytes] = {}  # the Markdown's pictures, named by the file name it gives them
        made_by = _makers(_Job(setting, doc, checked, frame, labels), beside, formats)
        # carry: the workspace files each format reads are inputs of this document too.
        futures = {fmt: pool.submit(carry(maker)) for fmt, maker in made_by}
        made = {fmt: future.result() for fmt, future in futures.items()}
    warnings = [w for result in made.values() if isinstance(result, CompiledPdf) for w in result.warnings]
    folder = setting.out / doc.folder
    files = {folder / f"{doc.name}.{fmt}": _data(made[fmt]) for fmt in formats}
    files.update((folder / name, data) for name, data in beside.items())
    return Outputs(files, warnings)


def write_outputs(setting: Setting, outputs: Outputs) -> list[Path]:
    """Write files made by :func:`make_outputs`; returns their paths."""
    for path, data in outputs.files.items():
        write_atomic(path, data, within=setting.out)
    return list(outputs.files)


def _data(made: bytes | CompiledPdf) -> bytes:
    return made.data if isinstance(made, CompiledPdf) else made


@dataclass(frozen=True)
class _Job:
    """One document on its way to its formats: the checked tree, its letterhead and title, its words."""

    setting: Setting
    doc: Document
    checked: Checked
    frame: Frame
    labels: Labels

    def json(self, node_for: Callable[[ImageFile, PandocNode], PandocNode], writer: str) -> bytes:
        headers = _walk_blocks(self.checked.tree["blocks"])
        with framed_for(self.frame, writer, headers):
            return _writer_json(self.checked, node_for, for_typst=writer == "typst")


def _makers(
    job: _Job, beside: dict[str, bytes], formats: tuple[str, ...]
) -> Iterator[tuple[str, Callable[[], bytes | CompiledPdf]]]:
    """Per format, longest first, the function that makes its file from the checked tree.

    Each tree's JSON is made when its first format comes up, so the PDF's writer starts
    before the other formats' JSON is ready.
    """
    office = b""
    for fmt in sorted(formats, key=_LONGEST_FIRST.index):
        if fmt == "pdf":
            files: dict[str, bytes] = {}
            yield fmt, functools.partial(_pdf, job, job.json(_typst_image(files), "typst"), files)
        elif fmt == "md":
            yield fmt, functools.partial(_markdown, job.json(_file_beside(beside), "md"), job.doc.source)
        elif fmt == "html":
            yield fmt, functools.partial(_html, job.setting, job.json(_data_uri, "html"), job.doc.source)
        else:
            office = office or job.json(_office_image, "office")
            yield fmt, functools.partial(_office, job, office, fmt)


def tidy_headings(blocks: list[PandocValue]) -> None:
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


def _walk_blocks(node: PandocValue) -> list[PandocNode]:
    found: list[PandocNode] = []
    if isinstance(node, list):
        for item in node:
            found.extend(_walk_blocks(item))
    elif isinstance(node, dict):
        if node.get("t") == "Header":
            found.append(node)
        elif node.get("t") in ("Div", "BlockQuote", "BulletList", "OrderedList", "DefinitionList", "Figure"):
            found.extend(_walk_blocks(node.get("c")))
    return found


def _set_meta(tree: PandocTree, setting: Setting, title: str) -> None:
    def text(value: str) -> PandocNode:
        return {"t": "MetaString", "c": value}

    tree["meta"] = {
        "title": text(title),
        "lang": text(setting.lang),
        "author": {"t": "MetaList", "c": [text(setting.author)]},
    }


def _writer_json(
    checked: Checked, node_for: Callable[[ImageFile, PandocNode], PandocNode], *, for_typst: bool = False
) -> bytes:
    """The tree as pandoc's JSON with each checked image replaced for one kind of writer, and
    for Typst each text with punctuation as raw Typst that shows it as typed (pandoc's
    writer leaves some of it for Typst to read as markup: see :func:`typst_text`).

    The nodes are swapped in place and put back after serializing, which costs far less
    than copying a long document's tree once per format.
    """
    originals = {target: dict(node) for target, node in checked.image_nodes.items()}
    texts = [(node, node["c"]) for node in checked.punctuated] if for_typst else []
    try:
        for target, node in checked.image_nodes.items():
            replacement = node_for(checked.images[target], copy.deepcopy(originals[target]))
            node.clear()
            node.update(replacement)
        for node, text in texts:
            node["t"], node["c"] = "RawInline", ["typst", typst_text(text)]
        return pandoc.to_json(checked.tree)
    finally:  # putting back a node not yet swapped changes nothing
        for node, text in texts:
            node["t"], node["c"] = "Str", text
        for target, node in checked.image_nodes.items():
            node.clear()
            node.update(originals[target])


def _office_image(image: ImageFile, node: PandocNode) -> PandocNode:
    """Images for DOCX and ODT: an SVG logo as a PNG, which every Word and LibreOffice shows."""
    if image.mime == "image/svg+xml":
        source = f"{WORKSPACE_TEMPLATES}/{image.key}"
        try:
            png = svg_as_png(image.data, LOGO_WIDTH, source=source)
        except DialogError as exc:
            problem = "; ".join(f.message for f in exc.findings)
            raise DialogError(Finding(source, 1, 1, "error", f"the logo cannot be drawn: {problem}")) from None
        image = dataclasses.replace(image, data=png, mime="image/png")
    return _data_uri(image, node)


def _data_uri(image: ImageFile, node: PandocNode) -> PandocNode:
    node["c"][2][0] = f"data:{image.mime};base64,{base64.b64encode(image.data).decode('ascii')}"
    return node


def _typst_image(files: dict[str, bytes]) -> Callable[[ImageFile, PandocNode], PandocNode]:
    """Images for the Typst writer: files beside main.typ, placed by code built here, never from text."""

    def node_for(image: ImageFile, node: PandocNode) -> PandocNode:
        name = f"image-{len(files) + 1}{image.suffix}"
        files[name] = image.data
        # Typst code built here from a generated file name and a quoted string, never from text as code.
        code = f"#box(image({_typst_string(name)}, alt: {_typst_string(image.alt)}{_typst_size(image.width)}));"
        return {"t": "RawInline", "c": ["typst", code]}

    return node_for


def _file_beside(files: dict[str, bytes]) -> Callable[[ImageFile, PandocNode], PandocNode]:
    """Images for the Markdown: files beside it, under their own name where it is plain and unique."""

    def node_for(image: ImageFile, node: PandocNode) -> PandocNode:
        own = Path(image.key).name
        plain = _PLAIN_NAME.match(own) and Path(own).suffix.lower() in IMAGE_TYPES and own not in files
        name = own if plain else f"image-{len(files) + 1}{image.suffix}"
        files[name] = image.data
        node["c"][2][0] = name
        return node

    return node_for


def _markdown(tree_json: bytes, source: str) -> bytes:
    """Markdown written back from the checked tree, as every other format is.

    Not the template's own Markdown: staff Markdown may hold raw HTML, which pandoc's
    reader kept as text for the other formats and which a Markdown viewer would run.
    """
    return pandoc.write(tree_json, MARKDOWN_WRITER, source, ["--wrap=preserve"])


def _html(setting: Setting, tree_json: bytes, source: str) -> bytes:
    files = pandoc_template(setting.root, HTML_TEMPLATE)
    args = [*pandoc.template_args(next(iter(files))), "--shift-heading-level-by=1", "--wrap=none"]
    return pandoc.write(tree_json, "html5", source, args, files)


def _office(job: _Job, tree_json: bytes, to: str) -> bytes:
    """A DOCX or ODT: the workspace's reference document, else the house style's, dated by the document."""
    setting = job.setting
    files = pandoc_template(setting.root, OFFICE_TEMPLATES[to])
    template = next(iter(files))
    reference_name, reference = reference_document(setting.root, to, _house_style(setting, job.labels))
    files[reference_name] = reference
    args = pandoc.template_args(template, reference_name)
    made = pandoc.write(tree_json, to, job.doc.source, args, files)
    return dated(made, to, _made_on(job.doc.date))


def _house_style(setting: Setting, labels: Labels) -> HouseStyle:
    return HouseStyle(setting.author, setting.font, labels["page_of"])


def house_style(root: Path) -> HouseStyle:
    """The house style of the workspace at ``root``, which its built-in reference documents are made in."""
    from dialogkit.loading import require

    setting = setting_of(require(root))
    return _house_style(setting, load_labels(root, setting.locale))


def _made_on(date: dt.date | None) -> dt.datetime:
    """The document's date at midnight UTC; without one, now (SOURCE_DATE_EPOCH's time, for a reproducible build)."""
    if date is not None:
        return dt.datetime.combine(date, dt.time(), dt.UTC)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else dt.datetime.now(dt.UTC)


def _typst_string(value: str) -> str:
    cleaned = " ".join(value.split())
    return '"' + cleaned.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _typst_size(width: str | None) -> str:
    if width is None or width.endswith("px") or width[-1].isdigit():
        return ""
    return f", width: {width}"


def _pdf(job: _Job, tree_json: bytes, files: Mapping[str, bytes]) -> CompiledPdf:
    setting, doc = job.setting, job.doc
    templates = pandoc_template(setting.root, doc.typst_template)
    source = pandoc.write(tree_json, "typst", doc.source, pandoc.template_args(next(iter(templates))), templates)
    inputs = {
        "title": doc.title,
        "author": setting.author,
        "lang": setting.locale,
        "region": setting.country,
        "page": job.labels["page"],
        "page-of": job.labels["page_of"],
        "font": setting.font,
    }
    return compile_pdf(
        source,
        files,
        source=doc.source,
        inputs=inputs,
        font_dir=workspace_fonts(setting.root),
        standard=setting.pdf_standard,
    )

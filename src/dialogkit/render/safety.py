"""Checks on the parsed document: links and images point inside the workspace, nothing raw survives.

Pandoc parses the Markdown once into its JSON tree; this module walks that tree before
any writer sees it. Key-value attributes are dropped (pandoc's Typst writer turns
``{typst:text:fill=...}`` into code, its HTML writer turns ``{onclick=...}`` into an
attribute), raw blocks become visible text, links must be web, mail or in-document
targets or files inside the workspace, and images must be files inside the workspace.
The walk also notes the text that pandoc's Typst writer would leave for Typst to read as
markup (see :func:`typst_text`).
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from dialogkit import inputs
from dialogkit.errors import DialogError, Finding
from dialogkit.render.pandoc import PandocNode, PandocTree, PandocValue

_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif"}
# A resource the pipeline gives (the logo, checked when it is read) may be an SVG as well.
RESOURCE_TYPES = {**IMAGE_TYPES, ".svg": "image/svg+xml"}
MAX_IMAGE_BYTES = 20 * 1024 * 1024
_SIZE = re.compile(r"\d{1,4}(\.\d{1,3})?(%|cm|mm|in|pt|px|em)?\Z")
KEPT_ATTRIBUTES = frozenset({"width", "height"})
# ASCII punctuation, some of which pandoc's Typst writer leaves for Typst to read as markup:
# "= ", "+ ", "- " or "/ " at the start of a list item or a table cell begins a heading, a
# list or a term there, "-?" is a soft hyphen and "..." an ellipsis.
_PUNCTUATION = re.compile("[" + re.escape(string.punctuation) + "]")
_TYPST_ESCAPED = str.maketrans({c: "\\" + c for c in string.punctuation})
Resource = bytes | Callable[[], bytes | None]


@dataclass(frozen=True)
class ImageFile:
    """An image the document shows: its bytes, type and text alternative."""

    key: str
    data: bytes
    mime: str
    alt: str
    width: str | None = None

    @property
    def suffix(self) -> str:
        return {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/svg+xml": ".svg"}[self.mime]


@dataclass
class Checked:
    """A checked pandoc JSON tree and the images it shows, keyed by the target each Image now has."""

    tree: PandocTree
    images: dict[str, ImageFile] = field(default_factory=dict)
    image_nodes: dict[str, PandocNode] = field(default_factory=dict)  # the Image node of each target
    punctuated: list[PandocNode] = field(default_factory=list)  # the Str nodes with ASCII punctuation


def check_tree(tree: PandocTree, root: Path, source: str, resources: Mapping[str, Resource] | None = None) -> Checked:
    """Make the tree safe to hand to any writer, or raise the findings that say why it is not.

    ``resources`` are generated images (a timeline picture) and the logo that the Markdown
    names by key; a function gives an image's bytes when the document shows it.
    """
    checker = _Checker(root.resolve(), source, dict(resources or {}))
    checker.walk(tree.get("blocks", []))
    if checker.findings:
        raise DialogError(checker.findings)
    return Checked(tree, checker.images, checker.image_nodes, checker.punctuated)


def typst_text(text: str) -> str:
    """Typst markup that shows exactly ``text``: each ASCII punctuation character escaped.

    Typst reads a backslash and any character after it as that character, so escaping
    more than is needed changes nothing, and no position in a line is special any more.
    """
    return text.translate(_TYPST_ESCAPED)


class _Checker:
    def __init__(self, root: Path, source: str, resources: dict[str, Resource]) -> None:
        self.root = root
        self.source = source
        self.resources = resources
        self.images: dict[str, ImageFile] = {}
        self.image_nodes: dict[str, PandocNode] = {}
        self.findings: list[Finding] = []
        self.punctuated: list[PandocNode] = []

    def refuse(self, message: str) -> None:
        self.findings.append(Finding(self.source, 1, 1, "error", message))

    def walk(self, node: PandocValue) -> None:
        if isinstance(node, list):
            if _is_attr(node):
                node[2] = [kv for kv in node[2] if kv[0] in KEPT_ATTRIBUTES and _SIZE.match(kv[1])]
                return
            for item in node:
                self.walk(item)
            return
        if not isinstance(node, dict):
            return
        kind = node.get("t")
        if kind == "Str":
            if _PUNCTUATION.search(node["c"]) is not None:
                self.punctuated.append(node)
            return
        if kind in ("RawInline", "RawBlock"):
            # The reader has raw input off, so this is never expected; show it as text all the same.
            node["t"] = "Code" if kind == "RawInline" else "CodeBlock"
            node["c"] = [["", [], []], node["c"][1]]
            return
        if kind == "Link":
            self.link(node)
        elif kind == "Image":
            self.image(node)
        self.walk(node.get("c"))

    def link(self, node: PandocNode) -> None:
        url = node["c"][2][0]
        if url.startswith("#"):
            return
        scheme = _scheme(url)
        if scheme is not None:
            if scheme not in LINK_SCHEMES:
                self.refuse(f"the link '{_show(url)}' uses '{scheme}:'; links may be http, https, mailto or tel")
            return
        if _inside(self.root, url) is None:
            self.refuse(f"the link '{_show(url)}' points outside the workspace")

    def image(self, node: PandocNode) -> None:
        url = node["c"][2][0]
        alt = stringify(node["c"][1]).strip()
        if not alt:
            self.refuse(
                f"the image '{_show(url)}' needs a text alternative: write it between the brackets, ![like this](...)"
            )
        if url in self.resources:
            given = self.resources[url]
            data, key = given() if callable(given) else given, url
            if data is None:
                self.refuse(f"the image '{_show(url)}' does not exist")
                return
        else:
            data_key = self._file(url)
            if data_key is None:
                return
            data, key = data_key
        mime = (RESOURCE_TYPES if url in self.resources else IMAGE_TYPES).get(Path(key).suffix.lower())
        if mime is None:
            self.refuse(f"the image '{_show(url)}' is not a PNG, JPEG or GIF file")
            return
        width = next((v for k, v in node["c"][0][2] if k == "width" and _SIZE.match(v)), None)
        target = f"image-{len(self.images) + 1}"
        self.images[target] = ImageFile(key, data, mime, alt, width)
        self.image_nodes[target] = node
        node["c"][2][0] = target

    def _file(self, url: str) -> tuple[bytes, str] | None:
        scheme = _scheme(url)
        if scheme is not None or url.startswith("//"):
            self.refuse(f"the image '{_show(url)}' is not a file in the workspace; images may not come from the web")
            return None
        if _inside(self.root, url) is None:
            self.refuse(f"the image '{_show(url)}' points outside the workspace")
            return None
        name = _path_text(url)
        try:
            # The image's own path, not the one its links lead to: inputs refuses a link out.
            found = inputs.look(self.root, name)
            data = inputs.read_found(found, name, limit=MAX_IMAGE_BYTES)
        except DialogError as exc:
            for problem in exc.findings:
                self.refuse(f"the image '{_show(url)}' cannot be shown: {problem.message}")
            return None
        if data is None or found.path is None:
            self.refuse(f"the image '{_show(url)}' does not exist (paths are relative to the workspace)")
            return None
        return data, found.path.name


def _is_attr(node: list[PandocValue]) -> bool:
    return (
        len(node) == 3
        and isinstance(node[0], str)
        and isinstance(node[1], list)
        and all(isinstance(c, str) for c in node[1])
        and isinstance(node[2], list)
        and all(isinstance(kv, list) and len(kv) == 2 and all(isinstance(x, str) for x in kv) for kv in node[2])
    )


def _scheme(url: str) -> str | None:
    # Browsers ignore blanks and control characters inside a scheme ("java\tscript:").
    squeezed = "".join(c for c in unquote(url) if not (c.isspace() or unicodedata.category(c) == "Cc")).lower()
    match = _SCHEME.match(squeezed)
    return match[1] if match else None


def _path_text(url: str) -> str:
    return unquote(url.split("#", 1)[0].split("?", 1)[0])


def _inside(root: Path, url: str) -> Path | None:
    """The file a relative link or image path names, when it is inside the workspace."""
    path_text = _path_text(url)
    if not path_text or path_text.startswith(("/", "\\")) or "\\" in path_text or "\x00" in path_text:
        return None
    resolved = (root / path_text).resolve()
    return resolved if resolved == root or root in resolved.parents else None


def _show(url: str) -> str:
    return url if len(url) <= 80 else url[:77] + "..."


def stringify(inlines: PandocValue) -> str:
    """The plain text of pandoc inlines, as alt text or a title."""
    parts: list[str] = []
    _collect(inlines, parts.append)
    return "".join(parts)


def _collect(node: PandocValue, add: Callable[[str], None]) -> None:
    if isinstance(node, list):
        for item in node:
            _collect(item, add)
    elif isinstance(node, dict):
        kind = node.get("t")
        if kind == "Str":
            add(node["c"])
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            add(" ")
        elif kind in ("Code", "Math", "RawInline"):
            add(node["c"][1])
        elif kind in ("Link", "Image", "Span"):
            _collect(node["c"][1], add)
        else:
            _collect(node.get("c"), add)

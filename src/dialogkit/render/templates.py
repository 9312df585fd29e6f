"""Where templates come from: the workspace's templates/ first, then the built-in ones.

Every template, pandoc partial, logo, reference document and font is read through
:mod:`dialogkit.inputs`, so none is read through a link out of the workspace and each
one, or its absence, is an input of the document that looked for it.
"""

from __future__ import annotations

import io
import os
import posixpath
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dialogkit import inputs
from dialogkit.errors import DialogError, Finding, UsageError
from dialogkit.files import write_atomic
from dialogkit.layout import FONTS_DIR, WORKSPACE_TEMPLATES, builtin_templates
from dialogkit.render.reference import HouseStyle, reference_docx, reference_odt
from dialogkit.yamlload import decode_utf8

REFERENCE_DOCX = "reference.docx"
REFERENCE_ODT = "reference.odt"
REFERENCES = {"docx": REFERENCE_DOCX, "odt": REFERENCE_ODT}
LOGOS = ("logo.png", "logo.svg")  # the first the workspace has is the letterhead's
_PNG = b"\x89PNG\r\n\x1a\n"
_SVG = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]", re.S)
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
MAX_TEMPLATE_BYTES = 1_048_576
MAX_ASSET_BYTES = 20 * 1_048_576  # a logo or a reference document
# A pandoc partial is named as "${ name() }" or "$var:name()$"; a name with a slash would be
# read from any folder (pandoc joins it to the template's folder as it is), so none may have one.
_PARTIAL = re.compile(r"\$\{?[ \t]*(?:[^\s${}:]*:)?([^\s${}:()]+)\(\)")
_PATH_BEFORE_CALL = re.compile(r"[^\s${}:()]*[/\\][^\s${}:()]*\(\)")


@dataclass(frozen=True)
class TemplateInfo:
    """One built-in template and whether the workspace overrides it; a logo has no built-in one."""

    name: str
    overridden: bool
    builtin: bool = True


@dataclass(frozen=True)
class TemplateSource:
    """A template's text, the file it came from, and its stamp for noticing a change."""

    text: str
    filename: str
    stamp: tuple[str, str]  # the workspace's own file's stamp, the built-in file's stamp


def list_templates(root: Path) -> list[TemplateInfo]:
    """Every built-in template, and which of them the workspace at ``root`` overrides."""
    base = builtin_templates()
    names = sorted(
        p.relative_to(base).as_posix() for p in base.rglob("*") if p.is_file() and not p.name.startswith(".")
    )
    infos = [TemplateInfo(name, _overrides(root / WORKSPACE_TEMPLATES / name, base / name)) for name in names]
    infos += [TemplateInfo(name, (root / WORKSPACE_TEMPLATES / name).is_file()) for name in REFERENCES.values()]
    infos += [
        TemplateInfo(name, True, builtin=False) for name in LOGOS if (root / WORKSPACE_TEMPLATES / name).is_file()
    ]
    return sorted(infos, key=lambda info: info.name)


def _overrides(own: Path, builtin: Path) -> bool:
    # The repository's root is an example workspace whose templates/ are the built-in ones.
    return own.is_file() and own.resolve() != builtin.resolve()


def copy_template(root: Path, name: str, style: Callable[[], HouseStyle] | None = None) -> tuple[Path, bool]:
    """Copy the built-in template ``name`` into the workspace; never overwrites. Returns (path, copied).

    A reference document is the one made in the workspace's house style, which ``style`` gives.
    """
    known = {t.name for t in list_templates(root) if t.builtin}
    if name not in known:
        raise UsageError(
            f"no built-in template '{name}'; `dialog templates list` shows them: {', '.join(sorted(known))}"
        )
    target = root / WORKSPACE_TEMPLATES / name
    if name in REFERENCES.values():
        if style is None:
            raise UsageError(f"{name} is made in the workspace's house style, which was not given")
        data = reference_docx(style()) if name == REFERENCE_DOCX else reference_odt(style())
    else:
        data = (builtin_templates() / name).read_bytes()
    outcome = write_atomic(target, data, overwrite=False, within=root)
    return target, outcome != "kept"


def template_source(root: Path, name: str) -> TemplateSource | None:
    """Template ``name``: the workspace's own when it has one, else the built-in one; None when neither."""
    own = f"{WORKSPACE_TEMPLATES}/{name}"
    _check_name(name, own)
    found = inputs.look(root, own)
    builtin = builtin_templates() / name
    data = inputs.read_found(found, own, limit=MAX_TEMPLATE_BYTES)
    if data is not None and found.path is not None:
        return TemplateSource(decode_utf8(data, own), str(found.path), (found.stamp, _builtin_stamp(builtin)))
    if not builtin.is_file():
        return None
    text = decode_utf8(builtin.read_bytes(), own)
    return TemplateSource(text, str(builtin), (found.stamp, _builtin_stamp(builtin)))


def template_stamp(root: Path, name: str) -> tuple[str, str]:
    """The stamp :func:`template_source` would give now, from stats alone (and recorded as it)."""
    return inputs.look(root, f"{WORKSPACE_TEMPLATES}/{name}").stamp, _builtin_stamp(builtin_templates() / name)


def pandoc_template(root: Path, name: str) -> dict[str, bytes]:
    """Pandoc's template ``name`` and the partials it names, as files for a private folder; the template first."""
    folder, main = posixpath.split(name)
    extension = posixpath.splitext(main)[1]
    files: dict[str, bytes] = {}
    todo = [main]
    while todo:
        file = todo.pop()
        if file in files:
            continue
        source = template_source(root, posixpath.join(folder, file))
        if source is None:
            if not files:
                raise DialogError(_not_found(name))
            continue  # pandoc says which partial it misses
        display = f"{WORKSPACE_TEMPLATES}/{posixpath.join(folder, file)}"
        files[file] = source.text.encode("utf-8")
        todo.extend(_partials(source.text, display, extension))
    return files


def _partials(text: str, display: str, extension: str) -> list[str]:
    bad = _PATH_BEFORE_CALL.search(text)
    if bad is not None:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - text.rfind("\n", 0, bad.start())
        message = (
            f"the partial '{bad[0]}' names a path; pandoc partials are read from the template's own "
            "folder: give only the file name"
        )
        raise DialogError(Finding(display, line, column, "error", message))
    names = [match[1] for match in _PARTIAL.finditer(text)]
    return [n if posixpath.splitext(n)[1] else n + extension for n in names]


def has_workspace_asset(root: Path, name: str) -> bool:
    """Whether the workspace has the file templates/NAME (a logo), without reading it."""
    return inputs.exists(root, f"{WORKSPACE_TEMPLATES}/{name}")


def find_logo(root: Path) -> str | None:
    """The name of the workspace's logo (logo.png or logo.svg in templates/), without reading it."""
    return next((name for name in LOGOS if has_workspace_asset(root, name)), None)


def logo_file(root: Path, name: str) -> bytes | None:
    """The workspace's logo, once it is known to be the PNG or SVG picture its name says."""
    data = workspace_asset(root, name)
    if data is None:
        return None
    svg = name.endswith(".svg")
    if (svg and _SVG.match(data[:4096]) is None) or (not svg and not data.startswith(_PNG)):
        kind = "an SVG picture (XML with an <svg> element)" if svg else "a PNG picture"
        raise DialogError(
            Finding(
                f"{WORKSPACE_TEMPLATES}/{name}",
                1,
                1,
                "error",
                f"{WORKSPACE_TEMPLATES}/{name} is not {kind}; it starts with '{data[:8].decode('ascii', 'backslashreplace')}': "
                "save the logo as PNG or SVG under that name, or remove it",
            )
        )
    return data


def reference_document(root: Path, to: str, style: HouseStyle) -> tuple[str, bytes]:
    """The reference document for ``to`` (docx or odt): the workspace's own, else the house style's."""
    name = REFERENCES[to]
    own = workspace_asset(root, name)
    if own is None:
        return name, reference_docx(style) if to == "docx" else reference_odt(style)
    if not _is_package(own, to):
        what = "a Word document (.docx)" if to == "docx" else "an OpenDocument text (.odt)"
        raise DialogError(
            Finding(
                f"{WORKSPACE_TEMPLATES}/{name}",
                1,
                1,
                "error",
                f"{WORKSPACE_TEMPLATES}/{name} is not {what}: save it from Word or LibreOffice in that format, "
                f"or remove it to use the built-in one (`dialog templates copy {name}` writes it)",
            )
        )
    return name, own


def _is_package(data: bytes, to: str) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if to == "docx":
                return "word/document.xml" in names
            return "mimetype" in names and archive.read("mimetype").strip() == _ODT_MIMETYPE
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, ValueError):
        return False


def workspace_asset(root: Path, name: str) -> bytes | None:
    """An optional workspace file such as templates/reference.docx or templates/logo.png."""
    return inputs.read_bytes(root, f"{WORKSPACE_TEMPLATES}/{name}", limit=MAX_ASSET_BYTES)


def workspace_fonts(root: Path) -> Path | None:
    """The workspace's templates/fonts/ for Typst, once every file below it is known to be safe to read."""
    name = f"{WORKSPACE_TEMPLATES}/{FONTS_DIR}"
    found = inputs.look(root, name)
    if found.stamp != inputs.FOLDER or found.path is None:
        return None
    folders, seen = [name], {found.path}
    while folders:  # Typst reads every file below the folder, through links inside the workspace too
        folder = folders.pop()
        for entry in inputs.listing(root, folder)[0] or []:
            below = inputs.look(root, f"{folder}/{entry}")
            if below.stamp == inputs.FOLDER and below.path is not None and below.path not in seen:
                seen.add(below.path)
                folders.append(f"{folder}/{entry}")
    return found.path


def _check_name(name: str, display: str) -> None:
    if name.startswith(("/", "\\")) or "\\" in name or ".." in name.split("/"):
        raise DialogError(
            Finding(display, 1, 1, "error", f"'{name}' is not a template name inside {WORKSPACE_TEMPLATES}/")
        )


def _builtin_stamp(path: Path) -> str:
    try:
        info = os.stat(path)
    except OSError:
        return inputs.MISSING
    return f"{info.st_mtime_ns}:{info.st_size}"


def _not_found(name: str) -> Finding:
    return Finding(f"{WORKSPACE_TEMPLATES}/{name}", 1, 1, "error", f"template '{name}' not found")

"""Where templates come from: the workspace's templates/ first, then the built-in ones.

Every template, pandoc partial, logo, reference document and font is read through
:mod:`dialogkit.inputs`, so none is read through a link out of the workspace and each
one, or its absence, is an input of the document that looked for it.
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from dialogkit import inputs
from dialogkit.errors import DialogError, Finding, UsageError
from dialogkit.files import write_atomic
from dialogkit.layout import FONTS_DIR, WORKSPACE_TEMPLATES, builtin_templates
from dialogkit.yamlload import decode_utf8

REFERENCE_DOCX = "reference.docx"
REFERENCE_ODT = "reference.odt"
LOGO = "logo.png"
MAX_TEMPLATE_BYTES = 1_048_576
MAX_ASSET_BYTES = 20 * 1_048_576  # a logo or a reference document
# A pandoc partial is named as "${ name() }" or "$var:name()$"; a name with a slash would be
# read from any folder (pandoc joins it to the template's folder as it is), so none may have one.
_PARTIAL = re.compile(r"\$\{?[ \t]*(?:[^\s${}:]*:)?([^\s${}:()]+)\(\)")
_PATH_BEFORE_CALL = re.compile(r"[^\s${}:()]*[/\\][^\s${}:()]*\(\)")


@dataclass(frozen=True)
class TemplateInfo:
    """One built-in template and whether the workspace overrides it."""

    name: str
    overridden: bool


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
    return [TemplateInfo(name, _overrides(root / WORKSPACE_TEMPLATES / name, base / name)) for name in names]


def _overrides(own: Path, builtin: Path) -> bool:
    # The repository's root is an example workspace whose templates/ are the built-in ones.
    return own.is_file() and own.resolve() != builtin.resolve()


def copy_template(root: Path, name: str) -> tuple[Path, bool]:
    """Copy the built-in template ``name`` into the workspace; never overwrites. Returns (path, copied)."""
    known = {t.name for t in list_templates(root)}
    if name not in known:
        raise UsageError(
            f"no built-in template '{name}'; `dialog templates list` shows them: {', '.join(sorted(known))}"
        )
    target = root / WORKSPACE_TEMPLATES / name
    outcome = write_atomic(target, (builtin_templates() / name).read_bytes(), overwrite=False, within=root)
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

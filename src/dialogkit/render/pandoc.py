"""Running pandoc: Markdown in, its JSON tree out; a checked tree in, HTML, DOCX, ODT or Typst out."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from dialogkit.errors import DialogError, Finding

# Pandoc's JSON tree is nested and mixed ({"t": "Str", "c": "text"}, attribute triples,
# lists of inlines), so it stays loosely typed, behind these names.
PandocTree = dict[str, Any]  # the document: "pandoc-api-version", "meta" and "blocks"
PandocNode = dict[str, Any]  # one element: {"t": its kind, "c": its content}
PandocValue = Any  # any part of the tree: a node, a list, a string, a number

# Pandoc's Markdown without everything that lets text become code, markup or a file read:
# raw HTML, raw TeX and raw attributes, TeX math and macros, metadata blocks (whose
# header-includes reach the output), citations (a Typst bibliography lookup) and smart
# typography (the text stays as it was typed).
READER = (
    "markdown-raw_html-raw_tex-raw_attribute-tex_math_dollars-latex_macros-citations"
    "-yaml_metadata_block-pandoc_title_block-implicit_figures-smart"
)

# Pandoc's runtime is built to ask for a 64 MB heap (-H64m), which each run then faults in
# page by page; a 16 MB allocation area, reused between collections, took 13 % less CPU
# over a year's documents (pandoc 3.9). Given in GHCRTS, not as +RTS arguments: a pandoc
# built without runtime options then only warns, where the arguments would stop it.
RUNTIME_OPTIONS = "-A16m -H4096"


@cache
def pandoc_path() -> str:
    """The pandoc that ships with pypandoc-binary."""
    # Found without importing pypandoc, which costs each build worker a tenth of a second
    # (urllib, ssl and a `pandoc --version` run) to find the same file.
    spec = importlib.util.find_spec("pypandoc")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        shipped = Path(folder) / "files" / ("pandoc.exe" if sys.platform == "win32" else "pandoc")
        if shipped.is_file() and os.access(shipped, os.X_OK):
            return str(shipped)
    import pypandoc

    return str(pypandoc.get_pandoc_path())


def parse_markdown(markdown: str, source: str) -> PandocTree:
    """Pandoc's JSON tree of ``markdown``."""
    out = run_pandoc(["-f", READER, "-t", "json"], markdown.encode("utf-8"), source)
    tree: PandocTree = json.loads(out)
    return tree


def to_json(tree: PandocTree) -> bytes:
    """The tree as the JSON pandoc reads."""
    return json.dumps(tree, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def write(
    tree: PandocTree | bytes,
    to: str,
    source: str,
    args: Sequence[str] = (),
    files: Mapping[str, bytes] | None = None,
) -> bytes:
    """Pandoc's output for the tree (or its JSON) in format ``to`` (html5, docx, odt, typst, markdown).

    ``files`` (a template, its partials, a reference document) are put in pandoc's private
    folder, where ``args`` name them.
    """
    data = tree if isinstance(tree, bytes) else to_json(tree)
    return run_pandoc(["-f", "json", "-t", to, *args], data, source, files)


def run_pandoc(args: list[str], data: bytes, source: str, files: Mapping[str, bytes] | None = None) -> bytes:
    """Run pandoc in its sandbox: it reads only the files named on its command line and ``files``.

    Input and output go through files in a private temporary folder, not pipes: a pipe
    stalls pandoc whenever this process's other threads hold the GIL instead of draining it.
    Pandoc runs in that folder with an empty data folder, so a template and its partials
    are the ones given here, read from the workspace by dialog, never files pandoc finds.
    """
    with tempfile.TemporaryDirectory(prefix="dialog-pandoc-") as folder:
        given, made, own = Path(folder) / "input", Path(folder) / "output", Path(folder) / "files"
        given.write_bytes(data)
        own.mkdir()
        for name, content in (files or {}).items():
            (own / name).write_bytes(content)
        try:
            done = subprocess.run(
                [pandoc_path(), "--sandbox", f"--data-dir={folder}/data", *args, "-o", str(made), str(given)],
                cwd=own,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                env={**os.environ, "GHCRTS": RUNTIME_OPTIONS},
                check=False,
                timeout=300,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise DialogError(Finding(source, 1, 1, "error", f"pandoc did not run: {exc}")) from None
        if done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip() or f"exit code {done.returncode}"
            raise DialogError(Finding(source, 1, 1, "error", f"pandoc failed: {message}"))
        return made.read_bytes()


@cache
def default_data_file(name: str) -> bytes:
    """One of pandoc's own data files, such as its reference.docx, to build the house style from."""
    with tempfile.TemporaryDirectory(prefix="dialog-pandoc-") as folder:
        made = Path(folder) / name
        done = subprocess.run(
            [pandoc_path(), "-o", str(made), "--print-default-data-file", name],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            check=False,
            timeout=60,
        )
        if done.returncode != 0:
            raise DialogError(
                Finding(name, 1, 1, "error", f"pandoc has no {name}: {done.stderr.decode(errors='replace')}")
            )
        return made.read_bytes()


def template_args(template: str | Path | None, reference: str | Path | None = None) -> list[str]:
    """Pandoc options for a standalone document with a template and a reference document (named
    in the files given to :func:`write`, or by path)."""
    args = ["--standalone"]
    if template is not None:
        args.append(f"--template={template}")
    if reference is not None:
        args.append(f"--reference-doc={reference}")
    return args

"""Running pandoc: Markdown in, its JSON tree out; a checked tree in, HTML, DOCX, ODT or Typst out."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from dialogkit.errors import DialogError, Finding

# Pandoc's Markdown without everything that lets text become code, markup or a file read:
# raw HTML, raw TeX and raw attributes, TeX math and macros, metadata blocks (whose
# header-includes reach the output), citations (a Typst bibliography lookup) and smart
# typography (the text stays as it was typed).
READER = (
    "markdown-raw_html-raw_tex-raw_attribute-tex_math_dollars-latex_macros-citations"
    "-yaml_metadata_block-pandoc_title_block-implicit_figures-smart"
)


@cache
def pandoc_path() -> str:
    """The pandoc that ships with pypandoc-binary."""
    import pypandoc

    return str(pypandoc.get_pandoc_path())


def parse_markdown(markdown: str, source: str) -> dict[str, Any]:
    """Pandoc's JSON tree of ``markdown``."""
    out = run_pandoc(["-f", READER, "-t", "json"], markdown.encode("utf-8"), source)
    tree: dict[str, Any] = json.loads(out)
    return tree


def write(tree: dict[str, Any], to: str, source: str, args: Sequence[str] = ()) -> bytes:
    """Pandoc's output for the tree in format ``to`` (html5, docx, odt, typst, markdown)."""
    return run_pandoc(["-f", "json", "-t", to, *args, "-o", "-"], json.dumps(tree).encode("utf-8"), source)


def run_pandoc(args: list[str], data: bytes, source: str) -> bytes:
    """Run pandoc in its sandbox: it reads only the files named on its command line."""
    try:
        done = subprocess.run(
            [pandoc_path(), "--sandbox", *args], input=data, capture_output=True, check=False, timeout=300
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DialogError(Finding(source, 1, 1, "error", f"pandoc did not run: {exc}")) from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip() or f"exit code {done.returncode}"
        raise DialogError(Finding(source, 1, 1, "error", f"pandoc failed: {message}"))
    return done.stdout


def template_args(template: Path | None, reference: Path | None = None) -> list[str]:
    """Pandoc options for a standalone document with a template and a reference document."""
    args = ["--standalone"]
    if template is not None:
        args.append(f"--template={template}")
    if reference is not None:
        args.append(f"--reference-doc={reference}")
    return args

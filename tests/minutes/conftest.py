"""Fixtures for the minutes: the example workspaces copied to a temporary folder, documents read back."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dialogkit.cli import app
from tests.conftest import EXAMPLES

CopyExample = Callable[[str], Path]
runner = CliRunner()


@pytest.fixture
def copy_example(tmp_path: Path) -> CopyExample:
    """Copy the Swedish ("sv") or Norwegian ("nb") example's workspace files to tmp_path."""

    def copy(locale: str) -> Path:
        source, target = EXAMPLES[locale], tmp_path / locale
        target.mkdir()
        for name in ("dialog.yaml", "areas.yaml"):
            shutil.copy(source / name, target / name)
        shutil.copytree(source / "cycles", target / "cycles")
        return target

    return copy


def dialog(root: Path, *args: str | Path) -> tuple[int, str, str]:
    """Run `dialog -C ROOT ARGS` in-process: exit code, standard output, standard error."""
    result = runner.invoke(app, ["-C", str(root), *map(str, args)])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception  # a traceback a person would have seen
    return result.exit_code, result.stdout, result.stderr


def docx_outline(path: Path) -> list[tuple[str, str]]:
    """(style name, text) of the title and every heading of a DOCX, in order."""
    import docx

    document = docx.Document(str(path))
    return [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith(("Heading", "Title"))
    ]


def docx_tables(path: Path) -> list[list[list[str]]]:
    """Every table of a DOCX as rows of cell texts."""
    import docx

    document = docx.Document(str(path))
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]


def pdf_text(path: Path) -> str:
    """The text of a PDF, page after page."""
    import pypdf

    return "\n".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)

"""No file outside the workspace, and no special file, is read through a link: each is a finding."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dialogkit.errors import DialogError
from dialogkit.loading import require
from dialogkit.render.documents import render_meeting_document
from tests.conftest import WriteWorkspace, run_dialog
from tests.render.conftest import PNG

SECRET = "CI_TOKEN=ghp-secret-4d1e"
WHAT_TO_DO = "dialog reads no file through such a link: put the file itself here"
REFERAT = "---\ndate: 2025-04-08\npresent: [Ordförande]\nabsent: []\nminutes_by: Sekreterare\nconclusions: [Mer ljus]\n---\n## Sak 1\n\nText.\n"


@pytest.fixture
def root(write_workspace: WriteWorkspace) -> Path:
    root = write_workspace()
    (root.parent / "outside").mkdir()
    (root.parent / "outside" / "secret").write_text(SECRET, encoding="utf-8")
    (root / "templates").mkdir()
    return root


def link(root: Path, name: str, target: str | Path) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(target)


def everything_built(root: Path) -> str:
    """The text of every file under build/, compressed parts (DOCX, ODT) unpacked."""
    import zipfile

    texts: list[str] = []
    for path in (root / "build").rglob("*") if (root / "build").is_dir() else []:
        if path.suffix in (".docx", ".odt"):
            with zipfile.ZipFile(path) as archive:
                texts.extend(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
        elif path.is_file():
            texts.append(path.read_bytes().decode("utf-8", "replace"))
    return "\n".join(texts)


def check_lines(root: Path) -> list[str]:
    code, output = run_dialog(CliRunner(), "-C", root, "check")
    assert code == 1, output
    return [line for line in output.splitlines() if ": error: " in line]


@pytest.mark.parametrize("target", ["../../outside/secret", "/proc/self/environ"])
def test_a_logo_linked_out_of_the_workspace_is_never_embedded(root: Path, target: str) -> None:
    link(root, "templates/logo.png", target)
    with pytest.raises(DialogError) as caught:
        render_meeting_document(require(root), "invitation", 2025, "hogvad", ["html", "docx"])
    assert str(caught.value) == (
        f"templates/logo.png:1:1: error: templates/logo.png is a link to '{target}', outside the workspace; "
        + WHAT_TO_DO
    )
    assert SECRET not in everything_built(root) and "PATH=" not in everything_built(root)
    assert check_lines(root) == [str(caught.value)]


def test_a_link_inside_the_workspace_is_followed(root: Path) -> None:
    (root / "assets").mkdir()
    (root / "assets" / "vapen.png").write_bytes(PNG)
    link(root, "templates/logo.png", "../assets/vapen.png")
    written = render_meeting_document(require(root), "invitation", 2025, "hogvad", ["html"]).written
    assert "data:image/png;base64," in written[0].read_text(encoding="utf-8")
    code, output = run_dialog(CliRunner(), "-C", root, "check")
    assert code == 0, output


def test_an_included_template_linked_out_is_refused(root: Path) -> None:
    (root / "templates" / "invitation.md.j2").write_text("# Inbjudan\n\n{% include 'delar/fot.md.j2' %}\n")
    link(root, "templates/delar/fot.md.j2", "../../../outside/secret")
    with pytest.raises(
        DialogError, match=re.escape("templates/delar/fot.md.j2 is a link to '../../../outside/secret'")
    ):
        render_meeting_document(require(root), "invitation", 2025, "hogvad", ["md"])
    assert SECRET not in everything_built(root)
    assert check_lines(root) == [
        "templates/delar/fot.md.j2:1:1: error: templates/delar/fot.md.j2 is a link to '../../../outside/secret', "
        "outside the workspace; " + WHAT_TO_DO
    ]


def test_a_pandoc_partial_linked_out_is_refused(root: Path) -> None:
    (root / "templates" / "pandoc").mkdir()
    (root / "templates" / "pandoc" / "document.html").write_text("<html>\n${ sidhuvud() }\n$body$\n</html>\n")
    link(root, "templates/pandoc/sidhuvud.html", "../../../outside/secret")
    with pytest.raises(DialogError, match=re.escape("templates/pandoc/sidhuvud.html is a link to")):
        render_meeting_document(require(root), "invitation", 2025, "hogvad", ["html"])
    assert SECRET not in everything_built(root)
    (root / "templates" / "pandoc" / "sidhuvud.html").unlink()
    (root / "templates" / "pandoc" / "sidhuvud.html").write_text("<p>Provkommuns sidhuvud</p>\n")
    written = render_meeting_document(require(root), "invitation", 2025, "hogvad", ["html"]).written
    assert "<p>Provkommuns sidhuvud</p>" in written[0].read_text(encoding="utf-8")  # partials still work


def test_minutes_linked_out_are_not_loaded(root: Path) -> None:
    (root.parent / "outside" / "referat.md").write_text(REFERAT.replace("Text.", SECRET), encoding="utf-8")
    link(root, "cycles/2025/hogvad/referat.md", "../../../../outside/referat.md")
    expected = (
        "cycles/2025/hogvad/referat.md:1:1: error: cycles/2025/hogvad/referat.md is a link to "
        "'../../../../outside/referat.md', outside the workspace; " + WHAT_TO_DO
    )
    assert check_lines(root) == [expected]
    code, output = run_dialog(CliRunner(), "-C", root, "build", "--to", "html,md")
    assert code == 1 and expected in output
    assert SECRET not in everything_built(root)


def test_fonts_linked_to_the_root_folder_are_a_finding_not_an_internal_error(root: Path) -> None:
    link(root, "templates/fonts", "/")
    code, output = run_dialog(CliRunner(), "-C", root, "render", "invitation", "2025/hogvad", "--to", "pdf")
    assert code == 1
    assert "templates/fonts:1:1: error: templates/fonts is a link to '/', outside the workspace" in output
    assert "internal error" not in output
    assert len(check_lines(root)) == 1
    (root / "templates/fonts").unlink()
    link(root, "templates/fonts/Egna/ute", root.parent / "outside")  # deeper down, Typst would read it too
    code, output = run_dialog(CliRunner(), "-C", root, "render", "invitation", "2025/hogvad", "--to", "pdf")
    assert code == 1 and "templates/fonts/Egna/ute is a link to" in output


def test_a_fifo_is_never_opened(root: Path) -> None:
    (root / "cycles/2025/hogvad/referat.md").write_text(REFERAT + "\n![Karta](cycles/2025/hogvad/karta.png)\n")
    os.mkfifo(root / "cycles/2025/hogvad/karta.png")
    os.mkfifo(root / "templates" / "logo.png")
    # In a process of its own: opening a FIFO would wait for a writer for ever.
    done = subprocess.run(
        [sys.executable, "-m", "dialogkit", "-C", str(root), "build", "--to", "html"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1
    assert "templates/logo.png is a FIFO, not a regular file; dialog reads only regular files" in done.stderr
    code, output = run_dialog(CliRunner(), "-C", root, "check")
    assert code == 1
    assert "cycles/2025/hogvad/karta.png:1:1: error: cycles/2025/hogvad/karta.png is a FIFO" in output
    assert "templates/logo.png:1:1: error: templates/logo.png is a FIFO" in output


def test_an_image_in_a_raw_folder_is_never_shown(root: Path) -> None:
    (root / "cycles/2025/raw").mkdir()
    (root / "cycles/2025/raw/export.png").write_bytes(PNG)
    link(root, "cycles/2025/hogvad/bild.png", "../raw/export.png")
    (root / "cycles/2025/hogvad/referat.md").write_text(REFERAT + "\n![Bild](cycles/2025/hogvad/bild.png)\n")
    code, output = run_dialog(CliRunner(), "-C", root, "render", "referat", "2025/hogvad", "--to", "html")
    assert code == 1
    assert "the image 'cycles/2025/hogvad/bild.png' cannot be shown: cycles/2025/hogvad/bild.png is in a raw/" in (
        output
    )
    assert any("bild.png is in a raw/ folder" in line for line in check_lines(root))

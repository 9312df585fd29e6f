"""Each kind of input rebuilds exactly the documents that read it: inputs are what the code read."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dialogkit.layout import builtin_templates
from tests.conftest import EXAMPLES, run_dialog
from tests.render.conftest import zip_member

MEETINGS = ("atradalen", "hogvad", "kalv")
AGENDAS = [f"2025/{m}/agenda" for m in MEETINGS]
INVITATIONS = [f"2025/{m}/invitation" for m in MEETINGS]
DOCUMENTS = sorted(
    [*AGENDAS, *INVITATIONS, "2025/hogvad/survey-report", "2025/plan", "2025/referat-compilation", "2025/followup"]
)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """The Swedish example's files without templates: the built-in ones are used."""
    root = tmp_path / "ws"
    root.mkdir()
    for name in ("dialog.yaml", "areas.yaml"):
        shutil.copy(EXAMPLES["sv"] / name, root / name)
    shutil.copytree(EXAMPLES["sv"] / "cycles", root / "cycles", ignore=shutil.ignore_patterns("raw"))
    return root


def rebuilt(root: Path, formats: str = "html") -> list[str]:
    """Build 2025 and the site; the targets that were made again."""
    code, output = run_dialog(CliRunner(), "-C", root, "build", "2025", "--to", formats)
    assert code == 0, output
    return sorted(line.split()[1] for line in output.splitlines() if line.startswith("built "))


def png(color: str) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), color).save(buffer, "PNG")
    return buffer.getvalue()


def write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def test_a_template_rebuilds_the_documents_made_with_it(workspace: Path) -> None:
    assert rebuilt(workspace) == sorted([*DOCUMENTS, "site"])
    agenda = (builtin_templates() / "agenda.md.j2").read_text(encoding="utf-8")
    own = workspace / "templates" / "agenda.md.j2"
    write(own, agenda + "\nEgen rad i dagordningen.\n")  # an override that was looked for and missing
    assert rebuilt(workspace) == AGENDAS
    assert "Egen rad i dagordningen" in (workspace / "build/2025/kalv/agenda.html").read_text(encoding="utf-8")
    included = (builtin_templates() / "referat-meeting.md.j2").read_text(encoding="utf-8")
    write(workspace / "templates" / "referat-meeting.md.j2", included + "\nEget tillägg.\n")
    assert rebuilt(workspace) == ["2025/referat-compilation"]  # included by the compilation's template
    own.unlink()
    assert rebuilt(workspace) == AGENDAS
    write(workspace / "templates" / "pandoc" / "document.html", "<html><body>$body$</body></html>\n")
    assert rebuilt(workspace) == DOCUMENTS  # every HTML document; the site is not made by pandoc
    assert rebuilt(workspace) == []


def test_labels_rebuild_every_document_that_uses_them(workspace: Path) -> None:
    rebuilt(workspace)
    write(workspace / "templates" / "labels.yaml", "sv:\n  agenda: Föredragningslista\n")
    assert rebuilt(workspace) == sorted([*DOCUMENTS, "site"])
    assert "Föredragningslista" in (workspace / "build/2025/kalv/agenda.html").read_text(encoding="utf-8")
    write(workspace / "templates" / "labels.yaml", "sv:\n  agenda: Dagordning för mötet\n")
    assert rebuilt(workspace) == sorted([*DOCUMENTS, "site"])


def test_a_reference_document_rebuilds_only_what_it_shapes(workspace: Path) -> None:
    import docx

    rebuilt(workspace, "html")
    (workspace / "templates").mkdir()
    reference = docx.Document()
    reference.styles["Normal"].font.name = "Garamond Provkommun"
    reference.save(str(workspace / "templates" / "reference.docx"))
    assert rebuilt(workspace, "html") == []  # no Word document is made: it is nobody's input
    rebuilt(workspace, "html,docx")
    reference.styles["Normal"].font.name = "Times Provkommun"
    reference.save(str(workspace / "templates" / "reference.docx"))
    # Each Word document, and the site, which links the Word files with their sizes.
    assert rebuilt(workspace, "html,docx") == sorted([*DOCUMENTS, "site"])
    size = (workspace / "build/2025/plan.docx").stat().st_size
    index = (workspace / "build/site/index.html").read_text(encoding="utf-8")
    assert f'<a href="documents/2025/plan.docx">Plan för 2025 (Word, {round(size / 1000)} kB)</a>' in index
    assert "Times Provkommun" in zip_member(workspace / "build/2025/plan.docx", "word/styles.xml")


def test_the_logo_rebuilds_the_documents_that_show_it(workspace: Path) -> None:
    rebuilt(workspace)
    write(workspace / "templates" / "logo.png", png("red"))
    assert rebuilt(workspace) == DOCUMENTS  # every document's letterhead shows it
    write(workspace / "templates" / "logo.png", png("blue"))
    assert rebuilt(workspace) == DOCUMENTS
    (workspace / "templates" / "logo.png").unlink()
    assert rebuilt(workspace) == DOCUMENTS  # an SVG logo is looked for once the PNG is gone
    write(workspace / "templates" / "logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    assert rebuilt(workspace) == DOCUMENTS


def test_an_image_in_the_minutes_rebuilds_the_compilation(workspace: Path) -> None:
    minutes = workspace / "cycles/2025/kalv/referat.md"
    write(minutes, minutes.read_text(encoding="utf-8") + "\n![Karta över Kalv](cycles/2025/kalv/karta.png)\n")
    write(workspace / "cycles/2025/kalv/karta.png", png("red"))
    rebuilt(workspace)
    write(workspace / "cycles/2025/kalv/karta.png", png("green"))
    assert rebuilt(workspace) == ["2025/referat-compilation"]


def test_survey_answers_rebuild_only_their_report_and_the_site(workspace: Path) -> None:
    rebuilt(workspace)
    answers = workspace / "cycles/2025/hogvad/survey/responses.csv"
    lines = answers.read_text(encoding="utf-8-sig").splitlines()
    write(answers, "\n".join(lines[:-1]) + "\n")  # one answer fewer
    assert rebuilt(workspace) == ["2025/hogvad/survey-report", "site"]  # the site counts the answers


def test_meeting_files_rebuild_the_documents_that_read_them(workspace: Path) -> None:
    rebuilt(workspace)
    meeting = workspace / "cycles/2025/kalv/meeting.yaml"
    text = meeting.read_text(encoding="utf-8")
    place = next(line for line in text.splitlines() if line.startswith("place:"))
    write(meeting, text.replace(place, "place: Kalvs nya bygdegård"))
    assert rebuilt(workspace) == [
        "2025/followup",  # lists each meeting with its work groups
        "2025/kalv/agenda",
        "2025/kalv/invitation",
        "2025/plan",
        "2025/referat-compilation",
        "site",
    ]
    groups = workspace / "cycles/2025/kalv/workgroups.yaml"
    write(groups, groups.read_text(encoding="utf-8") + "\n# granskad\n")
    assert rebuilt(workspace) == ["2025/followup", "site"]


def test_the_manifest_lists_what_each_document_read(workspace: Path) -> None:
    rebuilt(workspace)
    manifest = json.loads((workspace / "build/.dialog-manifest.json").read_text(encoding="utf-8"))
    invitation = manifest["targets"]["2025/kalv/invitation"]["inputs"]
    assert "cycles/2025/kalv/meeting.yaml" in invitation and "templates/invitation.md.j2" in invitation
    assert not any(name.startswith("cycles/2025/hogvad") for name in invitation)

"""The example workspace's follow-up through the document pipeline, read back from DOCX, PDF and HTML."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dialogkit.followup import render_followup
from dialogkit.loading import require
from tests.conftest import EXAMPLES, REPO

from .conftest import HOGVAD_2025, MakeWorkspace

AS_OF = dt.date(2026, 1, 15)


def _docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def test_example_followup_renders(tmp_path: Path) -> None:
    ws = require(REPO)
    written = render_followup(ws, 2025, AS_OF, ["docx", "pdf", "html"], tmp_path).written
    assert written == [tmp_path / "2025" / f"followup.{fmt}" for fmt in ("docx", "pdf", "html")]

    docx_text = _docx_text(written[0])
    assert "Sammanfattning" in docx_text
    assert "Avsatta medel: 765 000 kr" in docx_text
    assert "Träffpunkt Högvad, möte 8 april 2025" in docx_text
    assert "Samhällsbyggnadsförvaltningen" in docx_text  # the per-department table
    assert "försenad" in docx_text  # the Trafikverket request, due 31 December 2025

    import docx

    images = [r for r in docx.Document(str(written[0])).part.rels.values() if "image" in r.reltype]
    assert len(images) == 1  # the chart

    pdf_text = " ".join(_pdf_text(written[1]).split())
    assert "uppföljning 2025" in pdf_text
    assert "Åtgärder per status" in pdf_text
    assert "Ätradalen" in pdf_text

    html = written[2].read_text(encoding="utf-8")
    assert 'lang="sv-SE"' in html
    assert "data:image/png;base64," in html
    assert 'alt="Stapeldiagram, åtgärder per status: Planerad 2, Pågår 5, Klar 7, Avbruten 1."' in html


def test_norwegian_followup_renders(tmp_path: Path) -> None:
    written = render_followup(require(EXAMPLES["nb"]), 2022, dt.date(2023, 1, 15), ["md"], tmp_path).written
    text = written[0].read_text(encoding="utf-8")
    assert "Tiltak per status" in text
    assert "Frist: 31. oktober 2023" in text  # read back from pandoc's tree: "31." stayed text, not a list


def test_residents_text_is_escaped_in_documents(make_workspace: MakeWorkspace, tmp_path: Path) -> None:
    hostile = HOGVAD_2025.replace("Offert inhämtad", '"<script>alert(1)</script> [klick](javascript:alert(2))"')
    root = make_workspace({"cycles/2025/hogvad/workgroups.yaml": hostile})
    written = render_followup(require(root), 2025, dt.date(2025, 7, 1), ["html"], tmp_path).written
    html = written[0].read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "javascript:" not in html.replace("[klick](javascript:alert(2))", "") or 'href="javascript' not in html
    assert 'href="javascript' not in html


def test_no_chart_without_actions(make_workspace: MakeWorkspace, tmp_path: Path) -> None:
    written = render_followup(require(make_workspace()), 2023, dt.date(2024, 1, 1), ["md"], tmp_path).written
    text = written[0].read_text(encoding="utf-8")
    assert "followup-chart.png" not in text
    assert "Inga åtgärder är försenade." in text

"""`dialog render poster`: one A4 page in large type whose QR code, read from the rendered page, opens the link."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdfium2
import zxingcpp
from pypdf import PdfReader

from dialogkit.loading import require
from dialogkit.render.documents import render_meeting_document

from .conftest import SV_DIALOG, SV_MEETING, MakeWorkspace, pdf_text

REPO = Path(__file__).resolve().parents[2]


def qr_codes(pdf: Path) -> list[str]:
    """The QR codes a phone would read from the printed page: the page drawn at 150 dpi, then decoded."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[0].render(scale=150 / 72).to_pil()
    finally:
        document.close()
    return [found.text for found in zxingcpp.read_barcodes(image) if found.format == zxingcpp.BarcodeFormat.QRCode]


def test_the_posters_qr_code_opens_the_sign_up_page_printed_beside_it(tmp_path: Path) -> None:
    (pdf,) = render_meeting_document(require(REPO), "poster", 2025, "hogvad", ["pdf"], tmp_path).written
    assert qr_codes(pdf) == ["https://www.svenljunga.se/traffpunkt"]
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1
    catalog: Any = reader.trailer["/Root"]  # a PDF dictionary, typed only as an object
    xmp = catalog["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<pdfaid:part>2</pdfaid:part>" in xmp and "<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert catalog["/Lang"] == "sv-SE"
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    text = " ".join(pdf_text(pdf).split())
    for phrase in ("Träffpunkt Högvad", "tisdag 8 april 2025, klockan 18.00–20.00", "Överlida bygdegård"):
        assert phrase in text
    assert "Skanna koden eller gå till www.svenljunga.se/traffpunkt" in text
    assert "Samlingsplats: Parkeringen vid Överlida bygdegård." in text
    lines = [line.strip() for line in pdf_text(pdf).splitlines()]
    assert lines[:3] == ["Svenljunga kommun", "Kommunstyrelseförvaltningen", "Träffpunkt Högvad"]
    assert lines.count("Träffpunkt Högvad") == 1  # the letterhead's title, not the poster's own as well


def test_the_poster_is_in_large_type(tmp_path: Path) -> None:
    (pdf,) = render_meeting_document(require(REPO), "poster", 2025, "hogvad", ["pdf"], tmp_path).written
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], fonts: object, size: float) -> None:
        if text.strip():
            sizes.append(size * tm[0])

    PdfReader(pdf).pages[0].extract_text(visitor_text=visit)
    # The footer is the smallest, the title the largest; most text is half as large again as a letter's 11 pt.
    assert sizes and min(sizes) >= 12 and max(sizes) >= 30
    assert sorted(sizes)[len(sizes) // 2] >= 16


def test_without_a_sign_up_link_the_qr_code_opens_the_survey(sv_workspace: MakeWorkspace, tmp_path: Path) -> None:
    meeting = SV_MEETING + "survey: {link: 'https://prov.se/enkat?omrade=hogvad&steg=1', closes: 2025-03-20}\n"
    root = sv_workspace(**{"cycles__2025__hogvad__meeting.yaml": meeting})
    (pdf,) = render_meeting_document(require(root), "poster", 2025, "hogvad", ["pdf"], tmp_path).written
    assert qr_codes(pdf) == ["https://prov.se/enkat?omrade=hogvad&steg=1"]


def test_without_any_link_the_poster_has_no_qr_code(sv_workspace: MakeWorkspace, tmp_path: Path) -> None:
    root = sv_workspace(**{"dialog.yaml": SV_DIALOG})
    (pdf, md) = render_meeting_document(require(root), "poster", 2025, "hogvad", ["pdf", "md"], tmp_path).written
    assert qr_codes(pdf) == []
    assert "qr.png" not in md.read_text(encoding="utf-8")
    assert "Anmäl dig senast tisdag 25 mars 2025." in " ".join(pdf_text(pdf).split())


def test_the_norwegian_examples_fullest_poster_fits_one_page(tmp_path: Path) -> None:
    ws = require(REPO / "examples" / "tjenestedialog")
    (pdf,) = render_meeting_document(ws, "poster", 2022, "skole", ["pdf"], tmp_path).written
    assert len(PdfReader(pdf).pages) == 1
    assert qr_codes(pdf) == ["https://www.nordvik.kommune.no/dialogmoter"]
    text = " ".join(pdf_text(pdf).split())
    assert "Nordvik kommune inviterer til dialogmøte om skole og SFO." in text
    assert "Oppmøtested: Hovedinngangen til Nordre skole." in text

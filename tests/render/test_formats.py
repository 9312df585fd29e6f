"""Every format read back: PDF (A4, PDF/A-2a + PDF/UA-1, tags, language, text), DOCX, HTML, ODT, Markdown."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TypedDict

import pytest
from pypdf import PdfReader

from dialogkit.loading import require
from dialogkit.render.documents import render_meeting_document

from .conftest import (
    NB_AREAS,
    NB_DIALOG,
    NB_MEETING,
    SV_AREAS,
    SV_DIALOG,
    SV_MEETING,
    docx_paragraphs,
    pdf_structure,
    pdf_text,
    write_files,
    xml_text,
    zip_member,
)

ALL = ["md", "html", "docx", "odt", "pdf"]


class Expected(TypedDict):
    """What a reader of the invitation must find in every format."""

    title: str
    date: str
    headings: list[str]
    lang: str
    author: str
    rsvp: str


Rendered = tuple[dict[str, Path], Expected]
CASES: dict[str, tuple[dict[str, str | bytes], tuple[int, str], Expected]] = {
    "sv": (
        {"dialog.yaml": SV_DIALOG, "areas.yaml": SV_AREAS, "cycles/2025/hogvad/meeting.yaml": SV_MEETING},
        (2025, "hogvad"),
        {
            "title": "Inbjudan: Träffpunkt Högvad",
            "date": "tisdag 8 april 2025, klockan 18.00–20.00",
            "headings": [
                "När",
                "Var",
                "Anmälan och frågor",
                "Programmet i korthet",
                "Från kommunen deltar",
                "Trygghetsvandring",
            ],
            "lang": "sv-SE",
            "author": "Provkommun",
            "rsvp": "Anmäl dig senast tisdag 25 mars 2025.",
        },
    ),
    "nb": (
        {"dialog.yaml": NB_DIALOG, "areas.yaml": NB_AREAS, "cycles/2022/barnehage/meeting.yaml": NB_MEETING},
        (2022, "barnehage"),
        {
            "title": "Invitasjon: Dialogmøte – Barnehage",
            "date": "torsdag 12. mai 2022, klokken 17.00–19.00",
            "headings": [
                "Når",
                "Hvor",
                "Påmelding og spørsmål",
                "Programmet i korte trekk",
                "Fra kommunen deltar",
                "Invitert",
            ],
            "lang": "nb-NO",
            "author": "Nordvik kommune",
            "rsvp": "Meld deg på innen torsdag 28. april 2022.",
        },
    ),
}


@pytest.fixture(scope="module", params=sorted(CASES))
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    files, (year, area), expected = CASES[request.param]
    root = write_files(tmp_path_factory.mktemp(request.param), files)
    result = render_meeting_document(require(root), "invitation", year, area, ALL)
    paths = {path.suffix[1:]: path for path in result.written}
    assert sorted(paths) == sorted(ALL)
    for path in result.written:
        assert path == root / "build" / str(year) / area / f"invitation{path.suffix}"
    return paths, expected


def test_pdf_is_a4_tagged_archival_and_in_the_documents_language(
    rendered: Rendered,
) -> None:
    paths, expected = rendered
    reader = PdfReader(paths["pdf"])
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    catalog: Any = reader.trailer["/Root"]  # a PDF dictionary, typed only as an object
    assert catalog["/Lang"] == expected["lang"]
    assert "/StructTreeRoot" in catalog
    assert bool(catalog["/MarkInfo"]["/Marked"])
    xmp = catalog["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"<pdfaid:part>2</pdfaid:part>", xmp)
    assert re.search(r"<pdfaid:conformance>A</pdfaid:conformance>", xmp)
    assert re.search(r"<pdfuaid:part>1</pdfuaid:part>", xmp)
    assert reader.metadata is not None
    assert reader.metadata.title == expected["title"]
    assert reader.metadata.author == expected["author"]
    roles = [role for role, _ in pdf_structure(paths["pdf"])]
    # The letterhead (the municipality, a paragraph) above the one title.
    assert roles[:2] == ["/Document", "/P"] and roles.count("/Title") == 1 and roles.index("/Title") <= 3
    assert roles.count("/H1") >= len(expected["headings"])
    assert {"/L", "/LI"} <= set(roles)
    # PDF/UA: viewers show the title, not the file name.
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])


def test_pdf_text(rendered: Rendered) -> None:
    paths, expected = rendered
    text = " ".join(pdf_text(paths["pdf"]).split())
    for phrase in (expected["title"], expected["date"], expected["rsvp"], *expected["headings"]):
        assert phrase in text


def test_docx_has_a_title_real_headings_and_the_text(rendered: Rendered) -> None:
    paths, expected = rendered
    paragraphs = docx_paragraphs(paths["docx"])
    assert ("Title", expected["title"]) in paragraphs
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    assert headings[: len(expected["headings"])] == expected["headings"]
    assert any(expected["date"] == text for _, text in paragraphs)
    import docx

    core = docx.Document(str(paths["docx"])).core_properties
    assert core.title == expected["title"]
    assert core.author == expected["author"]
    assert f'w:val="{expected["lang"]}"' in zip_member(paths["docx"], "word/styles.xml")


def test_html_is_standalone_with_lang_and_title(rendered: Rendered) -> None:
    paths, expected = rendered
    page = paths["html"].read_text(encoding="utf-8")
    assert f'<html lang="{expected["lang"]}">' in page
    assert f"<title>{expected['title']}</title>" in page
    assert f'<h1 class="title">{expected["title"]}</h1>' in page
    assert page.index('<div class="letterhead">') < page.index("<h1")
    assert page.count("<h1") == 1  # sections are h2 under the one title
    assert all(f">{heading}</h2>" in page for heading in expected["headings"])
    assert "<script" not in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # nothing fetched from elsewhere
    assert "<style>" in page


def test_odt_holds_the_text(rendered: Rendered) -> None:
    paths, expected = rendered
    content = zip_member(paths["odt"], "content.xml")
    text = " ".join(xml_text(content).split())
    assert expected["date"] in text
    assert all(heading in text for heading in expected["headings"])
    assert "<text:h" in content
    assert f"<dc:language>{expected['lang']}</dc:language>" in zip_member(paths["odt"], "meta.xml")


def test_markdown_is_the_reviewable_source(rendered: Rendered) -> None:
    paths, expected = rendered
    markdown = paths["md"].read_text(encoding="utf-8")
    assert f"# {expected['headings'][0]}\n" in markdown
    assert expected["date"] in markdown

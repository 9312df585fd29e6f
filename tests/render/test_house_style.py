"""The house style in every format: A4, a footer with page X of Y, the letterhead, the title, the date, the PDF level."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from dialogkit.cli import app
from tests.conftest import EXAMPLES

from .conftest import PNG, docx_paragraphs, pdf_text, zip_member

runner = CliRunner()
KINDS = {"invitation", "agenda", "referat-compilation", "case-document", "followup", "plan", "survey-report"}


def dialog(root: Path, *args: str | Path) -> tuple[int, str]:
    result = runner.invoke(app, ["-C", str(root), *map(str, args)])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception  # a traceback a person would have seen
    return result.exit_code, result.output


def copy_example(locale: str, target: Path) -> Path:
    source = EXAMPLES[locale]
    target.mkdir()
    for name in ("dialog.yaml", "areas.yaml"):
        shutil.copy(source / name, target / name)
    shutil.copytree(source / "cycles", target / "cycles")
    return target


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Swedish example's 2025 documents as DOCX and ODT, with a logo in the letterhead."""
    root = copy_example("sv", tmp_path_factory.mktemp("house") / "sv")
    (root / "templates").mkdir()
    (root / "templates" / "logo.png").write_bytes(PNG)
    code, output = dialog(root, "build", "2025", "--to", "docx,odt")
    assert code == 0, output
    return root / "build"


def test_every_docx_is_a4_with_the_municipality_and_page_x_of_y_in_its_footer(built: Path) -> None:
    documents = sorted(built.rglob("*.docx"))
    assert {path.stem for path in documents} >= KINDS
    for path in documents:
        body = zip_member(path, "word/document.xml")
        assert re.search(r'<w:pgSz w:h="16838" w:w="11906" ?/>', body), path  # A4 in twips
        assert re.search(r'<w:pgMar w:bottom="1418"[^>]*w:left="1418"', body), path  # 2.5 cm
        footer = zip_member(path, "word/footer1.xml")
        fields = re.findall(r"<w:instrText[^>]*> (\w+) </w:instrText>", footer)
        text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", footer))
        assert fields == ["PAGE", "NUMPAGES"], path
        assert text == "Svenljunga kommunSida 1 (1)", path  # the fields show 1 until Word counts
        # The letterhead comes first: the logo, the municipality and the responsible unit.
        paragraphs = docx_paragraphs(path)
        assert paragraphs[0][1] == "\nSvenljunga kommun\nKommunstyrelseförvaltningen", path  # the logo, a line break
        assert 'descr="Logotyp: Svenljunga kommun"' in body and body.index("<pic:pic") < body.index(">Svenljunga"), path
        styles = zip_member(path, "word/styles.xml")
        heading = re.search(r'w:styleId="Heading1"[^>]*>.*?</w:style>', styles, re.S)
        assert heading is not None and '<w:color w:val="000000" />' in heading[0]


def test_every_odt_is_a4_with_page_x_of_y_in_its_footer(built: Path) -> None:
    documents = sorted(built.rglob("*.odt"))
    assert {path.stem for path in documents} >= KINDS
    for path in documents:
        styles = zip_member(path, "styles.xml")
        layout = re.search(r"<style:page-layout-properties [^>]*>", styles)
        assert layout is not None
        assert 'fo:page-width="21cm"' in layout[0] and 'fo:page-height="29.7cm"' in layout[0], path
        assert 'fo:margin-left="2.5cm"' in layout[0]
        footer = re.search(r"<style:footer>(.*?)</style:footer>", styles, re.S)
        assert footer is not None
        assert footer[1].startswith('<text:p text:style-name="Footer">Svenljunga kommun<text:tab />Sida ')
        assert "<text:page-number" in footer[1] and "<text:page-count>" in footer[1], path
        content = zip_member(path, "content.xml")
        assert content.index("Svenljunga kommun") < content.index('text:style-name="Title"'), path


def test_the_case_documents_properties_are_its_title_date_and_language(built: Path) -> None:
    import docx

    case = built / "2025" / "case-document.docx"
    core = docx.Document(str(case)).core_properties
    assert core.title == "Träffpunkt 2025 – återrapportering av medborgardialogen"
    assert core.language == "sv-SE"
    assert core.created is not None and core.created.date().isoformat() == "2025-11-20"
    assert core.modified is not None and core.modified.date().isoformat() == "2025-11-20"
    meta = zip_member(built / "2025" / "case-document.odt", "meta.xml")
    assert "<meta:creation-date>2025-11-20T00:00:00Z</meta:creation-date>" in meta
    assert "<dc:title>Träffpunkt 2025 – återrapportering av medborgardialogen</dc:title>" in meta
    assert ("Title", "Träffpunkt 2025 – återrapportering av medborgardialogen") in docx_paragraphs(case)


def test_the_norwegian_pdf_footer_says_side_x_av_y(tmp_path: Path) -> None:
    root = copy_example("nb", tmp_path / "nb")
    code, output = dialog(root, "compile-referat", "2022", "--to", "pdf")
    assert code == 0, output
    pages = PdfReader(root / "build/2022/referat-compilation.pdf").pages
    count = len(pages)
    assert count > 2
    for number, page in enumerate(pages, start=1):
        assert f"Nordvik kommune Side {number} av {count}" in " ".join(page.extract_text().split())
    first = " ".join(pages[0].extract_text().split())
    assert first.startswith("Nordvik kommune Kommunedirektøren Sammenstilling av referatene fra Dialogmøter 2022")


@pytest.mark.parametrize(
    ("standard", "part", "conformance", "ua"),
    [("a-2a", "2", "A", True), ("a-2b", "2", "B", True), ("a-3b", "3", "B", True), ("a-1b", "1", "B", False)],
)
def test_the_pdf_standard_is_a_setting(tmp_path: Path, standard: str, part: str, conformance: str, ua: bool) -> None:
    root = copy_example("nb", tmp_path / "nb")
    config = root / "dialog.yaml"
    config.write_text(config.read_text(encoding="utf-8") + f"  pdf_standard: {standard}\n", encoding="utf-8")
    code, output = dialog(root, "render", "agenda", "2022/skole", "--to", "pdf")
    assert code == 0, output
    catalog: Any = PdfReader(root / "build/2022/skole/agenda.pdf").trailer["/Root"]  # a PDF dictionary
    xmp = catalog["/Metadata"].get_object().get_data().decode("utf-8")
    assert f"<pdfaid:part>{part}</pdfaid:part>" in xmp
    assert f"<pdfaid:conformance>{conformance}</pdfaid:conformance>" in xmp
    assert ("<pdfuaid:part>1</pdfuaid:part>" in xmp) == ua


def test_templates_copy_writes_the_house_style_to_start_from(tmp_path: Path) -> None:
    root = copy_example("nb", tmp_path / "nb")
    code, output = dialog(root, "templates", "copy", "reference.docx")
    assert code == 0 and output == "created templates/reference.docx\n"
    own = root / "templates" / "reference.docx"
    assert "Nordvik kommune" in zip_member(own, "word/footer1.xml")
    code, output = dialog(root, "templates", "copy", "reference.odt")
    assert code == 0
    logo = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>'
    (root / "templates" / "logo.svg").write_text(logo, encoding="utf-8")
    code, output = dialog(root, "templates", "list")
    lines = output.splitlines()
    assert "reference.docx  (overridden in templates/)" in lines
    assert "reference.odt  (overridden in templates/)" in lines
    assert "logo.svg  (the workspace's own, in templates/)" in lines
    # The workspace's own reference document is the one used: restyled, it shows.
    with zipfile.ZipFile(own) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/footer1.xml"] = parts["word/footer1.xml"].replace(
        b"Nordvik kommune", "Nordvik kommune, Rådhuset".encode()
    )
    with zipfile.ZipFile(own, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    code, output = dialog(root, "render", "agenda", "2022/skole", "--to", "docx")
    assert code == 0, output
    assert "Nordvik kommune, Rådhuset" in zip_member(root / "build/2022/skole/agenda.docx", "word/footer1.xml")
    # The SVG logo reaches Word drawn as a PNG, which every version shows.
    with zipfile.ZipFile(root / "build/2022/skole/agenda.docx") as archive:
        (name,) = [n for n in archive.namelist() if n.startswith("word/media/")]
        assert name.endswith(".png") and archive.read(name).startswith(PNG[:8])


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "logo.png",
            b"GIF89a\x01\x00",
            "templates/logo.png:1:1: error: templates/logo.png is not a PNG picture; it starts with 'GIF89a",
        ),
        (
            "logo.svg",
            b"<html><script>alert(1)</script></html>",
            "templates/logo.svg:1:1: error: templates/logo.svg is not an SVG picture (XML with an <svg> element)",
        ),
        (
            "reference.docx",
            b"PK but not a zip",
            "templates/reference.docx:1:1: error: templates/reference.docx is not a Word document (.docx)",
        ),
        (
            "reference.odt",
            PNG,
            "templates/reference.odt:1:1: error: templates/reference.odt is not an OpenDocument text (.odt)",
        ),
    ],
)
def test_a_bad_logo_or_reference_document_is_a_positioned_error(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    root = copy_example("nb", tmp_path / "nb")
    (root / "templates").mkdir()
    (root / "templates" / name).write_bytes(data)
    code, output = dialog(root, "render", "agenda", "2022/skole", "--to", "docx,odt")
    assert code == 1
    assert message in output
    assert "Traceback" not in output
    assert not (root / "build/2022/skole/agenda.docx").exists()


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "date: 2022-09-26",
            "date: 26.09.2022",
            "cycles/2022/case.yaml:5:7: error: date: expected a date as YYYY-MM-DD",
        ),
        ("{body: tju,", "{body: tjx,", "cycles/2022/case.yaml:8:12: error: unknown body 'tjx': did you mean 'tju'?"),
        (
            "date: 2022-10-06, number",
            "date: 6. oktober, number",
            "cycles/2022/case.yaml:8:23: error: to[0].date: expected a date as YYYY-MM-DD",
        ),
        (
            "  - {body: ks,",
            "  - ksx\n  - {body: ks,",
            "cycles/2022/case.yaml:9:5: error: unknown body 'ksx': did you mean 'ks'?",
        ),
    ],
)
def test_bad_case_values_are_positioned_errors(tmp_path: Path, old: str, new: str, message: str) -> None:
    root = copy_example("nb", tmp_path / "nb")
    case = root / "cycles" / "2022" / "case.yaml"
    text = case.read_text(encoding="utf-8")
    assert old in text
    case.write_text(text.replace(old, new), encoding="utf-8")
    code, output = dialog(root, "compile-referat", "2022", "--to", "md")
    assert code == 1
    assert message in output, output
    assert "Traceback" not in output


def test_a_case_without_a_date_is_dated_the_day_it_is_made_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 14 November 2023
    root = copy_example("nb", tmp_path / "nb")
    case = root / "cycles" / "2022" / "case.yaml"
    case.write_text(re.sub(r"\ndate: [^\n]*", "", case.read_text(encoding="utf-8")), encoding="utf-8")
    code, output = dialog(root, "compile-referat", "2022", "--to", "md")
    assert code == 0
    assert "cycles/2022/case.yaml:1:1: warning: the case has no date: the document is dated 2023-11-14" in output
    assert "| Dato          | 14.11.2023                         |" in (root / "build/2022/case-document.md").read_text(
        encoding="utf-8"
    )


def test_the_letterhead_shows_in_html_and_pdf_too(tmp_path: Path) -> None:
    root = copy_example("nb", tmp_path / "nb")
    (root / "templates").mkdir()
    (root / "templates" / "logo.png").write_bytes(PNG)
    code, output = dialog(root, "render", "invitation", "2022/skole", "--to", "html,pdf")
    assert code == 0, output
    page = (root / "build/2022/skole/invitation.html").read_text(encoding="utf-8")
    letterhead = page[page.index('<div class="letterhead">') : page.index('<h1 class="title">')]
    assert 'src="data:image/png;base64,' in letterhead and 'alt="Logo: Nordvik kommune"' in letterhead
    assert "<strong>Nordvik kommune</strong><br />\nKommunedirektøren" in letterhead
    text = " ".join(pdf_text(root / "build/2022/skole/invitation.pdf").split())
    assert text.startswith("Nordvik kommune Kommunedirektøren Invitasjon: Dialogmøte – Skole og SFO")
    reader = PdfReader(root / "build/2022/skole/invitation.pdf")
    assert reader.pages[0].images, "the logo is drawn on page one"


def test_a_case_may_name_its_own_unit_for_the_letterhead(tmp_path: Path) -> None:
    root = copy_example("nb", tmp_path / "nb")
    case = root / "cycles" / "2022" / "case.yaml"
    case.write_text(case.read_text(encoding="utf-8") + "unit: Oppvekst og kultur\n", encoding="utf-8")
    code, output = dialog(root, "compile-referat", "2022", "--to", "md")
    assert code == 0, output
    case_md = (root / "build/2022/case-document.md").read_text(encoding="utf-8")
    assert case_md.startswith("**Nordvik kommune**\\\nOppvekst og kultur\n\n**Saksframlegg**\n")
    compilation = (root / "build/2022/referat-compilation.md").read_text(encoding="utf-8")
    assert compilation.startswith("**Nordvik kommune**\\\nKommunedirektøren\n")

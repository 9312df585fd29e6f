"""The council document: a saksframlegg (nb) and a tjänsteskrivelse (sv), read back from DOCX and PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialogkit.loading import require
from dialogkit.minutes import compile_referat
from dialogkit.minutes.case import genitive
from tests.conftest import EXAMPLES

from .conftest import CopyExample, dialog, docx_outline, docx_tables, pdf_text

SAKSFRAMLEGG_OUTLINE = [
    ("Title", "Saksframlegg"),
    ("Heading 1", "Dialogmøtene 2022 - oppsummering"),
    ("Heading 2", "Vedlegg"),
    ("Heading 2", "Andre saksdokumenter (ikke utsendt)"),
    ("Heading 2", "SAMMENDRAG"),
    ("Heading 2", "SAKSOPPLYSNINGER"),
    ("Heading 2", "VURDERING"),
    ("Heading 2", "Tjenesteutvalgets innstilling"),
]


def test_norwegian_example_compiles_into_a_saksframlegg(tmp_path: Path) -> None:
    code, out, err = dialog(EXAMPLES["nb"], "compile-referat", "2022", "--to", "docx,pdf", "--out", tmp_path)
    assert code == 0, err
    built = tmp_path / "2022"
    for name in ("referat-compilation.docx", "referat-compilation.pdf", "case-document.docx", "case-document.pdf"):
        assert f"wrote {built / name}" in out
    case_docx = built / "case-document.docx"
    assert docx_outline(case_docx) == SAKSFRAMLEGG_OUTLINE
    (table,) = docx_tables(case_docx)
    assert table == [
        ["Ark.", "Lnr.", "Arkivsaksnr.", "Saksbehandler"],
        ["033", "12159/22", "22/1380-1", "Rådgiver i kommunedirektørens stab"],
    ]

    text = pdf_text(built / "case-document.pdf")
    positions = [text.find(words) for _, words in SAKSFRAMLEGG_OUTLINE]
    assert -1 not in positions and positions == sorted(positions), positions
    for label in ("Ark.", "Lnr.", "Arkivsaksnr.", "Saksbehandler"):
        assert positions[0] < text.find(label) < positions[1]  # the header block between "Saksframlegg" and the title
    # The compilation is listed first among the attachments, once, though case.yaml lists it too.
    vedlegg = text[positions[2] : positions[3]]
    assert vedlegg.count("Sammenstilling av referatene fra dialogmøtene 2022") == 1
    # SAKSOPPLYSNINGER: the background, then the year's meetings listed.
    background = text[positions[5] : positions[6]]
    assert background.index("Kommunestyret vedtok") < background.index("Disse møtene ble holdt i 2022:")
    assert background.index("torsdag 5. mai 2022: Skole og SFO") < background.index(
        "torsdag 4. august 2022: Dialogmøte med hytteeierne"
    )

    outline = docx_outline(built / "referat-compilation.docx")
    assert outline[:3] == [
        ("Title", "Oppsummering: Sammenstilling av referatene fra dialogmøtene 2022"),
        ("Heading 1", "Oversikt"),
        ("Heading 1", "Skole og SFO"),
    ]
    assert ("Heading 3", "Sak 1: Velkommen og presentasjon") in outline  # the minutes' "##" nested under the meeting
    assert "Dialogmøte med hytteeierne" in pdf_text(built / "referat-compilation.pdf")


def test_swedish_example_compiles_into_a_tjansteskrivelse(tmp_path: Path) -> None:
    result = compile_referat(EXAMPLES["sv"], 2025, ["docx", "md"], tmp_path)
    assert result.warnings == []
    case_docx = tmp_path / "2025" / "case-document.docx"
    assert docx_outline(case_docx) == [
        ("Title", "Tjänsteskrivelse"),
        ("Heading 1", "Träffpunkt 2025 – återrapportering av medborgardialogen"),
        ("Heading 2", "Sammanfattning"),
        ("Heading 2", "Beslutsunderlag"),
        ("Heading 2", "Förslag till beslut"),
        ("Heading 2", "Ärendet"),
        ("Heading 2", "Bedömning"),
    ]
    assert docx_tables(case_docx) == [
        [["Diarienummer", "Handläggare"], ["KS 2025/214", "Kommunutvecklare, Kommunstyrelseförvaltningen"]]
    ]
    markdown = (tmp_path / "2025" / "case-document.md").read_text(encoding="utf-8")
    underlag = markdown[markdown.index("## Beslutsunderlag") : markdown.index("## Förslag till beslut")]
    assert underlag.index("- Sammanställning av referaten från Träffpunkt 2025") < underlag.index(
        "- Uppföljning av arbetsgrupper och åtgärder 2025"
    )
    arendet = markdown[markdown.index("## Ärendet") : markdown.index("## Bedömning")]
    assert "Under 2025 hölls dessa möten:" in arendet
    for meeting in ("tisdag 8 april 2025: Träffpunkt Högvad", "Träffpunkt Kalv", "Träffpunkt Ätradalen"):
        assert meeting in arendet


def test_without_case_yaml_the_compilation_is_written_and_the_council_document_skipped(
    copy_example: CopyExample, tmp_path: Path
) -> None:
    root = copy_example("nb")
    (root / "cycles" / "2022" / "case.yaml").unlink()
    code, out, err = dialog(root, "compile-referat", "2022", "--to", "md", "--out", tmp_path / "out")
    assert code == 0
    assert out.splitlines() == [f"wrote {tmp_path / 'out' / '2022' / 'referat-compilation.md'}"]
    assert not (tmp_path / "out" / "2022" / "case-document.md").exists()
    assert "cycles/2022/case.yaml:1:1: warning: no cycles/2022/case.yaml: the council document" in err
    assert "write cycles/2022/case.yaml with kind, case_officer, title, summary and recommendation" in err
    code, _, err = dialog(root, "compile-referat", "2022", "--to", "md", "--out", tmp_path / "out", "--strict")
    assert code == 1 and "error: no cycles/2022/case.yaml" in err


@pytest.mark.parametrize(
    ("to", "heading"),
    [
        ("[tju, ks]", "Tjenesteutvalgets innstilling"),
        ("[fsk, ks]", "Formannskapets innstilling"),
        ("[ks]", "Forslag til vedtak"),
        ("[]", "Forslag til vedtak"),
    ],
)
def test_the_innstilling_names_the_body_that_gives_it(
    copy_example: CopyExample, tmp_path: Path, to: str, heading: str
) -> None:
    root = copy_example("nb")
    case = root / "cycles" / "2022" / "case.yaml"
    case.write_text(case.read_text(encoding="utf-8").replace("to: [tju, ks]", f"to: {to}"), encoding="utf-8")
    compile_referat(root, 2022, ["md"], tmp_path)
    markdown = (tmp_path / "2022" / "case-document.md").read_text(encoding="utf-8")
    assert markdown.rstrip().splitlines()[-3] == f"## {heading}"


@pytest.mark.parametrize(
    ("locale", "words"),
    [
        (
            "nn",
            [
                "SAMANDRAG",
                "SAKSOPPLYSINGAR",
                "VURDERING",
                "Tenesteutvalet",
                "Saksbehandlar",
                "Desse møta vart haldne i 2022:",
            ],
        ),
        ("en", ["Summary", "Background", "Assessment", "Case officer", "These meetings were held in 2022:"]),
    ],
)
def test_other_locales_have_every_word(
    copy_example: CopyExample, tmp_path: Path, locale: str, words: list[str]
) -> None:
    root = copy_example("nb")
    config = root / "dialog.yaml"
    text = config.read_text(encoding="utf-8").replace("locale: nb", f"locale: {locale}")
    config.write_text(text.replace("name: Tjenesteutvalget,", "name: Tenesteutvalet,"), encoding="utf-8")
    if locale == "en":
        case = root / "cycles" / "2022" / "case.yaml"
        case.write_text(case.read_text(encoding="utf-8").replace("kind: saksframlegg", "kind: memo"), encoding="utf-8")
    result = compile_referat(root, 2022, ["md"], tmp_path)
    assert result.warnings == []
    markdown = (tmp_path / "2022" / "case-document.md").read_text(encoding="utf-8")
    for word in words:
        assert word in markdown


def test_a_kind_foreign_to_the_locale_is_a_warning(copy_example: CopyExample, tmp_path: Path) -> None:
    root = copy_example("sv")
    case = root / "cycles" / "2025" / "case.yaml"
    case.write_text(
        case.read_text(encoding="utf-8").replace("kind: tjansteskrivelse", "kind: saksframlegg"), encoding="utf-8"
    )
    (warning,) = compile_referat(require(root), 2025, ["md"], tmp_path).warnings
    assert str(warning).startswith("cycles/2025/case.yaml:1:7: warning: kind 'saksframlegg' is written in nb/nn")


def test_case_texts_are_staff_markdown_with_nested_headings(copy_example: CopyExample, tmp_path: Path) -> None:
    root = copy_example("nb")
    case = root / "cycles" / "2022" / "case.yaml"
    text = case.read_text(encoding="utf-8").replace(
        "assessment: |\n", "assessment: |\n  # Om møtene\n\n  - **godt** oppmøte\n\n  <script>alert(1)</script>\n\n"
    )
    case.write_text(text, encoding="utf-8")
    compile_referat(root, 2022, ["md", "html"], tmp_path)
    markdown = (tmp_path / "2022" / "case-document.md").read_text(encoding="utf-8")
    assert "### Om møtene" in markdown
    html = (tmp_path / "2022" / "case-document.html").read_text(encoding="utf-8")
    assert "<strong>godt</strong>" in html
    assert "<script" not in html and "&lt;script&gt;" in html


def test_genitive() -> None:
    assert genitive("Tjenesteutvalget", "nb") == "Tjenesteutvalgets"
    assert genitive("Hovedutvalg for helse og omsorgs", "nb") == "Hovedutvalg for helse og omsorgs'"
    assert genitive("Kommunstyrelsens arbetsutskott", "sv") == "Kommunstyrelsens arbetsutskotts"
    assert genitive("The board", "en") == "The board's"

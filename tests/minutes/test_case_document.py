"""The council document: a saksframlegg (nb) and a tjänsteskrivelse (sv), read back from DOCX and PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialogkit.loading import require
from dialogkit.minutes import compile_referat
from tests.conftest import EXAMPLES

from .conftest import CopyExample, dialog, docx_outline, docx_tables, pdf_text

SAKSFRAMLEGG_OUTLINE = [
    ("Title", "Dialogmøtene 2022 - oppsummering"),
    ("Heading 1", "Vedlegg"),
    ("Heading 1", "Andre saksdokumenter (ikke utsendt)"),
    ("Heading 1", "SAMMENDRAG"),
    ("Heading 1", "SAKSOPPLYSNINGER"),
    ("Heading 1", "VURDERING"),
    ("Heading 1", "Forslag til innstilling"),
]


def test_norwegian_example_compiles_into_a_saksframlegg(tmp_path: Path) -> None:
    code, out, err = dialog(EXAMPLES["nb"], "compile-referat", "2022", "--to", "docx,pdf", "--out", tmp_path)
    assert code == 0, err
    built = tmp_path / "2022"
    for name in ("referat-compilation.docx", "referat-compilation.pdf", "case-document.docx", "case-document.pdf"):
        assert f"wrote {built / name}" in out
    case_docx = built / "case-document.docx"
    assert docx_outline(case_docx) == SAKSFRAMLEGG_OUTLINE
    header, route = docx_tables(case_docx)
    assert header == [  # no header row: label and value side by side
        ["Saksbehandler", "Rådgiver i kommunedirektørens stab"],
        ["Ark.", "033"],
        ["Lnr.", "12159/22"],
        ["Arkivsaksnr.", "22/1380-1"],
        ["Dato", "26.09.2022"],
    ]
    assert route == [
        ["Utvalg", "Møtedato", "Saksnr."],
        ["Tjenesteutvalget", "06.10.2022", "031/22"],
        ["Kommunestyret", "20.10.2022", "067/22"],
    ]

    text = pdf_text(built / "case-document.pdf")
    order = ["Nordvik kommune", "Saksframlegg", "Saksbehandler", "Dato", "26.09.2022", "Saksgang"]
    order += [words for _, words in SAKSFRAMLEGG_OUTLINE]
    order += ["Kommunedirektøren foreslår at det gjøres følgende innstilling:", "Kommunestyret tar rapporten"]
    positions = [text.find(words) for words in order]
    assert -1 not in positions and positions == sorted(positions), list(zip(order, positions, strict=True))
    # The political body is never credited with a proposal: the administration proposes.
    assert "Tjenesteutvalgets innstilling" not in text
    # The compilation is listed first among the attachments, under the process's name.
    vedlegg = text[text.index("Vedlegg") : text.index("Andre saksdokumenter")]
    assert "1. Sammenstilling av referatene fra Dialogmøter 2022" in vedlegg
    # SAKSOPPLYSNINGER: the background, then the year's meetings listed.
    background = text[text.index("SAKSOPPLYSNINGER") : text.index("VURDERING")]
    assert background.index("Kommunestyret vedtok") < background.index("Disse møtene ble holdt i 2022:")
    assert background.index("torsdag 5. mai 2022: Skole og SFO") < background.index(
        "torsdag 4. august 2022: Dialogmøte med hytteeierne"
    )

    outline = docx_outline(built / "referat-compilation.docx")
    assert outline[:3] == [
        ("Title", "Sammenstilling av referatene fra Dialogmøter 2022"),
        ("Heading 1", "Oversikt"),
        ("Heading 1", "Skole og SFO"),
    ]
    assert ("Heading 3", "Sak 1: Velkommen og presentasjon") in outline  # the minutes' "##" nested under the meeting
    compilation = pdf_text(built / "referat-compilation.pdf")
    assert "Dialogmøte med hytteeierne" in compilation
    assert compilation.index("Sammenstilling av referatene") < compilation.index("Vedlegg 1 til sak 22/1380")


def test_swedish_example_compiles_into_a_tjansteskrivelse(tmp_path: Path) -> None:
    result = compile_referat(EXAMPLES["sv"], 2025, ["docx", "md", "pdf"], tmp_path)
    assert result.warnings == []
    case_docx = tmp_path / "2025" / "case-document.docx"
    assert docx_outline(case_docx) == [
        ("Title", "Träffpunkt 2025 – återrapportering av medborgardialogen"),
        ("Heading 1", "Sammanfattning"),
        ("Heading 1", "Beslutsunderlag"),
        ("Heading 1", "Förslag till beslut"),
        ("Heading 1", "Ärendet"),
        ("Heading 1", "Bedömning"),
        ("Heading 1", "Beslutet skickas till"),
    ]
    assert docx_tables(case_docx) == [
        [
            ["Handläggare", "Anna Berg, kommunutvecklare"],
            ["Diarienummer", "KS 2025/214"],
            ["Datum", "2025-11-20"],
        ]
    ]
    markdown = (tmp_path / "2025" / "case-document.md").read_text(encoding="utf-8")
    assert markdown.startswith("**Svenljunga kommun**\\\nKommunstyrelseförvaltningen\n\n**Tjänsteskrivelse**\n")
    # The addressee above the title, the title as the Markdown's first heading.
    assert "**Kommunstyrelsen**\n\n# Träffpunkt 2025 – återrapportering av medborgardialogen\n" in markdown
    underlag = markdown[markdown.index("## Beslutsunderlag") : markdown.index("## Förslag till beslut")]
    assert underlag.index("- Sammanställning av referaten från Träffpunkt 2025") < underlag.index(
        "- Uppföljning av arbetsgrupper och åtgärder 2025"
    )
    arendet = markdown[markdown.index("## Ärendet") : markdown.index("## Bedömning")]
    assert "Under 2025 hölls dessa möten:" in arendet
    for meeting in ("tisdag 8 april 2025: Träffpunkt Högvad", "Träffpunkt Kalv", "Träffpunkt Ätradalen"):
        assert meeting in arendet
    text = pdf_text(tmp_path / "2025" / "case-document.pdf")
    ending = text[text.index("Beslutet skickas till") :]
    for line in ("Kommundirektören", "Samhällsbyggnadsförvaltningen", "Maria Holm", "Kommundirektör", "Anna Berg"):
        assert line in ending
    assert ending.index("Maria Holm") < ending.index("Kommundirektör\nAnna Berg")  # name above title, signer by signer


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
    ("setting", "proposer"),
    [
        ("", "Kommunedirektøren"),
        ("proposer: Rådmannen\n", "Rådmannen"),
    ],
)
def test_the_administration_proposes_the_innstilling(
    copy_example: CopyExample, tmp_path: Path, setting: str, proposer: str
) -> None:
    root = copy_example("nb")
    case = root / "cycles" / "2022" / "case.yaml"
    text = case.read_text(encoding="utf-8").replace("proposer: Kommunedirektøren", "")
    case.write_text(text + setting, encoding="utf-8")
    config = root / "dialog.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  proposer: Kommunedirektøren\n", ""), encoding="utf-8"
    )
    compile_referat(root, 2022, ["md"], tmp_path)
    markdown = (tmp_path / "2022" / "case-document.md").read_text(encoding="utf-8")
    ending = markdown.rstrip().splitlines()[-5:]
    assert ending == [
        "## Forslag til innstilling",
        "",
        f"{proposer} foreslår at det gjøres følgende innstilling:",
        "",
        "Kommunestyret tar rapporten til etterretning.",
    ]


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
                "Saksgang",
                "| Utval ",
                "## Framlegg til innstilling",
                "Kommunedirektøren føreslår at det vert gjort følgjande innstilling:",
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

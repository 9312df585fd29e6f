"""What residents write, in any script, reaches every format; a character no font has is a visible U+FFFD and a warning."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from typer.testing import CliRunner

from dialogkit.errors import DialogError
from dialogkit.loading import require
from dialogkit.minutes.compile import render_referat
from dialogkit.render import fonts
from dialogkit.render.pdf import compile_pdf
from dialogkit.render.pipeline import Document, Rendered, render_document, setting_of
from dialogkit.render.viewbase import DocumentView
from dialogkit.survey import import_survey
from tests.conftest import FUZZ, run_dialog
from tests.render.conftest import (
    PNG,
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
# Shown by the Noto fonts: emoji, Chinese, Thai, Korean, a fullwidth sign, and Arabic.
COVERED = ["👍", "東京", "ภาษาไทย", "한국어", "＝", "مرحبا"]
PRIVATE = "\ue000"  # a private-use character: PDF/A allows none
NONCHARACTER = "\ufdd0"  # never assigned, so no font can have it
ANSWER = f"Bra {' '.join(COVERED)} {PRIVATE} {NONCHARACTER} slut"
# A byte-order mark pasted in: a code point PDF/A forbids, in a paragraph such as this one.
MARKED = "x a\ufeffb y"

GOOGLE_HEADER = (
    "Tidstämpel,E-postadress,Vilken ort bor du i?,Vad är bra med att bo på din ort?,"
    "Vad kan bli bättre på din ort?,Finns det platser där du känner dig otrygg? Var?,"
    "Hur nöjd är du med kommunens service? (1-5),Namn\n"
)


@pytest.fixture(scope="module", autouse=True)
def noto_fonts() -> None:
    """Skip locally without the Noto fonts; under CI (the CI variable set) their absence fails."""
    wanted = ("NotoColorEmoji", "NotoSansCJK", "NotoSansThai", "NotoSansArabic")
    files = [p.name for folder in fonts.noto_folders() for p in folder.rglob("Noto*")]
    missing = [name for name in wanted if not any(f.startswith(name) for f in files)]
    if missing:
        reason = f"the Noto fonts are not installed (no {', '.join(missing)}): apt-get install {fonts.NOTO_PACKAGES}"
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {reason}; .ci/run installs them", pytrace=False)
        pytest.skip(reason)


def _workspace(root: Path, files: dict[str, str | bytes] | None = None) -> Path:
    base = {"dialog.yaml": SV_DIALOG, "areas.yaml": SV_AREAS, "cycles/2025/hogvad/meeting.yaml": SV_MEETING}
    write_files(root, {**base, **(files or {})})
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (root / ".gitignore").write_text("raw/\n", encoding="utf-8")
    return root


def _squash(text: str) -> str:
    return "".join(text.split()).replace("\u2060", "").replace("\ufeff", "")


def _check_every_format(paths: dict[str, Path], warnings: list[str], source: str) -> None:
    """The covered characters in every format, the others as U+FFFD in the PDF alone, and one warning."""
    pdf = _squash(pdf_text(paths["pdf"]))
    for text in COVERED:
        assert text in pdf
    assert PRIVATE not in pdf and NONCHARACTER not in pdf
    assert f"{fonts.REPLACEMENT}{fonts.REPLACEMENT}slut" in pdf and "xaby" in pdf
    html = _squash(paths["html"].read_text(encoding="utf-8"))
    docx = _squash(" ".join(text for _, text in docx_paragraphs(paths["docx"])))
    odt = _squash(xml_text(zip_member(paths["odt"], "content.xml")))
    markdown = _squash(paths["md"].read_text(encoding="utf-8"))
    for output in (html, docx, odt, markdown):
        for text in [*COVERED, PRIVATE, NONCHARACTER, "xaby"]:
            assert text in output
    [warning] = [w for w in warnings if "as \ufffd" in w]
    assert warning.startswith(f"{source}:1:1: warning: the PDF shows 1 character as \ufffd because no font has them")
    assert "U+FDD0" in warning and "U+E000" in warning and "apt-get install fonts-noto-core" in warning
    assert "U+1F44D" not in warning and "U+6771" not in warning  # the covered ones are not named


def test_survey_answers_in_any_script_render_in_every_format(tmp_path: Path) -> None:
    root = _workspace(tmp_path / "ws")
    export = root / "cycles/2025/raw/enkat.csv"
    export.parent.mkdir(parents=True)
    export.write_text(GOOGLE_HEADER + f"2025/03/01 10:10:00 em CET,,Överlida,{ANSWER},{MARKED},Nej,4,\n", "utf-8")
    import_survey(require(root), export, "hogvad", 2025)

    code, output = run_dialog(CliRunner(), "-C", root, "survey", "report", "2025", "--to", ",".join(ALL))

    assert code == 0, output
    folder = root / "build/2025/hogvad"
    paths = {fmt: folder / f"survey-report.{fmt}" for fmt in ALL}
    _check_every_format(paths, output.splitlines(), "cycles/2025/hogvad/survey/responses.csv")


def test_minutes_in_any_script_render_in_every_format(tmp_path: Path) -> None:
    referat = (
        "---\ndate: 2025-04-08\npresent: [Kommunstyrelsens ordförande]\nabsent: []\n"
        "minutes_by: Sekreteraren\nconclusions: [Belysning]\n---\n"
        f"## Sak 1: Synpunkter\n\nEn boende skrev: {ANSWER}\n\n{MARKED}\n"
    )
    root = _workspace(tmp_path / "ws", {"cycles/2025/hogvad/referat.md": referat})

    result = render_referat(require(root), 2025, "hogvad", ALL)

    paths = {path.suffix[1:]: path for path in result.written}
    _check_every_format(paths, [str(w) for w in result.warnings], "cycles/2025/hogvad/referat.md")


def test_the_pdf_with_replacements_stays_tagged_pdfa(tmp_path: Path) -> None:
    from pypdf import PdfReader

    meeting = SV_MEETING.replace("place: Överlida bygdegård", f"place: {ANSWER}")
    root = _workspace(tmp_path / "ws", {"cycles/2025/hogvad/meeting.yaml": meeting})
    code, output = run_dialog(CliRunner(), "-C", root, "render", "invitation", "2025/hogvad", "--to", "pdf")
    assert code == 0, output
    pdf = root / "build/2025/hogvad/invitation.pdf"
    catalog: Any = PdfReader(pdf).trailer["/Root"]  # a PDF dictionary, typed only as an object
    xmp = catalog["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<pdfaid:part>2</pdfaid:part>" in xmp and "<pdfaid:conformance>A</pdfaid:conformance>" in xmp
    assert "/Title" in [role for role, _ in pdf_structure(pdf)][:4]
    assert "cycles/2025/hogvad/meeting.yaml:1:1: warning: the PDF shows" in output
    assert "👍" in pdf_text(pdf)


FAILING = {
    "a missing file": b'#image("image-1.png", alt: "Karta")\n',
    "a syntax error": b"#let x = (\n",
    "an error in code": b'#"a".at(5)\n',
    "a PDF/A error": b'#image("image-1.png")\n',  # no alt text
}


@pytest.mark.parametrize("failure", FAILING)
def test_a_failed_compile_leaves_nothing_for_the_next(tmp_path: Path, failure: str) -> None:
    head = b'#set document(title: "Inbjudan")\n#set text(lang: "sv")\n'
    with pytest.raises(DialogError):
        compile_pdf(head + "Första 👍\ue000 ".encode() + FAILING[failure], {}, source="first.yaml", inputs={})

    second = compile_pdf(
        head + b'Andra.\n#image("image-1.png", alt: "Karta")\n', {"image-1.png": PNG}, source="b", inputs={}
    )

    path = tmp_path / "second.pdf"
    path.write_bytes(second.data)
    assert "Andra." in pdf_text(path) and "Första" not in pdf_text(path)
    assert second.warnings == []


def _render_text(root: Path, text: str, title: str = "Titel") -> Rendered:
    view = cast(DocumentView, {"text": text})  # the test's own template reads only its text
    doc = Document("any", "anything.md.j2", view, title, Path("2025"), "cycles/2025/x.yaml")
    return render_document(setting_of(require(root)), doc, ["pdf"])


def test_a_byte_order_mark_in_a_text_is_a_word_joiner(tmp_path: Path) -> None:
    # PDF/A forbids U+FEFF where its glyph is first used for it, as in a document of this line alone.
    root = _workspace(tmp_path / "ws", {"templates/anything.md.j2": "{{ text }}\n"})

    rendered = _render_text(root, MARKED)

    assert "xaby" in _squash(pdf_text(rendered.written[0]))
    assert rendered.warnings == []


def test_a_mark_the_font_of_its_base_lacks_shows_as_a_replacement_with_a_warning(tmp_path: Path) -> None:
    # Typst shapes "0" and the Myanmar vowel sign after it in one font, the digit's, which lacks
    # the sign although a Noto font shows it alone: found by the fuzz test below.
    root = _workspace(tmp_path / "ws", {"templates/anything.md.j2": "{{ text }}\n"})

    rendered = _render_text(root, "Svar 0\u1071 och \u1071 ensam.")

    text = pdf_text(rendered.written[0])
    assert "Svar 0\ufffd" in text and "ensam" in text
    [warning] = rendered.warnings
    assert "U+1071 MYANMAR VOWEL SIGN GEBA KAREN I after U+0030 DIGIT ZERO" in warning.message


ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40)


@FUZZ
@given(text=ANY_TEXT)
@example(text="0\u1071")  # a mark the font of its base lacks: found by this test
def test_any_text_makes_a_pdf(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    root = _workspace(tmp_path_factory.mktemp("any") / "ws", {"templates/anything.md.j2": "{{ text }}\n"})

    rendered = _render_text(root, text, f"Titel {text}")

    assert rendered.written[0].read_bytes().startswith(b"%PDF-")
    for warning in rendered.warnings:
        assert warning.path == "cycles/2025/x.yaml" and warning.severity == "warning"


def test_only_new_characters_are_asked_about(tmp_path: Path) -> None:
    found = fonts.discover([str(p) for p in fonts.noto_folders()])
    coverage = fonts.Coverage(found, ["a-2a", "ua-1"])
    asked: list[list[str]] = []
    shows = coverage._shows

    def counting(units: Sequence[str], root: Path) -> bool:
        asked.append(list(units))
        return shows(units, root)

    coverage._shows = counting  # type: ignore[method-assign]
    assert coverage.lacking(f"Hej 👍 {PRIVATE} 東京", tmp_path) == [PRIVATE]
    first = len(asked)
    assert coverage.lacking(f"Igen 👍 {PRIVATE}", tmp_path) == [PRIVATE]
    assert len(asked) == first  # known characters are not asked about again


def test_the_noto_folders_of_debian_fedora_and_arch_are_found(tmp_path: Path) -> None:
    for folder in ("truetype/noto", "opentype/noto", "google-noto-sans-fonts", "Noto", "truetype/dejavu"):
        (tmp_path / folder).mkdir(parents=True)

    found = fonts.noto_folders([str(tmp_path), str(tmp_path / "missing")])

    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "Noto",
        "google-noto-sans-fonts",
        "opentype/noto",
        "truetype/noto",
    ]


def test_a_combining_mark_no_font_shows_with_its_base_is_replaced(tmp_path: Path) -> None:
    # Each alone is shown ("0" by Libertinus, U+16F4F by Noto Sans Miao), but Typst shapes
    # the pair as one cluster and finds no font with both: the whole PDF was refused.
    root = _workspace(tmp_path / "ws", {"templates/anything.md.j2": "{{ text }}\n"})
    rendered = _render_text(root, "Svar 0\U00016f4f", "Titel")
    assert rendered.written[0].read_bytes().startswith(b"%PDF-")
    (warning,) = rendered.warnings
    assert "16F4F" in warning.message.upper()

"""Random text a resident could type comes out of every template and format as the same visible text."""

from __future__ import annotations

import html
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dialogkit.loading import require
from dialogkit.render.documents import render_meeting_document
from tests.render.conftest import (
    SV_AREAS,
    SV_DIALOG,
    SV_MEETING,
    docx_paragraphs,
    pdf_text,
    write_files,
    xml_text,
    zip_member,
)

# What residents type: any letter, digit, punctuation or symbol, and Markdown's, HTML's,
# Typst's and TeX's special characters in bulk. Control characters cannot be in YAML text.
MARKUP = "#*_[](){}<>`$@=\\/:;!|~^&%'\"-+.,?"
TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(MARKUP),
        st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp", "Mn", "Me", "Cf")),
    ),
    min_size=1,
    max_size=60,
).filter(lambda s: s.strip())
# PDF text extraction maps some glyphs differently (ligatures, fallback fonts): a narrower alphabet there.
PDF_TEXT = st.text(alphabet=st.sampled_from(MARKUP + "abcxyzÅÄÖåäöæø0129 "), min_size=3, max_size=40).filter(
    lambda s: sum(c.isalnum() for c in s) >= 2
)
SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._skip += tag in {"style", "title"}

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in {"style", "title"}

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def squash(text: str) -> str:
    return "".join(text.split())


def _workspace(tmp: Path, text: str) -> Path:
    meeting = SV_MEETING.replace("place: Överlida bygdegård", f"place: {json.dumps(text, ensure_ascii=False)}")
    meeting = meeting.replace(
        "{department: sbf, name: Gatuchef}", f"{{department: sbf, name: {json.dumps(text, ensure_ascii=False)}}}"
    )
    return write_files(
        tmp, {"dialog.yaml": SV_DIALOG, "areas.yaml": SV_AREAS, "cycles/2025/hogvad/meeting.yaml": meeting}
    )


@settings(SETTINGS, max_examples=40)
@given(text=TEXT)
def test_random_text_is_visible_text_in_markdown_html_docx_and_odt(tmp_path_factory, text: str) -> None:  # type: ignore[no-untyped-def]
    root = _workspace(tmp_path_factory.mktemp("ws"), text)
    ws = require(root)
    written = render_meeting_document(ws, "invitation", 2025, "hogvad", ("html", "docx", "odt"), root / "out").written
    by_format = {p.suffix: p for p in written}

    page = _Visible()
    page.feed(by_format[".html"].read_text(encoding="utf-8"))
    assert squash(text) in squash("".join(page.parts))
    assert set(page.tags) <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "header",
        "main",
        "footer",
        "h1",
        "h2",
        "h3",
        "p",
        "ul",
        "ol",
        "li",
        "strong",
        "em",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "div",
        "span",
        "section",
        "br",
        "a",
        "img",
        "figure",
        "figcaption",
        "nav",
        "colgroup",
        "col",
        "caption",
        "hr",
        "link",
        "article",
        "blockquote",
        "code",
        "del",
        "sup",
        "sub",
    }
    assert "<script" not in by_format[".html"].read_text(encoding="utf-8").lower()

    docx_text = "".join(t for _, t in docx_paragraphs(by_format[".docx"]))
    assert squash(text) in squash(docx_text)
    odt_text = xml_text(zip_member(by_format[".odt"], "content.xml"))
    assert squash(text) in squash(odt_text)


@settings(SETTINGS, max_examples=8)
@given(text=PDF_TEXT)
def test_random_text_is_visible_text_in_pdf(tmp_path_factory, text: str) -> None:  # type: ignore[no-untyped-def]
    root = _workspace(tmp_path_factory.mktemp("ws"), text)
    written = render_meeting_document(require(root), "invitation", 2025, "hogvad", ("pdf",), root / "out").written
    # Twice: as the place, a paragraph of its own, and in the list of officials.
    assert squash(pdf_text(written[0])).count(squash(html.unescape(text))) >= 2


# Pandoc's Typst writer left these for Typst to read as markup: at the start of a list item
# a heading, a list, a term (without a colon, an error that stopped the PDF) or a numbered
# list; anywhere a soft hyphen or an ellipsis.
@pytest.mark.parametrize(
    "text", ["= Rubrik", "+ ett", "- två", "/ term: tre", "/ utan kolon", "1. fyra", "fem-?sex", "sju..."]
)
def test_typst_markup_in_text_shows_as_typed_in_pdf(tmp_path: Path, text: str) -> None:
    root = _workspace(tmp_path, text)
    written = render_meeting_document(require(root), "invitation", 2025, "hogvad", ("pdf",), root / "out").written
    lines = pdf_text(written[0]).splitlines()
    assert f"• {text}, Samhällsbyggnadsförvaltningen" in lines  # the official, in a list
    assert text in lines  # the place, a paragraph of its own

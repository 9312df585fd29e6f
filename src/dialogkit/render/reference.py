"""The built-in reference documents: pandoc's own DOCX and ODT styles made into the house style.

A4 with 2.5 cm margins, black headings in the workspace's font, and a footer with the
municipality and "Side X av Y" (fields Word and LibreOffice fill in). A workspace's own
templates/reference.docx or reference.odt replaces them (see :mod:`dialogkit.render.templates`).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape, quoteattr

from dialogkit.render import pandoc

# A4 in twentieths of a point (Word) and 2.5 cm margins; the footer sits 1.25 cm from the edge.
_A4_TWIPS = (11906, 16838)
_MARGIN_TWIPS = 1418
_FOOTER_TWIPS = 709
_FOOTER_PART = "word/footer1.xml"
_FOOTER_ID = "rIdDialogFooter"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_HEADING_STYLE = re.compile(
    r'(<w:style w:type="paragraph" w:styleId="(?:Heading\d|Title|Subtitle)">.*?</w:style>)', re.S
)
_TITLE_STYLE = re.compile(r'(<w:style w:type="paragraph" w:styleId="Title">.*?</w:style>)', re.S)
_COLOR = re.compile(r"<w:color [^>]*/>")
_FONTS = re.compile(r"<w:rFonts [^>]*/>")
_SECTION = re.compile(r"<w:sectPr>.*?</w:sectPr>", re.S)


@dataclass(frozen=True)
class HouseStyle:
    """What the reference documents carry of the workspace: its name in the footer, its font and words."""

    municipality: str
    font: str
    page_of: str  # "Side {page} av {pages}": the footer's page number, in the document's words


def reference_docx(style: HouseStyle) -> bytes:
    """The DOCX reference document in the house style."""
    return _reference_docx(style)


def reference_odt(style: HouseStyle) -> bytes:
    """The ODT reference document in the house style."""
    return _reference_odt(style)


@cache
def _reference_docx(style: HouseStyle) -> bytes:
    parts = _parts(pandoc.default_data_file("reference.docx"))
    font = quoteattr(style.font)
    fonts = f"<w:rFonts w:ascii={font} w:hAnsi={font} w:eastAsia={font} w:cs={font} />"
    styles = parts["word/styles.xml"].decode("utf-8")
    styles = _HEADING_STYLE.sub(lambda m: _COLOR.sub('<w:color w:val="000000" />', m[1]), styles)
    styles = _TITLE_STYLE.sub(lambda m: _title_docx(m[1]), styles)
    styles = _FONTS.sub(lambda m: m[0] if "Consolas" in m[0] else fonts, styles)
    parts["word/styles.xml"] = styles.encode("utf-8")
    width, height = _A4_TWIPS
    section = (
        f'<w:sectPr><w:footerReference w:type="default" r:id="{_FOOTER_ID}" />'
        f'<w:footnotePr><w:numRestart w:val="eachSect" /></w:footnotePr>'
        f'<w:pgSz w:w="{width}" w:h="{height}" />'
        f'<w:pgMar w:top="{_MARGIN_TWIPS}" w:right="{_MARGIN_TWIPS}" w:bottom="{_MARGIN_TWIPS}" '
        f'w:left="{_MARGIN_TWIPS}" w:header="{_FOOTER_TWIPS}" w:footer="{_FOOTER_TWIPS}" w:gutter="0" /></w:sectPr>'
    )
    document = parts["word/document.xml"].decode("utf-8")
    parts["word/document.xml"] = _SECTION.sub(lambda _: section, document).encode("utf-8")
    parts[_FOOTER_PART] = _docx_footer(style).encode("utf-8")
    relation = f'<Relationship Type="{_R}/footer" Id="{_FOOTER_ID}" Target="footer1.xml" /></Relationships>'
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    parts["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", relation).encode("utf-8")
    override = (
        '<Override PartName="/word/footer1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml" /></Types>'
    )
    types = parts["[Content_Types].xml"].decode("utf-8")
    parts["[Content_Types].xml"] = types.replace("</Types>", override).encode("utf-8")
    return _zip(parts)


def _title_docx(style: str) -> str:
    """The title at the left margin, bold and 20 pt, as a case's title reads in a letter."""
    style = style.replace('<w:jc w:val="center" />', '<w:jc w:val="left" />')
    style = re.sub(
        r'<w:sz w:val="\d+" />\s*<w:szCs w:val="\d+" />', '<w:b /><w:sz w:val="40" /><w:szCs w:val="40" />', style
    )
    return style.replace('<w:spacing w:after="80"', '<w:spacing w:before="240" w:after="240"')


def _docx_footer(style: HouseStyle) -> str:
    """The footer: the municipality at the left, "Side X av Y" at the right margin."""
    right = _A4_TWIPS[0] - 2 * _MARGIN_TWIPS

    def text(value: str) -> str:
        return (
            f'<w:r><w:rPr><w:sz w:val="18" /></w:rPr><w:t xml:space="preserve">{escape(value)}</w:t></w:r>'
            if value
            else ""
        )

    def field(code: str) -> str:
        return (
            '<w:r><w:rPr><w:sz w:val="18" /></w:rPr><w:fldChar w:fldCharType="begin" /></w:r>'
            f'<w:r><w:rPr><w:sz w:val="18" /></w:rPr><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
            '<w:r><w:rPr><w:sz w:val="18" /></w:rPr><w:fldChar w:fldCharType="separate" /></w:r>'
            '<w:r><w:rPr><w:sz w:val="18" /></w:rPr><w:t>1</w:t></w:r>'
            '<w:r><w:rPr><w:sz w:val="18" /></w:rPr><w:fldChar w:fldCharType="end" /></w:r>'
        )

    runs = "".join(
        field("PAGE") if piece == "{page}" else field("NUMPAGES") if piece == "{pages}" else text(piece)
        for piece in re.split(r"(\{page\}|\{pages\})", style.page_of)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr xmlns:w="{_W}" xmlns:r="{_R}">'
        f'<w:p><w:pPr><w:pStyle w:val="Footer" /><w:tabs><w:tab w:val="right" w:pos="{right}" /></w:tabs></w:pPr>'
        f"{text(style.municipality)}<w:r><w:tab /></w:r>{runs}</w:p></w:ftr>"
    )


@cache
def _reference_odt(style: HouseStyle) -> bytes:
    parts = _parts(pandoc.default_data_file("reference.odt"))
    styles = parts["styles.xml"].decode("utf-8")
    styles = re.sub(r'fo:page-width="[^"]*"', 'fo:page-width="21cm"', styles)
    styles = re.sub(r'fo:page-height="[^"]*"', 'fo:page-height="29.7cm"', styles)
    styles = re.sub(r'fo:margin-(top|bottom|left|right)="1in"', r'fo:margin-\1="2.5cm"', styles)
    font = quoteattr(style.font)
    styles = re.sub(r'style:font-name="(?:Times New Roman|Arial)"', f"style:font-name={font}", styles)
    face = f"<style:font-face style:name={font} svg:font-family={quoteattr(repr(style.font))} />"
    styles = styles.replace("<office:font-face-decls>", "<office:font-face-decls>" + face, 1)
    footer = (
        '<style:footer><text:p text:style-name="Footer">'
        f"{escape(style.municipality)}<text:tab />{_odt_page_of(style.page_of)}</text:p></style:footer>"
    )
    styles = re.sub(r"<style:footer>.*?</style:footer>", lambda _: footer, styles, flags=re.S)
    tab = '<style:tab-stops><style:tab-stop style:position="16cm" style:type="right" /></style:tab-stops>'
    styles = re.sub(r"<style:tab-stops>.*?</style:tab-stops>", lambda _: tab, styles, count=0, flags=re.S)
    styles = styles.replace("</office:styles>", _ODT_TITLE + "</office:styles>", 1)
    parts["styles.xml"] = styles.encode("utf-8")
    return _zip(parts)


_ODT_TITLE = (
    '<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading" '
    'style:next-style-name="Text_20_body" style:class="chapter">'
    '<style:paragraph-properties fo:text-align="start" fo:margin-top="0.4cm" fo:margin-bottom="0.4cm" />'
    '<style:text-properties fo:font-size="20pt" fo:font-weight="bold" /></style:style>'
)


def _odt_page_of(label: str) -> str:
    fields = {
        "{page}": '<text:page-number text:select-page="current">1</text:page-number>',
        "{pages}": "<text:page-count>1</text:page-count>",
    }
    return "".join(fields.get(piece, escape(piece)) for piece in re.split(r"(\{page\}|\{pages\})", label))


# Pandoc in its sandbox cannot read the clock and dates every file 1970-01-01.
_DOCX_DATES = re.compile(r"(<dcterms:(?:created|modified) [^>]*>)[^<]*(</dcterms:)")
_ODT_DATES = re.compile(r"(<(?:meta:creation-date|dc:date)>)[^<]*(</)")


def dated(data: bytes, to: str, when: dt.datetime) -> bytes:
    """A DOCX or ODT made by pandoc, created and modified at ``when``."""
    stamp = when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    parts = _parts(data)
    name, pattern = ("docProps/core.xml", _DOCX_DATES) if to == "docx" else ("meta.xml", _ODT_DATES)
    if name in parts:
        parts[name] = pattern.sub(lambda m: f"{m[1]}{stamp}{m[2]}", parts[name].decode("utf-8")).encode("utf-8")
    return _zip(parts)


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _zip(parts: dict[str, bytes]) -> bytes:
    """The parts as a package; an ODT's mimetype first and stored, as the format asks."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(parts, key=lambda n: n != "mimetype"):
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(info, parts[name])
    return buffer.getvalue()

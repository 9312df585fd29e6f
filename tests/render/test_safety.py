"""Untrusted text stays text in every format; staff Markdown cannot run code, read files or fetch."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import cast

import pytest

from dialogkit.errors import DialogError
from dialogkit.loading import require
from dialogkit.render import pandoc
from dialogkit.render.documents import render_meeting_document
from dialogkit.render.pipeline import Document, render_document, setting_of
from dialogkit.render.safety import check_tree
from dialogkit.render.viewbase import DocumentView

from .conftest import PNG, MakeWorkspace, all_zip_text, docx_paragraphs, pdf_text, xml_text, zip_member

ALL = ["md", "html", "docx", "odt", "pdf"]
SECRET = "root:x:0:0"  # the first line of /etc/passwd: no output may ever hold it

# Each is something a resident might type into a survey or an official into a place name.
HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    '`#read("/etc/passwd")`{=typst}',
    '#read("/etc/passwd")',
    '#include "/etc/passwd"',
    "\\input{/etc/passwd}",
    "$\\input{/etc/passwd}$",
    "![x](/etc/passwd)",
    "[klicka](javascript:alert(3))",
    "<javascript:alert(4)>",
    '[x]{typst:text:fill="red)+read(\\"/etc/passwd\\")+("}',
    "[x]{onclick=alert(5)}",
    "{{ 7 * 7 }}",
    "```{=html}",
]


def _yaml_list(values: list[str]) -> str:
    return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in values) + "]"


@pytest.fixture(scope="module")
def hostile_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """An invitation whose place, invitees, officials and safety walk are all hostile, in every format."""
    from .conftest import SV_AREAS, SV_DIALOG, write_files

    meeting = f"""\
area: hogvad
date: 2025-04-08
start: "18:00"
end: "20:00"
place: {json.dumps(HOSTILE[0] + " " + HOSTILE[3])}
invitees: {_yaml_list(HOSTILE)}
officials:
  - {{department: sbf, name: {json.dumps(HOSTILE[8])}}}
safety_walk: {{date: 2025-04-08, start: "16:30", with: {_yaml_list(HOSTILE[:4])}, localities: {_yaml_list(HOSTILE[4:8])}}}
"""
    root = write_files(
        tmp_path_factory.mktemp("hostile"),
        {"dialog.yaml": SV_DIALOG, "areas.yaml": SV_AREAS, "cycles/2025/hogvad/meeting.yaml": meeting},
    )
    written = render_meeting_document(require(root), "invitation", 2025, "hogvad", ALL).written
    return {path.suffix[1:]: path for path in written}


def _visible(text: str) -> str:
    return " ".join(text.split())


class _Tags(HTMLParser):
    """Every start tag of an HTML page with its attributes, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def html_tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def test_html_shows_hostile_text_as_text(hostile_outputs: dict[str, Path]) -> None:
    page = hostile_outputs["html"].read_text(encoding="utf-8")
    body = page.split("<main>", 1)[1]
    tags = html_tags(body)
    # The letterhead's div and the title's h1 are the pipeline's own, with their classes.
    assert {tag for tag, _ in tags} <= {"p", "h2", "ul", "li", "strong", "div", "h1", "br"}
    assert all(attrs.keys() <= {"id"} for tag, attrs in tags if tag not in ("div", "h1"))
    assert [attrs for tag, attrs in tags if tag in ("div", "h1")] == [{"class": "letterhead"}, {"class": "title"}]
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    visible = _visible(xml_text(body))
    for value in HOSTILE:
        assert value in visible, value


def test_docx_and_odt_show_hostile_text_as_text(hostile_outputs: dict[str, Path]) -> None:
    texts = [text for _, text in docx_paragraphs(hostile_outputs["docx"])]
    joined = _visible(" ".join(texts))
    odt = _visible(xml_text(zip_member(hostile_outputs["odt"], "content.xml")))
    for value in HOSTILE:
        assert value in joined, value
        assert value in odt, value
    for path in (hostile_outputs["docx"], hostile_outputs["odt"]):
        xml = all_zip_text(path)
        assert "javascript:" not in xml.replace("javascript:alert", "")  # only as text
        assert 'TargetMode="External"' not in xml
        assert SECRET not in xml


def test_pdf_shows_hostile_text_as_text_and_reads_no_file(hostile_outputs: dict[str, Path]) -> None:
    text = _visible(pdf_text(hostile_outputs["pdf"]))
    assert SECRET not in text
    for value in HOSTILE:
        assert value in text, value
    assert "49" not in text


def test_markdown_keeps_hostile_text_escaped(hostile_outputs: dict[str, Path]) -> None:
    markdown = hostile_outputs["md"].read_text(encoding="utf-8")
    assert "<script>" not in markdown
    assert "\\<script\\>" in markdown


def test_typst_source_never_holds_resident_text_as_code() -> None:
    from dialogkit.render.escape import escape_markdown

    markdown = "\n\n".join(escape_markdown(v) for v in HOSTILE)
    tree = pandoc.parse_markdown(markdown, "test")
    typst = pandoc.write(tree, "typst", "test").decode("utf-8")
    code = [line for line in typst.splitlines() if re.search(r"(?<!\\)#", line)]
    assert code == []  # every "#" that reaches Typst is escaped


# Staff Markdown (|trusted_markdown): rich text is allowed, raw input and escapes are not.

STAFF_TEMPLATE = "{{ body|trusted_markdown }}\n"


def _render_staff(root: Path, body: str, formats: list[str] | None = None) -> dict[str, Path]:
    ws = require(root)
    view = cast(DocumentView, {"body": body})  # the test's own template reads only its body
    doc = Document("staff", "staff.md.j2", view, "Referat", Path("2025"), "cycles/2025/hogvad/referat.md")
    written = render_document(setting_of(ws), doc, formats or ALL).written
    return {path.suffix[1:]: path for path in written}


def test_staff_markdown_keeps_its_formatting_but_no_raw_input(sv_workspace: MakeWorkspace) -> None:
    root = sv_workspace(**{"templates/staff.md.j2": STAFF_TEMPLATE})
    body = "\n\n".join(
        [
            "## Sak 1: Skolväg",
            "Vi tog upp **trafiken** och [kommunens sida](https://example.org/trafik).",
            "<script>alert(1)</script>",
            "```{=html}\n<script>alert(2)</script>\n```",
            '```{=typst}\n#read("/etc/passwd")\n```',
            '`#read("/etc/passwd")`{=typst}',
            "\\input{/etc/passwd}",
            '[färg]{typst:text:fill="red)+read(\\"/etc/passwd\\")+("}',
            "[klick]{onclick=alert(3)}",
            '::: {style="background:url(https://evil.example/x)"}\ninne i en div\n:::',
        ]
    )
    out = _render_staff(root, body)
    page = out["html"].read_text(encoding="utf-8").split("<main>", 1)[1]
    for tag, attrs in html_tags(page):
        assert not any(name.startswith("on") or name == "style" for name in attrs), (tag, attrs)
        assert tag not in {"script", "iframe", "object", "embed", "img", "style"}
    assert "<strong>trafiken</strong>" in page
    assert '<a href="https://example.org/trafik">' in page
    assert "<script" not in page
    assert "onclick" not in page
    assert "style=" not in page
    assert "evil.example" not in page
    assert 'id="färg"' not in page and "typst:" not in page
    assert ("Heading 1", "Sak 1: Skolväg") in docx_paragraphs(out["docx"])
    pdf = _visible(pdf_text(out["pdf"]))
    assert SECRET not in pdf
    assert '#read("/etc/passwd")' in pdf
    assert "\\input{/etc/passwd}" in pdf
    for path in (out["docx"], out["odt"]):
        assert SECRET not in all_zip_text(path)


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        ("[x](javascript:alert(1))", "uses 'javascript:'"),
        ("[x](JaVa%0aScRiPt:alert(1))", "uses 'javascript:'"),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", "uses 'data:'"),
        ("[x](file:///etc/passwd)", "uses 'file:'"),
        ("[x](../../etc/passwd)", "points outside the workspace"),
        ("[x](/etc/passwd)", "points outside the workspace"),
        ("![x](/etc/passwd)", "points outside the workspace"),
        ("![x](../outside.png)", "points outside the workspace"),
        ("![x](%2e%2e/outside.png)", "points outside the workspace"),
        ("![x](https://example.org/logo.png)", "images may not come from the web"),
        ("![x](//example.org/logo.png)", "images may not come from the web"),
        ("![x](data:image/png;base64,iVBORw0KGgo=)", "images may not come from the web"),
        ("![x](missing.png)", "does not exist"),
        ("![](bild.png)", "needs a text alternative"),
        ("![x](dialog.yaml)", "is not a PNG, JPEG or GIF"),
    ],
)
def test_links_and_images_may_only_point_inside_the_workspace(
    sv_workspace: MakeWorkspace, markdown: str, message: str
) -> None:
    root = sv_workspace(**{"bild.png": PNG})
    tree = pandoc.parse_markdown(markdown, "referat.md")
    with pytest.raises(DialogError) as caught:
        check_tree(tree, root, "cycles/2025/hogvad/referat.md")
    finding = caught.value.findings[0]
    assert finding.path == "cycles/2025/hogvad/referat.md"
    assert message in finding.message


def test_a_symlinked_image_outside_the_workspace_is_refused(sv_workspace: MakeWorkspace, tmp_path: Path) -> None:
    root = sv_workspace()
    (tmp_path / "secret.png").write_bytes(PNG)
    (root / "bild.png").symlink_to(tmp_path / "secret.png")
    with pytest.raises(DialogError, match="points outside the workspace"):
        check_tree(pandoc.parse_markdown("![x](bild.png)", "t"), root, "t")


def test_allowed_links_and_images_pass(sv_workspace: MakeWorkspace) -> None:
    root = sv_workspace(**{"kartor/karta.png": PNG})
    markdown = "[a](https://example.org) [b](mailto:x@example.org) [c](#sak-1) [d](kartor/karta.png) ![Karta](kartor/karta.png)"
    checked = check_tree(pandoc.parse_markdown(markdown, "t"), root, "t")
    assert [image.alt for image in checked.images.values()] == ["Karta"]


def test_workspace_image_appears_in_every_format(sv_workspace: MakeWorkspace) -> None:
    root = sv_workspace(**{"templates/staff.md.j2": STAFF_TEMPLATE, "kartor/karta.png": PNG})
    out = _render_staff(root, "Karta över området:\n\n![Karta över Överlida](kartor/karta.png){width=5cm}")
    assert re.search(
        r'<img src="data:image/png;base64,[^"]+" [^>]*alt="Karta över Överlida"', out["html"].read_text("utf-8")
    )
    import zipfile

    for path, folder in ((out["docx"], "word/media/"), (out["odt"], "Pictures/")):
        with zipfile.ZipFile(path) as archive:
            assert any(name.startswith(folder) for name in archive.namelist())
    from pypdf import PdfReader

    assert len(PdfReader(out["pdf"]).pages[0].images) == 1

"""The Markdown output is written back from the checked document, as every other format is."""

from __future__ import annotations

import re

from tests.minutes.conftest import CopyExample, dialog

RAW = """
Före <script>alert(document.cookie)</script> efter.

<img src=x onerror="alert(1)">

<iframe src="https://example.org"></iframe>

Text <b onclick="x()">fet</b> & <!-- gömd kommentar --> slut.
"""


def test_staff_raw_html_never_reaches_the_markdown_output(copy_example: CopyExample) -> None:
    root = copy_example("sv")
    referat = root / "cycles/2025/hogvad/referat.md"
    referat.write_text(referat.read_text(encoding="utf-8") + RAW, encoding="utf-8")
    code, _, err = dialog(root, "compile-referat", "2025", "--to", "md,html")
    assert code == 0, err
    markdown = (root / "build/2025/referat-compilation.md").read_text(encoding="utf-8")
    # Every "<" of the staff's tags is escaped: a Markdown viewer shows the tags as text.
    assert not re.search(r"(?<!\\)<(script|img|iframe|b|!--)", markdown), markdown[-600:]
    assert "Före \\<script\\>alert(document.cookie)\\</script\\> efter." in markdown
    html = (root / "build/2025/referat-compilation.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html


def test_the_markdown_output_keeps_its_pictures_beside_it(copy_example: CopyExample) -> None:
    root = copy_example("sv")
    code, _, err = dialog(root, "followup", "2025", "--as-of", "2026-01-15", "--to", "md")
    assert code == 0, err
    markdown = (root / "build/2025/followup.md").read_text(encoding="utf-8")
    (name,) = re.findall(r"!\[[^\]]+\]\(([^)]+)\)", markdown)
    assert (root / "build/2025" / name).read_bytes().startswith(b"\x89PNG")

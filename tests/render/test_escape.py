"""Escaping for Markdown: any text a resident types reads back from pandoc as exactly that text."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any, cast

from hypothesis import given, settings
from hypothesis import strategies as st

from dialogkit.render import pandoc
from dialogkit.render.environment import render_markdown
from dialogkit.render.escape import TrustedMarkdown, escape_markdown
from dialogkit.render.safety import stringify
from dialogkit.render.viewbase import DocumentView

from .conftest import MakeWorkspace, pdf_text

TRICKY = [
    "# rubrik",
    "1. punkt",
    "2025. Ett år",
    "A. Andersson",
    "iv) fjärde",
    "(a) först",
    "- lista",
    "+ plus",
    "* stjärna",
    "> citat",
    "| a | b |",
    ": definition",
    "::: div",
    "--- ",
    "===",
    "% titel",
    "```kod```",
    "~~~",
    "    indraget",
    "<b>fet</b>",
    "&amp; &lt;",
    "*kursiv* **fet** _under_",
    "[länk](https://example.org)",
    "![bild](x.png)",
    "^[not]",
    "H~2~O x^2^",
    "$x$ $$y$$",
    "@citat [@nyckel]",
    "\\\\ \\ slut\\",
    "{#id .klass}",
    "rad ett\nrad två\n\n\nrad tre",
    "Kommunstyrelsens ordförande",
    "18:00–20:00, 2025-04-08",
]


def _round_trip(values: list[str]) -> list[list[Any]]:
    """Each value escaped into its own paragraph, parsed by pandoc: the blocks per value."""
    markdown = "\n\n".join(f"{escape_markdown(v)}" for v in values)
    return [[b] for b in pandoc.parse_markdown(markdown, "test")["blocks"]]


def _expected(value: str) -> str:
    # Control characters are dropped and runs of blanks become one space: a value is one line of text.
    return " ".join("".join(c for c in value if c.isspace() or unicodedata.category(c) != "Cc").split())


def test_tricky_values_read_back_as_plain_text() -> None:
    blocks = _round_trip(TRICKY)
    assert len(blocks) == len(TRICKY)
    for value, (block,) in zip(TRICKY, blocks, strict=True):
        assert block["t"] == "Para", (value, block)
        assert {inline["t"] for inline in block["c"]} <= {"Str", "Space"}, (value, block)
        assert stringify(block["c"]) == _expected(value)


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1), min_size=1, max_size=30
    )
)
def test_any_text_reads_back_as_itself(values: list[str]) -> None:
    values = [v for v in values if _expected(v)]
    if not values:
        return
    blocks = _round_trip(values)
    assert [stringify(b[0]["c"]) for b in blocks] == [_expected(v) for v in values]
    assert all(b[0]["t"] == "Para" and {i["t"] for i in b[0]["c"]} <= {"Str", "Space"} for b in blocks)


def test_trusted_markdown_passes_through() -> None:
    assert escape_markdown(TrustedMarkdown("**fet**")) == "**fet**"
    assert escape_markdown("**fet**") == "\\*\\*fet\\*\\*"


def test_the_finalize_hook_escapes_every_value_a_template_prints(sv_workspace: MakeWorkspace) -> None:
    root = sv_workspace(
        **{"templates/t.md.j2": "{{ a }} {{ b|upper }} {{ items|join(', ') }} {{ c|trusted_markdown }} {{ n }}\n"}
    )
    view = cast(DocumentView, {"a": "<b>", "b": "*x*", "items": ["[1]", "`2`"], "c": "**ok**", "n": 7})
    out = render_markdown(root, "t.md.j2", view)
    assert out == "\\<b\\> \\*X\\* \\[1\\], \\`2\\` **ok** 7\n"


def test_tricky_values_survive_typst_as_text(tmp_path: Path) -> None:
    from dialogkit.layout import builtin_templates
    from dialogkit.render.pdf import compile_pdf

    tree = pandoc.parse_markdown("\n\n".join(escape_markdown(v) for v in TRICKY), "test")
    template = builtin_templates() / "pandoc" / "document.typ"
    source = pandoc.write(tree, "typst", "test", pandoc.template_args(template))
    inputs = {"title": "Test", "author": "Test", "lang": "sv", "region": "SE", "page": "Sida"}
    (tmp_path / "t.pdf").write_bytes(compile_pdf(source, {}, source="test", inputs=inputs).data)
    text = " ".join(pdf_text(tmp_path / "t.pdf").split())
    for value in TRICKY:
        assert _expected(value) in text, value

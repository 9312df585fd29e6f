"""Staff Markdown fitted under a heading: levels shifted, code left alone, footnotes kept apart."""

from __future__ import annotations

from dialogkit.minutes.markdown import fit_markdown, nest_headings, separate_notes


def test_headings_shift_so_the_highest_sits_at_the_level_asked() -> None:
    text = "## Sak 1\n\ntekst\n\n### Del\n\n## Sak 2\n"
    assert nest_headings(text, 3) == "### Sak 1\n\ntekst\n\n#### Del\n\n### Sak 2\n"
    assert nest_headings("# A\n\n## B\n", 2) == "## A\n\n### B\n"
    assert nest_headings("### A\n", 1) == "# A\n"


def test_levels_stop_at_six_and_text_without_headings_is_unchanged() -> None:
    assert nest_headings("# A\n\n###### F\n", 3) == "### A\n\n###### F\n"
    assert nest_headings("bare tekst\n#hashtag\n", 3) == "bare tekst\n#hashtag\n"


def test_code_is_left_alone() -> None:
    text = "## A\n\n```\n# ikke en overskrift\n```\n\n~~~~\n## heller ikke\n~~~~\n\n    # innrykket kode\n"
    assert nest_headings(text, 3) == text.replace("## A", "### A", 1)


def test_setext_headings_become_hash_headings() -> None:
    assert nest_headings("Tittel\n======\n\nUndertittel\n-----------\n\ntekst\n", 3) == (
        "### Tittel\n\n#### Undertittel\n\ntekst\n"
    )
    # A rule after a blank line or a list item is not a heading.
    assert nest_headings("## A\n\n---\n\n- punkt\n---\n", 3) == "### A\n\n---\n\n- punkt\n---\n"


def test_footnotes_get_labels_of_their_own() -> None:
    text = "Se note.[^1] Og [^lang].\n\n[^1]: Første.\n[^lang]: Andre.\n"
    assert separate_notes(text, "m2") == "Se note.[^m2-1] Og [^m2-lang].\n\n[^m2-1]: Første.\n[^m2-lang]: Andre.\n"
    assert separate_notes("Ingen [^x] definert.\n", "m2") == "Ingen [^x] definert.\n"


def test_fit_markdown_trims_blank_lines_around() -> None:
    assert fit_markdown("\n\n# A\n\ntekst\n\n", 2, "m1") == "## A\n\ntekst"

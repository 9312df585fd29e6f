"""The year's compilation and one meeting's minutes: order, titles, conclusions, warnings, staff Markdown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dialogkit.errors import DialogError
from dialogkit.loading import require
from dialogkit.minutes import compile_referat, render_referat
from tests.conftest import EXAMPLES

from .conftest import CopyExample, dialog

NB_ORDER = ["Skole og SFO", "Barnehage", "Kultur", "Teknisk drift", "Helse og omsorg", "Dialogmøte med hytteeierne"]


def sections(markdown: str) -> dict[str, str]:
    """The text under each level-2 heading (the title is the only level-1 one), by the heading's text."""
    parts = re.split(r"^## (.+)$", markdown, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def compiled(root: Path, out: Path, year: int = 2022) -> str:
    compile_referat(root, year, ["md"], out)
    return (out / str(year) / "referat-compilation.md").read_text(encoding="utf-8")


def test_every_meeting_in_date_order_with_its_conclusions(tmp_path: Path) -> None:
    markdown = compiled(EXAMPLES["nb"], tmp_path)
    assert markdown.startswith(
        "**Nordvik kommune**\\\nKommunedirektøren\n\n# Sammenstilling av referatene fra Dialogmøter 2022\n"
    )
    headings = re.findall(r"^## (.+)$", markdown, flags=re.MULTILINE)
    assert headings == ["Oversikt", *NB_ORDER]
    ws = require(EXAMPLES["nb"])
    for meeting in ws.cycles[2022].meetings.values():
        assert meeting.referat is not None
        section = sections(markdown)[_title(meeting.area_id)]
        conclusions = section[section.index("### Konklusjoner") : section.index("### Møtet")]
        for conclusion in meeting.referat.front.conclusions:
            assert f"- {conclusion}\n" in conclusions
        for person in meeting.referat.front.present:
            assert person in section.split("\n\n**Forfall:**")[0]
    skole = sections(markdown)["Skole og SFO"]
    assert "**Dato:** torsdag 5. mai 2022, klokken 17.00–19.00" in skole
    assert "**Vert:** Tjenesteutvalget" in skole
    assert "**Forfall:** FAU ved Søndre skole" in skole
    assert "#### Sak 1: Velkommen og presentasjon" in skole  # "##" in the minutes, nested under the meeting


def _title(area_id: str) -> str:
    return {
        "skole": "Skole og SFO",
        "barnehage": "Barnehage",
        "kultur": "Kultur",
        "teknisk": "Teknisk drift",
        "helse": "Helse og omsorg",
        "hytteeiere": "Dialogmøte med hytteeierne",
    }[area_id]


def test_the_overview_comes_first_with_dates_and_key_conclusions(tmp_path: Path) -> None:
    markdown = compiled(EXAMPLES["nb"], tmp_path)
    overview = markdown[: markdown.index("\n## Skole og SFO")]
    items = re.findall(r"^- \*\*(.+)\*\*$", overview, flags=re.MULTILINE)
    assert items[0] == "torsdag 5. mai 2022: Skole og SFO"
    assert items[-1] == "torsdag 4. august 2022: Dialogmøte med hytteeierne"
    assert "  - Skolevei og trafikksikkerhet ved Nordre skole" in overview
    assert "  - … og 2 til" in overview


def test_a_one_off_meeting_uses_its_own_title(copy_example: CopyExample, tmp_path: Path) -> None:
    root = copy_example("nb")
    meeting = root / "cycles" / "2022" / "hytteeiere" / "meeting.yaml"
    meeting.write_text(
        meeting.read_text(encoding="utf-8").replace("Dialogmøte med hytteeierne", "Hyttemøtet på Nordviksetra"),
        encoding="utf-8",
    )
    markdown = compiled(root, tmp_path)
    assert "\n## Hyttemøtet på Nordviksetra\n" in markdown
    assert "# Hytteeiere\n" not in markdown
    assert "**Vert:** Formannskapet" in markdown.split("# Hyttemøtet på Nordviksetra")[1]


def test_a_meeting_without_minutes_is_a_warning_that_names_it(copy_example: CopyExample, tmp_path: Path) -> None:
    root = copy_example("nb")
    (root / "cycles" / "2022" / "kultur" / "referat.md").unlink()
    code, out, err = dialog(root, "compile-referat", "2022", "--to", "md", "--out", tmp_path / "out")
    assert code == 0
    assert "cycles/2022/kultur/referat.md:1:1: warning: no minutes for Kultur (2022/kultur, 2022-05-19)" in err
    assert "wrote" in out
    markdown = (tmp_path / "out" / "2022" / "referat-compilation.md").read_text(encoding="utf-8")
    assert "\n## Kultur\n" not in markdown
    assert markdown.count("Det foreligger ikke referat fra Kultur (19. mai).") == 1
    # The council document lists only the meetings with minutes, and names the missing one once.
    case = (tmp_path / "out" / "2022" / "case-document.md").read_text(encoding="utf-8")
    assert "torsdag 12. mai 2022: Barnehage" in case
    assert ": Kultur" not in case
    assert case.count("Det foreligger ikke referat fra Kultur (19. mai).") == 1
    assert err.count("no minutes for Kultur") == 1

    code, out, err = dialog(root, "compile-referat", "2022", "--to", "md", "--out", tmp_path / "strict", "--strict")
    assert code == 1
    assert "cycles/2022/kultur/referat.md:1:1: error: no minutes for Kultur" in err
    assert out == "" and not (tmp_path / "strict").exists()


def test_a_planned_meeting_without_a_folder_is_a_warning(copy_example: CopyExample, tmp_path: Path) -> None:
    root = copy_example("nb")
    for name in ("meeting.yaml", "referat.md"):
        (root / "cycles" / "2022" / "helse" / name).unlink()
    (root / "cycles" / "2022" / "helse").rmdir()
    (warning,) = compile_referat(root, 2022, ["md"], tmp_path).warnings
    assert str(warning).startswith("cycles/2022/plan.yaml:8:12: warning: ")
    assert "no minutes for Helse og omsorg (2022/helse, 2022-06-08)" in warning.message


def test_minutes_without_conclusions_are_a_warning(copy_example: CopyExample, tmp_path: Path) -> None:
    root = copy_example("sv")
    referat = root / "cycles" / "2025" / "kalv" / "referat.md"
    text = referat.read_text(encoding="utf-8")
    front, body = text.split("conclusions:\n", 1)
    referat.write_text(front + "conclusions: []\n---" + body.split("---", 1)[1], encoding="utf-8")
    result = compile_referat(root, 2025, ["md"], tmp_path)
    (warning,) = result.warnings
    assert warning.path == "cycles/2025/kalv/referat.md" and warning.severity == "warning"
    assert "list no conclusions" in warning.message
    markdown = (tmp_path / "2025" / "referat-compilation.md").read_text(encoding="utf-8")
    assert "Referatet innehåller inga slutsatser." in markdown
    with pytest.raises(DialogError, match="list no conclusions"):
        compile_referat(root, 2025, ["md"], tmp_path, strict=True)


def test_a_year_without_meetings_is_an_error(tmp_path: Path) -> None:
    code, out, err = dialog(EXAMPLES["sv"], "compile-referat", "2019", "--to", "md", "--out", tmp_path)
    assert code == 1 and out == ""
    assert err.startswith("cycles/2019:1:1: error: 2019 has no meetings to compile minutes from (years with meetings:")
    code, _, err = dialog(EXAMPLES["sv"], "compile-referat", "2024", "--to", "md", "--out", tmp_path)
    assert code == 1
    assert "error: no minutes in 2024 yet, so there is nothing to compile" in err


def test_staff_markdown_renders_while_raw_markup_never_does(copy_example: CopyExample, tmp_path: Path) -> None:
    root = copy_example("nb")
    referat = root / "cycles" / "2022" / "skole" / "referat.md"
    hostile = (
        "\n## Eget avsnitt\n\n- første punkt\n- **andre** punkt\n\n"
        "<script>alert('x')</script>\n\n"
        "```{=html}\n<img src=x onerror=alert(1)>\n```\n\n"
        "`<b>fet</b>`{=html} og <span onclick='alert(2)'>klikk</span>\n\n"
        "Med fotnote.[^1]\n\n[^1]: Fotnoten.\n"
    )
    referat.write_text(referat.read_text(encoding="utf-8") + hostile, encoding="utf-8")
    compile_referat(root, 2022, ["md", "html"], tmp_path)
    html = (tmp_path / "2022" / "referat-compilation.html").read_text(encoding="utf-8")
    assert re.search(r"<h4[^>]*>Eget avsnitt</h4>", html)  # "##" nested under the meeting (h2 in HTML)
    assert "<li><strong>andre</strong> punkt</li>" in html
    for markup in ("<script", "<img", "<b>fet</b>"):
        assert markup not in html
    assert not re.search(r"<[^>]*\son\w+\s*=", html)  # no tag carries an event handler
    assert "&lt;script&gt;" in html
    assert "Fotnoten." in html


def test_one_meetings_minutes(tmp_path: Path) -> None:
    code, out, err = dialog(EXAMPLES["nb"], "render", "referat", "2022/hytteeiere", "--to", "md", "--out", tmp_path)
    assert code == 0, err
    path = tmp_path / "2022" / "hytteeiere" / "referat.md"
    assert out == f"wrote {path}\n"
    markdown = path.read_text(encoding="utf-8")
    assert "**Dato:** torsdag 4. august 2022, klokken 18.00–20.00" in markdown
    assert markdown.startswith("**Nordvik kommune**\\\nKommunedirektøren\n\n# Referat: Dialogmøte med hytteeierne\n")
    assert "\n## Konklusjoner\n\n- Hytteeierforeningen høres særskilt" in markdown
    assert "\n### Sak 1: Velkommen\n" in markdown
    result = render_referat(require(EXAMPLES["nb"]), 2022, "skole", ["md"], tmp_path)
    assert result.warnings == []


def test_one_meetings_minutes_that_do_not_exist(tmp_path: Path) -> None:
    code, _, err = dialog(EXAMPLES["sv"], "render", "referat", "2024/hillared", "--to", "md", "--out", tmp_path)
    assert code == 1
    assert err.startswith("cycles/2024/hillared/referat.md:1:1: error: no minutes for 2024/hillared")
    code, _, err = dialog(EXAMPLES["sv"], "render", "referat", "hillared", "--out", tmp_path)
    assert code == 2 and "YEAR/AREA" in err

"""Single-line bugs a review planted and the suite did not notice: each now has a test that fails on it."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest

from dialogkit.check import check
from dialogkit.loading import require
from dialogkit.minutes import compile_referat
from dialogkit.planning import season_windows
from dialogkit.planning.days import month_window
from dialogkit.render.pipeline import tidy_headings
from dialogkit.survey.matching import is_concern
from tests.conftest import DIALOG_YAML, MEETING_YAML, WriteWorkspace
from tests.render.conftest import PNG, pdf_structure

REFERAT = """\
---
date: 2025-04-08
present: [Kommunstyrelsens ordförande]
minutes_by: Kommunutvecklare
conclusions: [Belysningen ses över.]
---
## Sak 1

Text.

![Karta över "Storgatan", \\\\ #gata och $1](cycles/2025/hogvad/bilder/karta.png)

### Detalj

##### Längre ner
"""


@pytest.mark.parametrize(
    ("year", "month", "first", "last"),
    [
        (2026, 11, "2026-11-01", "2026-11-30"),
        (2026, 12, "2026-12-01", "2026-12-31"),
        (2024, 2, "2024-02-01", "2024-02-29"),
    ],
)
def test_the_election_month_window_is_the_whole_month(year: int, month: int, first: str, last: str) -> None:
    assert month_window(year, month) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


def test_an_election_year_moves_the_autumn_season_to_all_of_november(write_workspace: WriteWorkspace) -> None:
    windows = season_windows(require(write_workspace()), 2026)  # Sweden votes in September 2026
    assert [(w.name, w.first.isoformat(), w.last.isoformat(), w.election_month) for w in windows] == [
        ("spring", "2026-03-01", "2026-06-15", False),
        ("autumn", "2026-11-01", "2026-11-30", True),
    ]


@pytest.mark.parametrize("month", [12, 1, 8])
def test_an_election_month_outside_every_season_moves_the_last_season_not_the_first(
    write_workspace: WriteWorkspace, month: int
) -> None:
    config = DIALOG_YAML.replace("autumn_month: 11", f"autumn_month: {month}")
    windows = season_windows(require(write_workspace({"dialog.yaml": config})), 2026)
    first, last = month_window(2026, month)
    assert [(w.name, w.first, w.last) for w in windows] == [
        ("spring", dt.date(2026, 3, 1), dt.date(2026, 6, 15)),
        ("autumn", first, last),
    ]


def test_a_meeting_that_ends_when_it_starts_is_an_error(write_workspace: WriteWorkspace) -> None:
    meeting = MEETING_YAML.replace('end: "20:00"', 'end: "18:00"')
    root = write_workspace({"cycles/2025/hogvad/meeting.yaml": meeting})
    errors = [f for f in check(root) if f.severity == "error"]
    assert [(f.path, f.line) for f in errors] == [("cycles/2025/hogvad/meeting.yaml", 4)]
    assert "ends (18:00)" in errors[0].message and "starts (18:00)" in errors[0].message


@pytest.mark.parametrize(
    ("answer", "unsafe_question", "concern"),
    [("5", True, True), ("4", True, True), ("3", True, False), ("1", False, True), ("2", False, True)],
)
def test_a_scale_answer_at_the_threshold_is_a_concern(answer: str, unsafe_question: bool, concern: bool) -> None:
    # "Do you feel unsafe?" 1-5: 4 and 5 are concerns; "Do you feel safe?": 1 and 2.
    assert is_concern(answer, asks_about_unsafety=unsafe_question, kind="scale") is concern
    if answer == "3":
        assert is_concern(answer, asks_about_unsafety=not unsafe_question, kind="scale") is False


def _headers(*levels: int) -> list[dict[str, Any]]:
    return [{"t": "Header", "c": [level, ["", [], []], [{"t": "Str", "c": f"h{level}"}]]} for level in levels]


@pytest.mark.parametrize(
    ("given", "tidied"),
    [((1, 3, 5), (1, 2, 3)), ((2, 4, 2, 3), (1, 2, 1, 2)), ((3, 3, 6, 4), (1, 1, 2, 2)), ((1, 2, 3), (1, 2, 3))],
)
def test_headings_never_skip_a_level(given: tuple[int, ...], tidied: tuple[int, ...]) -> None:
    blocks = _headers(*given)
    tidy_headings(blocks)
    assert tuple(block["c"][0] for block in blocks) == tidied


def test_the_pdf_keeps_quotes_in_alt_text_and_its_outline_skips_no_level(
    write_workspace: WriteWorkspace, tmp_path: Any
) -> None:
    root = write_workspace({"cycles/2025/hogvad/referat.md": REFERAT, "cycles/2025/hogvad/bilder/karta.png": PNG})
    compile_referat(require(root), 2025, ["pdf"], tmp_path)
    structure = pdf_structure(tmp_path / "2025/referat-compilation.pdf")
    assert ("/Figure", 'Karta över "Storgatan", \\ #gata och $1') in structure
    levels = [int(role[2:]) for role, _ in structure if role.startswith("/H") and role[2:].isdigit()]
    assert levels and all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels

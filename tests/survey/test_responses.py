"""responses.csv's column pipeline: the fast path must equal cleaning each cell on its own."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from dialogkit.survey.names import NameFinder
from dialogkit.survey.redact import Redactor
from dialogkit.survey.responses import (
    DELIMITER,
    clean_cell,
    clean_column,
    from_spreadsheet_safe,
    spreadsheet_safe,
)
from tests.survey.exports import SE_PNR

# Cells built from the characters that need care: quotes, semicolons, line breaks, formula
# starts, NUL, spaces, digits and "@" (so personal data turns up), and a letter or two.
PIECES = ["", "a", "ö", ";", ",", '"', "=", "+", "-", "@", "'", " ", "\n", "\x00", "7", "070-123 45 67", SE_PNR]
cells = st.lists(st.sampled_from(PIECES), max_size=4).map("".join)


def parse(field: str) -> str:
    return next(csv.reader(io.StringIO(field), delimiter=DELIMITER), [""])[0] if field else ""


@settings(max_examples=300, deadline=None)
@given(st.lists(cells, min_size=1, max_size=40))
def test_clean_column_equals_cleaning_each_cell(column: list[str]) -> None:
    fast, slow = Redactor("sv"), Redactor("sv")
    got = clean_column(tuple(column), fast)
    want = [clean_cell(c, slow) for c in column]
    assert [parse(f) for f in got] == [parse(f) for f in want]
    assert fast.counts == slow.counts


# Names where the column's gates must find them: at an answer's start, after a space, after a
# line break, bracket, quote or dash; and words around them.
NAME_PIECES = ["Kari", "Per Holm", " ", "\n", "(", '"', "'", "-", "bra", "Inga", "kör", "Åsa", "x"]
name_cells = st.lists(st.sampled_from(NAME_PIECES), max_size=5).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(name_cells, min_size=1, max_size=40))
def test_names_found_in_a_column_as_in_each_cell(column: list[str]) -> None:
    fast = Redactor("sv", names=NameFinder(frozenset()))
    slow = Redactor("sv", names=NameFinder(frozenset()))
    got = clean_column(tuple(column), fast)
    want = [clean_cell(c, slow) for c in column]
    assert [parse(f) for f in got] == [parse(f) for f in want]
    assert fast.counts == slow.counts


def test_a_name_in_quotes_is_redacted_in_a_column_of_free_text() -> None:
    column = (*(f"svar nummer {'x' * n} utan namn" for n in range(30)), 'bra "Kari" sa att')
    out = clean_column(column, Redactor("sv", names=NameFinder(frozenset())))
    assert out[-1] == '"bra ""[namn]"" sa att"'


@given(st.text(max_size=20))
def test_spreadsheet_safety_is_undone_exactly(value: str) -> None:
    safe = spreadsheet_safe(value)
    assert not safe.startswith(("=", "+", "-", "@"))
    assert from_spreadsheet_safe(safe) == value


def test_a_column_of_repeated_answers_counts_every_redaction() -> None:
    redact = Redactor("sv")
    column = ("Nej", "Ring 070-123 45 67", "Nej", "Ring 070-123 45 67") * 100
    out = clean_column(column, redact)
    assert redact.counts["phone"] == 200
    assert out[1] == "Ring [telefonnummer]"

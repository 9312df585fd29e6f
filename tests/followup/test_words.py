"""Sums of money as each language writes them: the locale's own pattern, whole numbers, no-break spaces."""

from __future__ import annotations

import pytest

from dialogkit.followup.words import money

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("amount", "country", "locale", "expected"),
    [
        (45000, "SE", "sv", f"45{NBSP}000{NBSP}kr"),
        (4395000, "NO", "nb", f"4{NBSP}395{NBSP}000{NBSP}kr"),
        (60000, "NO", "nn", f"60{NBSP}000{NBSP}kr"),
        (45000, "NO", "sv", f"45{NBSP}000{NBSP}Nkr"),  # a Swedish text names the Norwegian krone apart
        (45000, "SE", "nb", f"45{NBSP}000{NBSP}SEK"),
        (45000, "SE", "en", f"SEK{NBSP}45,000"),  # a symbol of letters is spaced from the digits
        (4395000, "NO", "en", f"NOK{NBSP}4,395,000"),
        (0, "SE", "sv", f"0{NBSP}kr"),
    ],
)
def test_a_sum_of_money_reads_as_the_language_writes_it(amount: int, country: str, locale: str, expected: str) -> None:
    assert money(amount, country, locale) == expected

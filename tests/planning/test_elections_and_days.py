"""Election years and the evenings a meeting may not fall on."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogkit.planning import elections, is_election_year
from dialogkit.planning.days import easter, holidays_of, month_day


@pytest.mark.parametrize("year", [2018, 2022, 2026, 2030])
def test_sweden_holds_general_elections_every_four_years(year: int) -> None:
    assert is_election_year("SE", year)


@pytest.mark.parametrize("year", [2023, 2024, 2025, 2027])
def test_sweden_has_no_election_between(year: int) -> None:
    assert not is_election_year("SE", year)


def test_swedish_election_day_is_the_second_sunday_of_september() -> None:
    assert [e.date for e in elections("SE", 2022)] == [dt.date(2022, 9, 11)]
    assert [e.date for e in elections("SE", 2026)] == [dt.date(2026, 9, 13)]


@pytest.mark.parametrize(
    ("year", "kinds"),
    [(2023, ["municipal"]), (2025, ["parliamentary"]), (2027, ["municipal"]), (2029, ["parliamentary"]), (2026, [])],
)
def test_norway_alternates_municipal_and_parliamentary_elections(year: int, kinds: list[str]) -> None:
    assert [e.kind for e in elections("NO", year)] == kinds
    assert is_election_year("NO", year) == bool(kinds)


def test_a_workspace_list_overrides_the_country_rules() -> None:
    assert is_election_year("SE", 2025, [2025])
    assert not is_election_year("SE", 2026, [2025])


def test_swedish_holidays_include_the_eves_and_not_plain_sundays() -> None:
    days = holidays_of("SE", 2025)
    assert dt.date(2025, 6, 20) in days  # midsommarafton
    assert dt.date(2025, 12, 24) in days  # julafton
    assert dt.date(2025, 12, 31) in days  # nyårsafton
    assert dt.date(2025, 4, 19) in days  # påskafton
    assert dt.date(2025, 6, 6) in days  # nationaldagen
    assert dt.date(2025, 3, 2) not in days  # an ordinary Sunday


def test_norwegian_holidays_include_the_eves() -> None:
    days = holidays_of("NO", 2025)
    assert {dt.date(2025, 12, 24), dt.date(2025, 12, 31), dt.date(2025, 4, 19), dt.date(2025, 5, 17)} <= set(days)
    assert dt.date(2025, 3, 2) not in days


def test_easter_matches_known_dates() -> None:
    assert easter(2024) == dt.date(2024, 3, 31)
    assert easter(2025) == dt.date(2025, 4, 20)
    assert easter(2038) == dt.date(2038, 4, 25)


@pytest.mark.parametrize(
    ("year", "expected"), [(2024, dt.date(2024, 2, 29)), (2025, dt.date(2025, 2, 28)), (1900, dt.date(1900, 2, 28))]
)
def test_a_season_ending_on_29_february_ends_on_the_28th_outside_leap_years(year: int, expected: dt.date) -> None:
    assert month_day("02-29", year) == expected

"""Election years by each country's rules, so an election-year plan needs no hand list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

# The first election of a regular cycle; every four years after it, by the constitution.
_SE_GENERAL = 1994  # riksdag, regions and municipalities on one day since 1994 (four-year terms)
_NO_MUNICIPAL = 1995  # kommunestyre- og fylkestingsvalg, every four years
_NO_PARLIAMENT = 1993  # stortingsvalg, every four years


@dataclass(frozen=True)
class Election:
    """One election that falls in a year."""

    kind: str  # "general" (SE), "municipal" or "parliamentary" (NO)
    date: dt.date | None  # known for Sweden; Norway's day is set by the King in council


def _second_sunday_of_september(year: int) -> dt.date:
    first = dt.date(year, 9, 1)
    return first + dt.timedelta(days=(6 - first.weekday()) % 7 + 7)


def elections(country: str, year: int) -> list[Election]:
    """The regular elections held in ``year`` in ``country`` (SE or NO)."""
    if country == "SE":
        if year >= _SE_GENERAL and (year - _SE_GENERAL) % 4 == 0:
            return [Election("general", _second_sunday_of_september(year))]
        return []
    if country == "NO":
        found: list[Election] = []
        if year >= _NO_PARLIAMENT and (year - _NO_PARLIAMENT) % 4 == 0:
            found.append(Election("parliamentary", None))
        if year >= _NO_MUNICIPAL and (year - _NO_MUNICIPAL) % 4 == 0:
            found.append(Election("municipal", None))
        return found
    return []


def is_election_year(country: str, year: int, override: Sequence[int] | None = None) -> bool:
    """Whether ``year`` is an election year: the workspace's own list when given, else the country's rules."""
    if override is not None:
        return year in override
    return bool(elections(country, year))

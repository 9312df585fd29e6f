"""Which evenings a meeting may fall on: weekdays, public and de-facto holidays, blackouts, windows."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Any

from dialogkit.models.config import WEEKDAYS, Blackout, Season

# Days the `holidays` package does not count as public holidays but on which nobody
# holds a citizen meeting. Sweden's midsummer, Christmas and New Year's eves come
# from its "de_facto" category; the rest are added here, named in the package's languages.
_EXTRA: dict[str, tuple[tuple[int, dict[str, str]], ...]] = {
    "SE": ((-1, {"sv": "Påskafton", "en_US": "Holy Saturday"}),),
    "NO": ((-1, {"no": "Påskeaften", "en_US": "Holy Saturday"}),),
}
_EXTRA_FIXED: dict[str, tuple[tuple[int, int, dict[str, str]], ...]] = {
    "NO": (
        (12, 24, {"no": "Julaften", "en_US": "Christmas Eve"}),
        (12, 31, {"no": "Nyttårsaften", "en_US": "New Year's Eve"}),
    ),
}
# The workspace's locale as the `holidays` package names its languages; nynorsk gets bokmål's names.
_LANGUAGES = {("SE", "sv"): "sv", ("NO", "nb"): "no", ("NO", "nn"): "no"}


def easter(year: int) -> dt.date:
    """Easter Sunday (Western), from dateutil, which the holidays package already depends on."""
    from dateutil.easter import easter as western_easter

    day: dt.date = western_easter(year)
    return day


@cache
def holidays_of(country: str, year: int, locale: str = "en") -> Mapping[dt.date, str]:
    """Public and de-facto holidays of ``country`` in ``year``, named in ``locale``; plain Sundays are not holidays here."""
    import holidays

    language = _LANGUAGES.get((country, locale), "en_US")  # Swedish names in Norway are nobody's: English then
    supported = holidays.country_holidays(country).supported_categories
    categories = tuple(c for c in ("public", "de_facto") if c in supported)
    options: dict[str, Any] = {"years": year, "categories": categories, "language": language}
    if country == "SE":
        options["include_sundays"] = False  # the package lists every Sunday as a Swedish holiday
    days: dict[dt.date, str] = {
        day: str(name).replace("; ", ", ") for day, name in holidays.country_holidays(country, **options).items()
    }
    easter_day = easter(year)
    for offset, names in _EXTRA.get(country, ()):
        days.setdefault(easter_day + dt.timedelta(days=offset), names[language])
    for month, day, names in _EXTRA_FIXED.get(country, ()):
        days.setdefault(dt.date(year, month, day), names[language])
    return MappingProxyType(days)


def season_window(season: Season, year: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a season's window in ``year``."""
    return month_day(season.from_, year), month_day(season.to, year)


def month_day(value: str, year: int) -> dt.date:
    """The date of an "MM-DD" day in ``year``; 02-29 falls back to 02-28 outside leap years."""
    month, day = int(value[:2]), int(value[3:])
    if month == 2 and day == 29 and not calendar.isleap(year):
        day = 28
    return dt.date(year, month, day)


def month_window(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a month."""
    first = dt.date(year, month, 1)
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def weekday_name(day: dt.date) -> str:
    """The contract's three-letter weekday of a date ("tue")."""
    return WEEKDAYS[day.weekday()]


def blackout_of(day: dt.date, blackouts: Sequence[Blackout]) -> Blackout | None:
    """The blackout range ``day`` falls in, if any."""
    return next((b for b in blackouts if b.from_ <= day <= b.to), None)


@dataclass(frozen=True)
class Evenings:
    """The evenings of one window that a meeting may fall on, and how each rule narrowed them."""

    first: dt.date
    last: dt.date
    allowed: tuple[dt.date, ...]
    in_window: int
    on_weekdays: int
    not_holidays: int

    def shortfall(self, weekdays: Sequence[str]) -> str:
        """Name the rule that left no evening in the window."""
        span = f"{self.first} to {self.last}"
        if self.in_window == 0:
            return f"the window {span} holds no days"
        if self.on_weekdays == 0:
            return f"the window {span} holds no {'/'.join(weekdays)} (the allowed weekdays)"
        if self.not_holidays == 0:
            return f"every {'/'.join(weekdays)} from {span} is a public holiday"
        return f"the blackout ranges cover every {'/'.join(weekdays)} from {span} that is not a holiday"


def evenings(
    first: dt.date,
    last: dt.date,
    weekdays: Sequence[str],
    holidays: Mapping[dt.date, str],
    blackouts: Sequence[Blackout],
) -> Evenings:
    """The allowed evenings from ``first`` to ``last``, counted rule by rule."""
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    on_weekdays = [d for d in days if weekday_name(d) in weekdays]
    not_holidays = [d for d in on_weekdays if d not in holidays]
    allowed = tuple(d for d in not_holidays if blackout_of(d, blackouts) is None)
    return Evenings(first, last, allowed, len(days), len(on_weekdays), len(not_holidays))

"""The follow-up's words: statuses, dates and sums of money in the workspace's language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache

CURRENCIES = {"SE": "SEK", "NO": "NOK"}


def status_word(labels: Mapping[str, str], status: str) -> str:
    """An action's status in words: "Pågår" for in-progress."""
    return labels[f"followup_status_{status.replace('-', '_')}"]


def group_status_word(labels: Mapping[str, str], status: str) -> str:
    """A work group's status in words: "Aktiv" for active."""
    return labels[f"followup_group_{status}"]


@lru_cache(maxsize=4096)  # a follow-up and the site write the same few due dates thousands of times
def long_date(value: dt.date, locale: str) -> str:
    """A date without its weekday: "8 april 2025", "8. april 2025"."""
    from babel.dates import format_date

    return str(format_date(value, "long", locale=locale))


@lru_cache(maxsize=4096)
def money(amount: int, country: str, locale: str) -> str:
    """A whole sum of money: "45 000 kr" in Swedish and Norwegian, "SEK 45,000" in English."""
    from babel.numbers import format_decimal, get_currency_symbol

    currency = CURRENCIES.get(country, "SEK")
    number = str(format_decimal(amount, locale=locale))
    symbol = str(get_currency_symbol(currency, locale=locale))
    return f"{symbol}\u00a0{number}" if locale == "en" else f"{number}\u00a0{symbol}"

"""The follow-up's words: statuses, dates and sums of money in the workspace's language."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from functools import lru_cache

CURRENCIES = {"SE": "SEK", "NO": "NOK"}
_FRACTION = re.compile(r"\.[0#]+")  # the ".00" of a currency pattern


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
    from babel.numbers import format_currency

    currency = CURRENCIES.get(country, "SEK")
    pattern = _whole_sums(currency, locale)
    return str(format_currency(amount, currency, format=pattern, locale=locale, currency_digits=False))


@lru_cache(maxsize=16)
def _whole_sums(currency: str, locale: str) -> str:
    """The locale's currency pattern without decimals, a no-break space between a symbol of letters and the digits.

    CLDR spaces a symbol such as "SEK" from the number ("SEK 45,000", not "SEK45,000"),
    a rule that babel's formatting leaves out; here it is applied to the pattern.
    """
    from babel import Locale
    from babel.numbers import get_currency_symbol

    pattern = _FRACTION.sub("", Locale.parse(locale).currency_formats["standard"].pattern)
    symbol = str(get_currency_symbol(currency, locale=locale))
    if symbol[-1].isalpha():
        pattern = re.sub(r"¤(?=[#0])", "¤\u00a0", pattern)
    if symbol[0].isalpha():
        pattern = re.sub(r"(?<=[#0])¤", "\u00a0¤", pattern)
    return pattern

"""The words of the terminal in one locale: messages from the catalogue, dates with babel."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dialogkit.render.words import clock, fill
from dialogkit.terminal.catalogue import MESSAGES

_DAY = {"sv": "EEE d MMMM", "nb": "EEE d. MMMM", "nn": "EEE d. MMMM", "en": "EEE d MMMM"}
_DATE = {"sv": "d MMMM", "nb": "d. MMMM", "nn": "d. MMMM", "en": "d MMMM"}
_DATE_IN_YEAR = {"sv": "d MMMM y", "nb": "d. MMMM y", "nn": "d. MMMM y", "en": "d MMMM y"}


@dataclass(frozen=True)
class Words:
    """The catalogue's messages and the dates of one locale; an unknown locale speaks English."""

    locale: str

    @classmethod
    def of(cls, locale: str) -> Words:
        return cls(locale if locale in MESSAGES else "en")

    def __call__(self, key: str, **values: object) -> str:
        """The message ``key`` with its `{placeholders}` filled."""
        return fill(MESSAGES[self.locale][key], **values)

    def weekday(self, day: dt.date) -> str:
        """A day with its weekday, for a table: "tors 26 mars", "tor. 26. mars"."""
        return _format(day, _DAY[self.locale], self.locale)

    def day(self, day: dt.date, year: int | None = None) -> str:
        """A day in a sentence: "26 mars"; with the year when it is not ``year``."""
        pattern = _DATE if day.year == year else _DATE_IN_YEAR
        return _format(day, pattern[self.locale], self.locale)

    def clock(self, start: str, end: str) -> str:
        """A span of time as the locale writes it: "18.00–20.00", "18:00–20:00"."""
        return f"{clock(start, self.locale)}–{clock(end, self.locale)}"


@lru_cache(maxsize=1024)
def _format(day: dt.date, pattern: str, locale: str) -> str:
    from babel.dates import format_date

    return str(format_date(day, pattern, locale=locale))


@dataclass
class Table:
    """A table to print: a title, its column headings and rows of plain text."""

    title: str
    headings: list[str]
    rows: list[list[str]] = field(default_factory=list)


def locale_of(root: Path) -> str:
    """The workspace's locale as dialog.yaml says it, read as far as it parses; English when it does not.

    `dialog check` speaks the language of a workspace whose files may be broken: a
    dialog.yaml that fails to parse is reported as a finding, and the summary falls back
    to English rather than fail a second time.
    """
    from dialogkit import inputs
    from dialogkit.errors import DialogError
    from dialogkit.layout import CONFIG_FILE
    from dialogkit.yamlload import decode_utf8, parse_yaml

    try:
        raw = inputs.read_bytes(root, CONFIG_FILE)
        data = parse_yaml(decode_utf8(raw, CONFIG_FILE), CONFIG_FILE).data if raw is not None else None
    except (DialogError, OSError):
        return "en"
    municipality = data.get("municipality") if isinstance(data, dict) else None
    locale = municipality.get("locale") if isinstance(municipality, dict) else None
    return locale if isinstance(locale, str) and locale in MESSAGES else "en"

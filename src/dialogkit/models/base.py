"""Shared building blocks of the file models: strictness and the value types of the contract."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

SLUG = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_CLOCK = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]\Z")
_MONTH_DAY = re.compile(r"([0-9]{2})-([0-9]{2})\Z")
# What published text (the site, its feeds, open data) must not carry: control characters other
# than line breaks and tabs, which XML cannot hold, and markup, which is shown as text.
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
MARKUP = re.compile(r"</?[A-Za-z!][^<>]*>|&(#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z]+);")


class StrictModel(BaseModel):
    """A file-format model: unknown keys are errors, values are never silently coerced to text."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


def _slug(value: Any) -> str:
    if not isinstance(value, str) or not SLUG.match(value):
        raise PydanticCustomError(
            "slug",
            "'{value}' is not a valid id: use lower-case letters a-z, digits and '-', "
            "starting with a letter or digit (e.g. 'hogvad')",
            {"value": value},
        )
    return value


def _iso_date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    text = str(value)
    if not isinstance(value, str) or not _ISO_DATE.match(text):
        raise PydanticCustomError(
            "iso_date", "expected a date as YYYY-MM-DD, e.g. 2025-04-08, got '{value}'", {"value": value}
        )
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise PydanticCustomError(
            "iso_date", "{value} is not a real date (check the month and the day)", {"value": text}
        ) from None


def _clock(value: Any) -> str:
    if not isinstance(value, str) or not _CLOCK.match(value):
        raise PydanticCustomError(
            "clock_time", 'expected a time as "HH:MM" (24-hour clock), e.g. "18:00", got \'{value}\'', {"value": value}
        )
    return value


def _month_day(value: Any) -> str:
    match = _MONTH_DAY.match(value) if isinstance(value, str) else None
    if match is None or not isinstance(value, str):
        raise PydanticCustomError(
            "month_day", 'expected a day of the year as "MM-DD", e.g. "03-01", got \'{value}\'', {"value": value}
        )
    try:
        dt.date(2024, int(match[1]), int(match[2]))  # 2024 is a leap year: 02-29 is allowed
    except ValueError:
        raise PydanticCustomError("month_day", "{value} is not a real day of the year", {"value": value}) from None
    return value


def _text(value: Any) -> str:
    # YAML gives numbers for unquoted digits; names such as "1177" are text all the same.
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        raise PydanticCustomError("text", "expected text, got {value}", {"value": value})
    return str(value)


Slug = Annotated[
    str, BeforeValidator(_slug), WithJsonSchema({"type": "string", "pattern": SLUG.pattern.rstrip("\\Z") + "$"})
]
IsoDate = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "format": "date"}),
]
ClockTime = Annotated[
    str, BeforeValidator(_clock), WithJsonSchema({"type": "string", "pattern": r"^([01]\d|2[0-3]):[0-5]\d$"})
]
MonthDay = Annotated[str, BeforeValidator(_month_day), WithJsonSchema({"type": "string", "pattern": r"^\d{2}-\d{2}$"})]
Text = Annotated[str, BeforeValidator(_text), WithJsonSchema({"type": "string"})]

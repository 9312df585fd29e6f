"""Shared building blocks of the file models: strictness and the value types of the contract."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

SLUG = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_CLOCK = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]\Z")
_CLOCK_AS_WRITTEN = re.compile(r"([01]?[0-9]|2[0-3])[.:]([0-5][0-9])\Z")  # 19.00, 9:30: what people write
_DAY_FIRST = re.compile(r"([0-9]{1,2})[./]([0-9]{1,2})[./]([0-9]{4})\Z")
_AMOUNT = re.compile(r"[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+\Z")  # 85 000, with a space or a no-break space
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
        wrong = "{value} is not a valid id" if isinstance(value, str) else "expected an id, got {value}"
        raise PydanticCustomError(
            "slug",
            wrong + ": use lower-case letters a-z, digits and '-', starting with a letter or digit (e.g. 'hogvad')",
            {"value": shown(value)},
        )
    return value


def _iso_date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    text = str(getattr(value, "written", value))
    if not isinstance(value, str) or not _ISO_DATE.match(text):
        day_first = _DAY_FIRST.match(text)
        advice = f"; write {day_first[3]}-{int(day_first[2]):02d}-{int(day_first[1]):02d}" if day_first else ""
        raise PydanticCustomError(
            "iso_date",
            "expected a date as YYYY-MM-DD, e.g. 2025-04-08, got {value}{advice}",
            {"value": shown(value), "advice": advice},
        )
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise PydanticCustomError(
            "iso_date", "{value} is not a real date (check the month and the day)", {"value": text}
        ) from None


def _clock(value: Any) -> str:
    """A time of day as "HH:MM"; 19.00 and "9:30" are taken as people mean them."""
    written = getattr(value, "written", value)  # an unquoted 19.00 is a number, kept as it was written
    match = _CLOCK_AS_WRITTEN.match(written) if isinstance(written, str) and not isinstance(value, bool) else None
    if match is None:
        raise PydanticCustomError(
            "clock_time",
            'expected a time as "HH:MM" (24-hour clock), e.g. "18:00", got {value}',
            {"value": shown(value)},
        )
    return f"{int(match[1]):02d}:{match[2]}"


def _amount(value: Any) -> Any:
    """A sum of money: a whole number, written with spaces between thousands if one likes (85 000)."""
    if isinstance(value, str) and _AMOUNT.match(value.strip()):
        return int(re.sub(r"\D", "", value))
    if isinstance(value, float):  # 85.000 is 85 to YAML and 85,000 to a Norwegian: neither is assumed
        raise PydanticCustomError(
            "amount",
            "expected whole kronor, got {value}; write it without a point: 85000, or 85 000",
            {"value": shown(value)},
        )
    return value


def _month_day(value: Any) -> str:
    match = _MONTH_DAY.match(value) if isinstance(value, str) else None
    if match is None or not isinstance(value, str):
        raise PydanticCustomError(
            "month_day", 'expected a day of the year as "MM-DD", e.g. "03-01", got {value}', {"value": shown(value)}
        )
    try:
        dt.date(2024, int(match[1]), int(match[2]))  # 2024 is a leap year: 02-29 is allowed
    except ValueError:
        raise PydanticCustomError("month_day", "{value} is not a real day of the year", {"value": value}) from None
    return value


def _email(value: Any) -> str:
    from email_validator import EmailNotValidError, validate_email

    text = _text(value).strip()
    try:
        return str(validate_email(text, check_deliverability=False).normalized)
    except EmailNotValidError as error:
        raise PydanticCustomError(
            "email",
            "'{value}' is not an e-mail address ({reason}): write it as name@example.org",
            {"value": text, "reason": str(error).rstrip(".")},
        ) from None


def _link(value: Any, schemes: tuple[str, ...]) -> str:
    from urllib.parse import urlsplit

    text = _text(value).strip()
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme == "mailto" and "mailto" in schemes:
        return "mailto:" + _email(parts.path)
    if scheme in ("http", "https") and scheme in schemes and "." in (parts.hostname or "") and " " not in text:
        return text
    wanted = "https:// link or an e-mail address" if "mailto" in schemes else "https:// link"
    raise PydanticCustomError(
        "link",
        "'{value}' is not a link a reader can follow: write a whole {wanted}, e.g. https://www.example.org/dialog",
        {"value": text, "wanted": wanted},
    )


def _web_link(value: Any) -> str:
    return _link(value, ("https", "http"))


def _sign_up(value: Any) -> str:
    text = _text(value).strip()
    if "@" in text and ":" not in text:  # a bare address: people reply to it
        return "mailto:" + _email(text)
    return _link(text, ("https", "http", "mailto"))


def _text(value: Any) -> str:
    # YAML gives numbers for unquoted digits; names such as "1177" are text all the same.
    if value is None:
        raise PydanticCustomError(
            "text", "expected text, got nothing: write the text after the colon, or leave the line out if it may be"
        )
    if isinstance(value, (bool, dict, list)):
        raise PydanticCustomError(
            "text",
            "expected text, got {value}; write one line of text, in quotes if it starts with [ or { or is true or false",
            {"value": shown(value)},
        )
    return str(getattr(value, "written", value))  # 1.10 stays 1.10


def shown(value: Any) -> str:
    """A wrong value as a message quotes it: in quotes as written, nothing, a list or a mapping by what it is."""
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping (key: value lines)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"'{getattr(value, 'written', value)}'"


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
    str,
    BeforeValidator(_clock),
    WithJsonSchema({"type": "string", "pattern": r"^([01]?\d|2[0-3])[.:][0-5]\d$"}),
]
MonthDay = Annotated[str, BeforeValidator(_month_day), WithJsonSchema({"type": "string", "pattern": r"^\d{2}-\d{2}$"})]
Text = Annotated[str, BeforeValidator(_text), WithJsonSchema({"type": "string"})]
Email = Annotated[str, BeforeValidator(_email), WithJsonSchema({"type": "string", "format": "email"})]
# A link in a document: http(s) only, so that no javascript: or file: link reaches a reader.
WebLink = Annotated[str, BeforeValidator(_web_link), WithJsonSchema({"type": "string", "format": "uri"})]
# Where to sign up: an http(s) link, a mailto: link or a bare e-mail address (kept as mailto:).
SignUp = Annotated[str, BeforeValidator(_sign_up), WithJsonSchema({"type": "string"})]
Amount = Annotated[
    int,
    Field(ge=0),
    BeforeValidator(_amount),
    # A whole number, or as a clerk writes it, with spaces between thousands: 85000 or "85 000".
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "pattern": "^" + _AMOUNT.pattern.removesuffix(r"\Z") + "$"},
            ]
        }
    ),
]

"""Personal data in the files staff write (minutes, work groups, meetings, the case): where it stands."""

from __future__ import annotations

import re
from collections.abc import Iterable

from dialogkit.survey import identifiers

_KEY = re.compile(r"\s*(?:-\s+)?[\"']?([\w-]+)[\"']?\s*:")
# A key in a flow mapping right before a value: "{name: Byalaget, email: " before the address.
_FLOW_KEY = re.compile(r"[{,]\s*[\"']?([\w-]+)[\"']?\s*:\s*[\"']?\Z")


def personal_data(text: str, skip_keys: Iterable[str] = ()) -> list[tuple[int, int, str]]:
    """(line, column, kind) of each identity number, phone number and e-mail address in a text,
    line by line; a value of one of ``skip_keys`` (contact details) is passed over, whether its
    key opens the line or stands in a flow mapping (``{name: Byalaget, email: info@byalaget.se}``)."""
    skip = frozenset(skip_keys)
    found: list[tuple[int, int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        key = _KEY.match(line)
        if key is not None and key[1].casefold() in skip:
            continue
        found.extend(
            (number, m.start() + 1, "email")
            for m in identifiers.EMAIL.finditer(line)
            if not _value_of(line, m.start(), skip)
        )
        for span in identifiers.NUMBER_SPAN.finditer(identifiers.ascii_digits(line)):
            kind = _number_kind(span[0])
            if kind and not _value_of(line, span.start(), skip):
                found.append((number, span.start() + 1, kind))
    return found


def _value_of(line: str, start: int, keys: frozenset[str]) -> bool:
    """Whether the text at ``start`` is the value of one of ``keys`` in a flow mapping on the line."""
    key = _FLOW_KEY.search(line, 0, start)
    return key is not None and key[1].casefold() in keys


def _number_kind(span: str) -> str:
    kinds: list[str] = []

    def mark(kind: str) -> str:
        kinds.append(kind)
        return ""

    rest = identifiers.identity_numbers(span, mark)
    if not kinds:
        identifiers.phones(rest, mark)
    return kinds[0] if kinds else ""

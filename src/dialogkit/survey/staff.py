"""Personal data in the files staff write (minutes, work groups, meetings, the case): where it stands."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from functools import lru_cache

from dialogkit.survey import identifiers

_KEY = re.compile(r"\s*(?:-\s+)?[\"']?([\w-]+)[\"']?\s*:")
# A key in a flow mapping right before a value: "{name: Byalaget, email: " before the address.
_FLOW_KEY = re.compile(r"[{,]\s*[\"']?([\w-]+)[\"']?\s*:\s*[\"']?\Z")
# Where identifiers.EMAIL_AT finds an "at", these find one in the text case-folded (as its
# IGNORECASE matches letters: "ſ" folds to "s", the Kelvin sign to "k"): "@", a bracket before
# "a" or "snabel", the words alone, or "at" between spaces. Eight times as quick as EMAIL_AT,
# whose spaces are tried at every character; a text without any holds no e-mail address.
_AT_BRACKETED = re.compile(r"[(\[{]\s*(?:a|snabel)")
_AT_WORD = re.compile(r"at(?<=\sat)\s")
_LINE_ENDS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def personal_data(text: str, skip_keys: Iterable[str] = ()) -> list[tuple[int, int, str]]:
    """(line, column, kind) of each identity number, phone number and e-mail address in a text,
    line by line; a value of one of ``skip_keys`` (contact details) is passed over, whether its
    key opens the line or stands in a flow mapping (``{name: Byalaget, email: info@byalaget.se}``)."""
    skip = frozenset(skip_keys)
    lines = text.splitlines(keepends=True)
    emails = _may_hold_an_address(text) and identifiers.EMAIL_AT.search(text) is not None
    found: list[tuple[int, int, str]] = []
    for number in _lines_with_a_match(text, lines, emails):
        line = lines[number - 1].rstrip(_LINE_ENDS)
        found.extend((number, column, kind) for column, kind in _in_line(line, skip, emails))
    return found


def _may_hold_an_address(text: str) -> bool:
    folded = text.casefold()
    return (
        "@" in folded
        or "snabel" in folded
        or "alfakrøll" in folded
        or _AT_BRACKETED.search(folded) is not None
        or _AT_WORD.search(folded) is not None
    )


def _lines_with_a_match(text: str, lines: list[str], emails: bool) -> list[int]:
    """The numbers of the lines a match of the whole text touches: the only lines worth looking at
    one by one, found with one pass of each pattern over the text (a year's files are mostly dates
    and words). A run of digits is found where NUMBER_SPAN finds one, on the same lines, at a
    fraction of its cost: without its leading "+" or "(" it starts at a digit, which the search
    skips to, and ``\\d`` takes the digits of every script as ascii_digits would give them."""
    spans = [m.span() for m in identifiers.EMAIL.finditer(text)] if emails else []
    spans += [m.span() for m in identifiers.DIGIT_RUN.finditer(text)]
    if not spans:
        return []
    ends = list(itertools.accumulate(len(line) for line in lines))
    touched: set[int] = set()
    for start, end in spans:
        first = bisect.bisect_right(ends, start)
        last = bisect.bisect_right(ends, max(start, end - 1))
        touched.update(range(first + 1, last + 2))
    return sorted(n for n in touched if n <= len(lines))


@lru_cache(maxsize=4096)
def _in_line(line: str, skip: frozenset[str], emails: bool) -> tuple[tuple[int, str], ...]:
    """(column, kind) of the personal data in one line: the same lines ("date: 2025-03-27") come
    back in file after file, so each is looked at once."""
    key = _KEY.match(line)
    if key is not None and key[1].casefold() in skip:
        return ()
    found: list[tuple[int, str]] = []
    if emails:  # a line holds no address where its text holds no "at"
        found.extend(
            (m.start() + 1, "email") for m in identifiers.EMAIL.finditer(line) if not _value_of(line, m.start(), skip)
        )
    for span in identifiers.NUMBER_SPAN.finditer(identifiers.ascii_digits(line)):
        kind = _number_kind(span[0])
        if kind and not _value_of(line, span.start(), skip):
            found.append((span.start() + 1, kind))
    return tuple(found)


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

"""Redaction of free text: e-mail addresses, phone numbers and personal identity numbers.

Most answers hold no digits and no "@", so each cell first meets two cheap tests and
only the few that pass are searched properly: ``phonenumbers`` is a hundred times slower
than a regular expression and runs only on text with a run of seven or more digits.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

PLACEHOLDERS: dict[str, dict[str, str]] = {
    "sv": {"email": "[e-post borttagen]", "phone": "[telefonnummer borttaget]", "id": "[personnummer borttaget]"},
    "nb": {"email": "[e-post fjernet]", "phone": "[telefonnummer fjernet]", "id": "[fødselsnummer fjernet]"},
    "nn": {"email": "[e-post fjerna]", "phone": "[telefonnummer fjerna]", "id": "[fødselsnummer fjerna]"},
    "en": {"email": "[e-mail removed]", "phone": "[phone number removed]", "id": "[identity number removed]"},
}
ALL_PLACEHOLDERS = tuple(sorted({p for words in PLACEHOLDERS.values() for p in words.values()}))
REGIONS = ("SE", "NO")

_EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
# A gate, not a detector: seven digits with at most two separators between each.
_DIGIT_RUN = re.compile(r"\d(?:[\s\-./()]{0,2}\d){6,}")
# A run of digits as a number is written: "+46 70-123 45 67", "(08) 123 456 78", "811228-9874".
_NUMBER_SPAN = re.compile(r"[+(]?\d(?:[\s\-./()]{0,2}\d){6,}\)?")
_DATES_AND_TIMES = re.compile(
    r"(?<![\d.:])(?:(?:19|20)\d\d-[01]\d-[0-3]\d|[0-2]?\d[.:][0-5]\d|[0-3]?\d/[01]?\d(?:/\d{2,4})?)(?![\d.:])"
)
# Swedish personnummer and samordningsnummer: (CC)YYMMDD, then -, + or nothing, then four digits.
_SE_ID = re.compile(r"(?<![\d\w])((?:19|20)?\d{6})\s?([-+]?)\s?(\d{4})(?![\d\w])")
# Norwegian fødselsnummer and D-nummer: DDMMYY, an optional space or hyphen, five digits.
_NO_ID = re.compile(r"(?<![\d\w])(\d{6})[ -]?(\d{5})(?![\d\w])")


@dataclass
class Redactor:
    """Replaces personal data in text with placeholders in one language, counting what it replaced."""

    locale: str
    counts: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self._words = PLACEHOLDERS.get(self.locale, PLACEHOLDERS["en"])

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def __call__(self, text: str) -> str:
        if "@" in text:
            text = _EMAIL.sub(self._email, text)
        if _DIGIT_RUN.search(text) is not None:
            # Only the runs of digits are searched for numbers: the patterns below cost
            # microseconds per character, and a whole answer is long while its number is short.
            text = _NUMBER_SPAN.sub(self._numbers, text)
        return text

    def _numbers(self, match: re.Match[str]) -> str:
        span = _SE_ID.sub(self._se_id, match[0])
        span = _NO_ID.sub(self._no_id, span)
        return self._phones(span)

    def _email(self, match: re.Match[str]) -> str:
        self.counts["email"] += 1
        return self._words["email"]

    def _se_id(self, match: re.Match[str]) -> str:
        if not is_swedish_id(match[1] + (match[2] or "-") + match[3]):
            return match[0]
        self.counts["id"] += 1
        return self._words["id"]

    def _no_id(self, match: re.Match[str]) -> str:
        if not is_norwegian_id(match[1] + match[2]):
            return match[0]
        self.counts["id"] += 1
        return self._words["id"]

    def _phones(self, text: str) -> str:
        import phonenumbers

        # Dates and clock times are the digit runs residents write most ("2025-05-12",
        # "kl 18.00-20.00"); without them, most texts need no PhoneNumberMatcher (90 µs a run).
        if _DIGIT_RUN.search(_DATES_AND_TIMES.sub(" ", text)) is None:
            return text
        for region in REGIONS:
            if _DIGIT_RUN.search(text) is None:
                break
            found = [(m.start, m.end) for m in phonenumbers.PhoneNumberMatcher(text, region)]
            for start, end in reversed(found):
                text = text[:start] + self._words["phone"] + text[end:]
            self.counts["phone"] += len(found)
        return text


def is_swedish_id(number: str) -> bool:
    """A valid personnummer or samordningsnummer (the day plus 60), check digit included."""
    from stdnum import luhn
    from stdnum.se import personnummer

    if personnummer.is_valid(number):
        return True
    digits = re.sub(r"\D", "", number)
    day = int(digits[-6:-4])
    if not 61 <= day <= 91 or not luhn.is_valid(digits[-10:]):
        return False
    # A samordningsnummer: the birth date with 60 added to the day.
    year = int(digits[:4]) if len(digits) == 12 else 1900 + int(digits[:2])
    try:
        dt.date(year if len(digits) == 12 else 2000, int(digits[-8:-6]), day - 60)
    except ValueError:
        return False
    return True


def is_norwegian_id(number: str) -> bool:
    """A valid fødselsnummer or D-nummer (the day plus 40), both check digits included."""
    from stdnum.no import fodselsnummer

    return bool(fodselsnummer.is_valid(number))

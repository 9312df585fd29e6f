"""Redaction of free text: each piece of personal data replaced by a marker of its kind, and counted.

Most answers hold no digit, no "@" and no capitalised name, so a column is first searched
as a whole, in C, for the answers that may (:meth:`Redactor.cells_to_read`); only those meet
the patterns of :mod:`dialogkit.survey.identifiers` and :mod:`dialogkit.survey.names`.
``phonenumbers`` is a hundred times slower than a regular expression and runs only on a
run of seven or more digits.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from dialogkit.survey import identifiers
from dialogkit.survey.columns import cell_indexes, cells_with, latin_1
from dialogkit.survey.names import NameFinder

KINDS = ("name", "email", "phone", "id", "address", "birthdate", "plate", "account")
MARKERS: dict[str, dict[str, str]] = {
    "sv": {
        "name": "[namn]",
        "email": "[e-post]",
        "phone": "[telefonnummer]",
        "id": "[personnummer]",
        "address": "[adress]",
        "birthdate": "[födelsedatum]",
        "plate": "[registreringsnummer]",
        "account": "[kontonummer]",
    },
    "nb": {
        "name": "[navn]",
        "email": "[e-post]",
        "phone": "[telefonnummer]",
        "id": "[fødselsnummer]",
        "address": "[adresse]",
        "birthdate": "[fødselsdato]",
        "plate": "[registreringsnummer]",
        "account": "[kontonummer]",
    },
    "en": {
        "name": "[name]",
        "email": "[e-mail]",
        "phone": "[phone number]",
        "id": "[identity number]",
        "address": "[address]",
        "birthdate": "[date of birth]",
        "plate": "[registration plate]",
        "account": "[account number]",
    },
}
MARKERS["nn"] = {**MARKERS["nb"], "name": "[namn]"}  # nynorsk differs from bokmål in one word here
MARKER_KINDS = {marker: kind for words in MARKERS.values() for kind, marker in words.items()}
DIGITS = tuple("0123456789")
MEMO_CHARS = 48  # answers this short are remembered with what they became
MEMO_SIZE = 10_000
# Characters from which a digit of another script may start (Arabic-Indic digits are U+0660-0669).
_NON_LATIN = re.compile("[\u0660-\U0001fbf9]")


@dataclass
class Redactor:
    """Replaces personal data in answers with markers in one language, counting what it replaced."""

    locale: str
    year: int = 2000  # the survey's year: a full date long before it is a birth date
    country: str = "SE"
    names: NameFinder | None = None
    counts: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self._markers = MARKERS.get(self.locale, MARKERS["en"])
        self._memo: dict[str, tuple[str, tuple[str, ...]]] = {}  # short answers recur: "Inga", "Per år"
        self._kinds: list[str] = []

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def mark(self, kind: str) -> str:
        """The marker of a kind, counted."""
        self.counts[kind] += 1
        self._kinds.append(kind)
        return self._markers[kind]

    def __call__(self, text: str) -> str:
        if len(text) > MEMO_CHARS:
            return self._redact(text)
        hit = self._memo.get(text)
        if hit is None:
            self._kinds = []
            hit = self._memo[text] = (self._redact(text), tuple(self._kinds))
            if len(self._memo) > MEMO_SIZE:
                self._memo.clear()
        else:
            for kind in hit[1]:
                self.counts[kind] += 1
        return hit[0]

    def _redact(self, text: str) -> str:
        if not text.isascii() and _NON_LATIN.search(text):
            text = identifiers.ascii_digits(text)
        if any(m in text for m in identifiers.EMAIL_MARKS):
            text = identifiers.emails(text, self.mark)
        if any(d in text for d in DIGITS):
            text = identifiers.numbers(text, self.mark, self.year, self.country)
        if self.names is not None:
            text = self.names.redact(text, self.mark)
        return text

    def cells_to_read(self, joined: str) -> set[int]:
        """The cells of a joined column (see :mod:`dialogkit.survey.columns`) that may hold personal data."""
        found = cells_with(joined, (*identifiers.EMAIL_MARKS, *DIGITS))
        if latin_1(joined) is None:  # Latin-1 has no digits but 0-9; other scripts do
            found.update(cell_indexes(joined, [m.start() for m in _NON_LATIN.finditer(joined) if m[0].isdecimal()]))
        if self.names is not None:
            found.update(self.names.cells_with_names(joined))
        return found


def kind_name(kind: str, locale: str) -> str:
    """A kind of personal data in words of a language: its marker without brackets ("telefonnummer")."""
    return MARKERS.get(locale, MARKERS["en"]).get(kind, kind).strip("[]")


def count_markers(text: str, counts: Counter[str]) -> None:
    """Count the redaction markers a text holds, by kind."""
    for marker, kind in MARKER_KINDS.items():
        if marker in text:
            counts[kind] += text.count(marker)

"""Matching answers: to the area's localities, to departments by keyword stems, and safety concerns."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from dialogkit.models.config import Department
from dialogkit.survey.text import MAX_CACHED, Stems, fold, fold_once, words

# Answers that say "nothing to report": never a concern, never routed anywhere.
NOTHING = frozenset(
    fold(w)
    for w in (
        "",
        "-",
        "--",
        ".",
        "nej",
        "nei",
        "no",
        "inga",
        "ingen",
        "inget",
        "ingenting",
        "nothing",
        "none",
        "n/a",
        "nej tack",
        "nei takk",
        "no thanks",
        "vet ej",
        "vet inte",
        "vet ikke",
        "veit ikkje",
        "don't know",
        "inga synpunkter",
        "ingen synpunkter",
        "ingen kommentar",
        "ingen kommentarer",
        "inget att tillägga",
        "ingenting å tilføye",
        "nej inte vad jag vet",
        "nei ikke som jeg vet om",
    )
)
# To a question asked the positive way ("Känner du dig trygg?"), these say all is well.
ALL_WELL = frozenset(
    fold(w)
    for w in (
        "ja",
        "yes",
        "jo",
        "ja alltid",
        "ja absolut",
        "ja, det gör jag",
        "ja det gjør jeg",
        "alltid",
        "always",
        "ja, för det mesta",
        "ja, stort sett",
        "ja, stort sett alltid",
        "ja i stort sett",
        "mycket trygg",
        "ganska trygg",
        "trygg",
        "svært trygg",
        "ganske trygg",
        "safe",
        "very safe",
    )
)
NO_WORDS = frozenset({"nej", "nei", "no"})
UNKNOWN = frozenset({"-", "--", ".", "vet ej", "vet inte", "vet ikke", "veit ikkje", "don't know", "n/a"})
_TRIM = re.compile(r"^[\s\W_]+|[\s\W_]+$")
SHORT = 48  # longer than any answer in NOTHING or ALL_WELL, with room for spaces and punctuation
MIN_PREFIX = 4  # "skol" finds "skolan" and "skolgården"; "väg" must not find "vägg"
INFLECTIONS = frozenset({"en", "an", "er", "ar", "et", "na", "ne", "ene", "arna", "erna", "orna", "s"})
_NONE: frozenset[str] = frozenset()


def trim(answer: str) -> str:
    """An answer without the spaces and punctuation around it: "Nej." -> "Nej"."""
    # [\s\W_] is what str.isalnum() refuses: most answers begin and end with a letter, and
    # this test, unlike the substitution, runs in a report once for every answer.
    if answer[:1].isalnum() and answer[-1:].isalnum():
        return answer
    return _TRIM.sub("", answer)


def says_nothing(answer: str) -> bool:
    """An empty or dismissive answer: "nej", "inga", "-"."""
    return len(answer) <= SHORT and fold_once(trim(answer)) in NOTHING


def is_concern(answer: str, *, asks_about_unsafety: bool, kind: str) -> bool:
    """Whether an answer to a safety question voices a concern.

    "Nej" to "Finns det platser där du känner dig otrygg?" says all is well; "Nej" to
    "Känner du dig trygg?" is the concern, so the question's direction decides.
    """
    if len(answer) > SHORT:
        return True  # a sentence voices something; only short answers can say "no" or "fine"
    plain = fold_once(trim(answer))
    if not plain or plain in UNKNOWN:
        return False
    if kind == "scale" and plain.isascii() and plain.isdigit():
        return int(plain) >= 4 if asks_about_unsafety else int(plain) <= 2  # on a scale of 1-5
    if asks_about_unsafety:
        return plain not in NOTHING
    return plain not in ALL_WELL and (plain in NO_WORDS or plain not in NOTHING)


class LocalityMatcher:
    """Finds which of an area's localities an answer names, whatever its case and diacritics."""

    def __init__(self, localities: Iterable[str]) -> None:
        self._exact = {fold(name): name for name in localities}
        alternatives = sorted(self._exact, key=len, reverse=True)
        self._within = (
            re.compile(r"\b(" + "|".join(re.escape(a) for a in alternatives) + r")\b") if alternatives else None
        )
        self._cache: dict[str, str] = {}

    def match(self, answer: str) -> str:
        """The locality's name as written in areas.yaml, or "" when the answer names none."""
        hit = self._cache.get(answer)
        if hit is None:
            folded = fold(trim(answer))
            hit = self._exact.get(folded, "")
            if not hit and self._within is not None:
                found = self._within.search(folded)
                hit = self._exact[found[1]] if found else ""
            if len(self._cache) < 100_000:
                self._cache[answer] = hit
        return hit


class Router:
    """Routes an answer to the departments whose keywords it contains, compared on stems.

    A keyword matches a word with the same stem ("vägarna" and "väg"), a word it begins
    ("skol" in "skolgården", "veien"), and the head of a compound ("väg" in "cykelvägen").
    """

    def __init__(self, departments: Sequence[Department], locale: str) -> None:
        self._stems = Stems(locale)
        self._single: list[tuple[str, str]] = []
        self._phrases: list[tuple[tuple[str, ...], str]] = []
        for department in departments:
            for keyword in department.keywords:
                stems = tuple(self._stems.stem(w) for w in words(keyword))
                if len(stems) == 1:
                    self._single.append((stems[0], department.id))
                elif stems:
                    self._phrases.append((stems, department.id))
        self._by_word: dict[str, frozenset[str]] = {}  # answers repeat their words: route each once
        self._first_of: dict[str, frozenset[str]] = {}
        self.order = [d.id for d in departments]

    def _departments_of(self, word: str) -> frozenset[str]:
        hits = self._by_word.get(word)
        if hits is None:
            stem = self._stems.stem(word)
            hits = frozenset(d for kw, d in self._single if _stem_matches(stem, kw))
            if len(self._by_word) < MAX_CACHED:  # residents' vocabulary is large but not endless; memory is
                self._by_word[word] = hits
        return hits

    def _firsts(self, stems: list[str]) -> set[str]:
        """The phrases' first words that the answer's stems match."""
        out: set[str] = set()
        for stem in stems:
            hits = self._first_of.get(stem)
            if hits is None:
                hits = self._first_of[stem] = frozenset(p[0] for p, _ in self._phrases if _stem_matches(stem, p[0]))
            out |= hits
        return out

    def route(self, answer: str) -> list[str]:
        """The ids of the departments an answer concerns, in the order of dialog.yaml."""
        answer_words = words(answer)
        by_word = self._by_word
        try:  # the words met before, looked up in C: the common case in a report of many answers
            found = set(_NONE.union(*map(by_word.__getitem__, answer_words)))
        except KeyError:
            found = set(_NONE.union(*map(self._departments_of, answer_words)))
        if self._phrases:
            stems = [self._stems.stem(w) for w in answer_words]
            firsts = self._firsts(stems)
            for phrase, department in self._phrases:
                # Cheap first: the phrase's first word must be there before its order is checked.
                if department not in found and phrase[0] in firsts and _has_phrase(stems, phrase):
                    found.add(department)
        return [d for d in self.order if d in found]


def _stem_matches(stem: str, keyword: str) -> bool:
    if stem == keyword:
        return True
    if stem.startswith(keyword) and (len(keyword) >= MIN_PREFIX or stem[len(keyword) :] in INFLECTIONS):
        return True
    # The head of a compound: at least three letters of modifier before a keyword of three or more.
    return len(keyword) >= 3 and len(stem) - len(keyword) >= 3 and stem.endswith(keyword)


def _has_phrase(stems: list[str], phrase: tuple[str, ...]) -> bool:
    width = len(phrase)
    return any(all(_stem_matches(stems[i + k], phrase[k]) for k in range(width)) for i in range(len(stems) - width + 1))

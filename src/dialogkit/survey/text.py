"""Small text helpers shared by mapping and analysis: folding, words and cached stems."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+")
# Letters NFKD does not take apart: folded by hand so "Bø" matches "Bo" and "Sæbø" "Saebo".
_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "œ": "oe"})
_HAS_LETTERS = re.compile("[øæßđðþłœ]")
# The diacritics of Latin letters, every one a combining mark but U+034F, which has class 0.
_LATIN_MARKS = re.compile("[\u0300-\u034e\u0350-\u036f]+")
MAX_CACHED = 200_000  # words remembered with their stem
STEMMER_LANGUAGES = {"sv": "swedish", "nb": "norwegian", "nn": "norwegian", "en": "english"}


def fold_once(text: str) -> str:
    """Text for comparing names: case and diacritics removed, whitespace collapsed ("Överlida" -> "overlida")."""
    # The survey report folds every short answer, so the common cases are kept to scans in C:
    # ASCII needs only lower case, a Nordic text only its Latin diacritics removed.
    if text.isascii():
        return " ".join(text.lower().split())
    plain = _LATIN_MARKS.sub("", unicodedata.normalize("NFKD", _letters(text.casefold())))
    if not plain.isascii():
        plain = _letters("".join(c for c in plain if not unicodedata.combining(c)))
    return " ".join(plain.split())


# Headings and localities recur and are folded again and again; residents' answers are
# each folded once (fold_once), and would only push those out.
fold = lru_cache(maxsize=65536)(fold_once)


def _letters(text: str) -> str:
    return text.translate(_LETTERS) if _HAS_LETTERS.search(text) else text


def words(text: str) -> list[str]:
    """The words of a text, lower-cased, digits and punctuation left out."""
    return _WORD.findall(text.casefold())


class Stems:
    """A Snowball stemmer for one language with a cache: answers repeat the same words a lot."""

    def __init__(self, locale: str) -> None:
        import snowballstemmer

        self._stemmer = snowballstemmer.stemmer(STEMMER_LANGUAGES.get(locale, "english"))
        self._cache: dict[str, str] = {}

    def stem(self, word: str) -> str:
        stem = self._cache.get(word)
        if stem is None:
            stem = str(self._stemmer.stemWord(word))
            if len(self._cache) < MAX_CACHED:  # a vocabulary grows with every misspelling: memory need not
                self._cache[word] = stem
        return stem

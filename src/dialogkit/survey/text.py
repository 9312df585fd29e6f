"""Small text helpers shared by mapping and analysis: folding, words and cached stems."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+")
# Letters NFKD does not take apart: folded by hand so "Bø" matches "Bo" and "Sæbø" "Saebo".
_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "œ": "oe"})
STEMMER_LANGUAGES = {"sv": "swedish", "nb": "norwegian", "nn": "norwegian", "en": "english"}


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Text for comparing names: case and diacritics removed, whitespace collapsed ("Överlida" -> "overlida")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.translate(_LETTERS).split())


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
            stem = self._cache[word] = str(self._stemmer.stemWord(word))
        return stem

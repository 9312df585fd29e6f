"""The answers of a joined column that may hold a personal name, found by scans in native code.

Aho-Corasick automata (ahocorasick-rs, Rust's aho-corasick) find every name the import
looks for in one pass over a column each, however many names an export brings (a regular
expression of thousands of names took longer to compile than the import takes to run):

* the shipped common names, as they are written capitalised, in the column as it is: built
  once for all imports;
* the words of the export's own name columns in lower case, with and without diacritics,
  in the column in lower case: so "Kari", "kari" and "KARI" are one pattern.

A hit counts only as a whole word (or its genitive, "Karis"); the answers with one are
then read word by word (:meth:`dialogkit.survey.names.NameFinder.redact`), which decides.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from dialogkit.survey.columns import SEP, cell_indexes, latin_1

if TYPE_CHECKING:
    import ahocorasick_rs

# Where a hit counts. A shipped name that is also an ordinary word ("Inga", "Per") is taken at
# an answer's start only when a surname or a verb follows ("Per Holm", "Per kör"), as most
# answers begin with a capital; a short name of the export ("Ali") only when capitalised.
ANYWHERE, NOT_FIRST_ALONE, CAPITALISED = 0, 1, 2
# Latin-1 bytes in lower case, each still one byte: "Å" (0xC5) becomes "å" (0xE5).
_LOWER = bytes(ord(chr(b).lower()) if len(chr(b).lower()) == 1 and ord(chr(b).lower()) < 256 else b for b in range(256))


class NameSearch:
    """The shipped names and the export's, searched for in a column; the export's automaton is
    built again, when next used, after its names grew."""

    def __init__(self, shipped: tuple[tuple[str, bool], ...], verbs: frozenset[str]) -> None:
        self._shipped = _shipped_automaton(shipped)  # one for all imports
        self._verbs = verbs
        self._export: dict[str, int] = {}
        self._export_automaton: _Automaton | None = None

    def add(self, lower_forms: Iterable[str], *, capitalised_only: bool = False) -> bool:
        """Look for a name of the export, by its forms in lower case; ``capitalised_only`` for a
        short one, which in lower case is more likely a word ("ali", "eva"). Whether it added a form."""
        where = CAPITALISED if capitalised_only else ANYWHERE
        added = False
        for form in lower_forms:
            if self._export.get(form, CAPITALISED + 1) > where:
                self._export[form] = where
                added = True
        if added:
            self._export_automaton = None
        return added

    def cells(self, joined: str) -> list[int]:
        """The cells of a joined column (:mod:`dialogkit.survey.columns`) that hold one of the names."""
        latin = latin_1(joined)
        starts = self._whole_words(joined, self._shipped.find(joined, latin))
        if self._export:
            if self._export_automaton is None:
                self._export_automaton = _Automaton(self._export)
            if latin is not None:
                found = self._export_automaton.find(joined, latin.translate(_LOWER))
            else:
                found = self._export_automaton.find(_lower(joined), None)
            starts += self._whole_words(joined, found)
        return cell_indexes(joined, starts)

    def _whole_words(self, joined: str, found: tuple[list[int], list[tuple[int, int, int]]]) -> list[int]:
        """Where the hits stand as whole words, in their position."""
        wheres, hits = found
        starts = []
        last = len(joined) - 1
        for index, start, end in hits:
            if start and joined[start - 1].isalpha():
                continue  # inside a word: "Per" in "Kasper"
            if end <= last and joined[end].isalpha():
                if joined[end] != "s" or (end < last and joined[end + 1].isalpha()):
                    continue  # the start of a longer word: "Per" in "Personal"; "Pers" is a genitive
                end += 1
            where = wheres[index]
            if where == CAPITALISED and not joined[start].isupper():
                continue
            if where == NOT_FIRST_ALONE and (start == 0 or joined[start - 1] == SEP) and not self._subject(joined, end):
                continue  # "Inga synpunkter"
            starts.append(start)
        return starts

    def _subject(self, joined: str, after: int) -> bool:
        """Whether a name at an answer's start is followed by a surname or a verb."""
        if joined[after : after + 1] != " ":
            return False
        end = after + 1
        while end < len(joined) and joined[end].isalpha():
            end += 1
        following = joined[after + 1 : end]
        return bool(following) and (following[0].isupper() or following in self._verbs)


class _Automaton:
    """Names (and where each counts, by index) as a DFA over Latin-1 bytes, where a text's positions
    are its characters' (most columns: a quarter of the time of searching the text), and over text."""

    def __init__(self, names: dict[str, int]) -> None:
        import ahocorasick_rs

        latin = {encoded: where for name, where in names.items() if (encoded := latin_1(name)) is not None}
        self._latin = ahocorasick_rs.BytesAhoCorasick(latin, implementation=ahocorasick_rs.Implementation.DFA)
        self._latin_wheres = list(latin.values())
        self._names = dict(names)
        self._wheres = list(names.values())
        self._text: ahocorasick_rs.AhoCorasick | None = None  # made when a column beyond Latin-1 needs it

    def find(self, text: str, latin: bytes | None) -> tuple[list[int], list[tuple[int, int, int]]]:
        """Every occurrence of every name in ``latin`` (the text in Latin-1) or else ``text``, overlapping
        ("Kari" and "Kari-Ann" in "Kari-Anne"), as (pattern, start, end); with where each pattern counts."""
        if latin is not None:
            return self._latin_wheres, self._latin.find_matches_as_indexes(latin, overlapping=True)
        if self._text is None:
            import ahocorasick_rs

            self._text = ahocorasick_rs.AhoCorasick(self._names)
        return self._wheres, self._text.find_matches_as_indexes(text, overlapping=True)


@cache
def _shipped_automaton(shipped: tuple[tuple[str, bool], ...]) -> _Automaton:
    return _Automaton({name: NOT_FIRST_ALONE if is_word else ANYWHERE for name, is_word in shipped})


def _lower(text: str) -> str:
    """A text in lower case, each character still one ("İ" would become two)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else "".join(c if len(c.lower()) > 1 else c.lower() for c in text)

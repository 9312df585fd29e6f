"""The answers of a joined column that may hold a personal name, found in one scan in native code.

An Aho-Corasick automaton (ahocorasick-rs, Rust's aho-corasick) holds every name the
import looks for: the shipped common names as they are written capitalised, and each word
of the export's own name columns as written, in lower case, capitalised and in capitals.
It finds all of them in one pass over a column, however many names an export brings: a
regular expression of thousands of names took longer to compile than the import takes to
run. A hit counts only as a whole word (or its genitive, "Karis"); the answers with one
are then read word by word (:meth:`dialogkit.survey.names.NameFinder.redact`), which decides.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from dialogkit.survey.columns import SEP, cell_indexes

if TYPE_CHECKING:
    import ahocorasick_rs

# Where a name counts: a shipped name that is also an ordinary word ("Inga", "Per") is taken at
# an answer's start only when a surname or a verb follows ("Per Holm", "Per kör"), as most
# answers begin with a capital.
ANY_POSITION, NOT_FIRST_ALONE = 0, 1


class NameSearch:
    """An automaton of names, grown as the export's names are learned; built again only when used."""

    def __init__(self, shipped: Iterable[tuple[str, bool]], verbs: frozenset[str]) -> None:
        self._names: dict[str, int] = {name: NOT_FIRST_ALONE if is_word else ANY_POSITION for name, is_word in shipped}
        self._verbs = verbs
        self._built: _Automata | None = None

    def add(self, forms: Iterable[str], *, also_a_word: bool = False) -> None:
        """Look for ``forms`` too, anywhere; a name that is also a word at an answer's start only
        with a surname or a verb after it."""
        position = NOT_FIRST_ALONE if also_a_word else ANY_POSITION
        for form in forms:
            if self._names.get(form, NOT_FIRST_ALONE + 1) > position:
                self._names[form] = position
                self._built = None

    def cells(self, joined: str) -> list[int]:
        """The cells of a joined column (:mod:`dialogkit.survey.columns`) that hold one of the names."""
        if self._built is None:
            self._built = _Automata(self._names)
        positions, matches = self._built.find(joined)
        starts = []
        last = len(joined) - 1
        for index, start, end in matches:
            if start and joined[start - 1].isalpha():
                continue  # inside a word: "Per" in "Kasper"
            if end <= last and joined[end].isalpha():
                if joined[end] != "s" or (end < last and joined[end + 1].isalpha()):
                    continue  # the start of a longer word: "Per" in "Personal"; "Pers" is a genitive
                end += 1
            first = start == 0 or joined[start - 1] == SEP
            if first and positions[index] == NOT_FIRST_ALONE and not self._subject(joined, end):
                continue  # "Inga synpunkter"
            starts.append(start)
        return cell_indexes(joined, starts)

    def _subject(self, joined: str, after: int) -> bool:
        """Whether a name at an answer's start is followed by a surname or a verb."""
        if joined[after : after + 1] != " ":
            return False
        end = after + 1
        while end < len(joined) and joined[end].isalpha():
            end += 1
        following = joined[after + 1 : end]
        return bool(following) and (following[0].isupper() or following in self._verbs)


class _Automata:
    """The names as a DFA over Latin-1 bytes, where a text's positions are its characters' (most
    columns; a quarter of the time of searching text), and as an automaton over any text."""

    def __init__(self, names: dict[str, int]) -> None:
        import ahocorasick_rs

        self._names = names
        latin = {p.encode("latin-1"): where for p, where in names.items() if _latin_1(p) is not None}
        self._latin_positions = list(latin.values())
        self._latin = ahocorasick_rs.BytesAhoCorasick(latin, implementation=ahocorasick_rs.Implementation.DFA)
        self._any: ahocorasick_rs.AhoCorasick | None = None

    def find(self, joined: str) -> tuple[list[int], list[tuple[int, int, int]]]:
        """Every occurrence of every name, overlapping ("Kari" and "Kari-Ann" in "Kari-Anne"), as
        (pattern, start, end), with where each pattern counts (``ANY_POSITION``, ``NOT_FIRST_ALONE``)."""
        latin = _latin_1(joined)
        if latin is not None:
            return self._latin_positions, self._latin.find_matches_as_indexes(latin, overlapping=True)
        if self._any is None:
            import ahocorasick_rs

            self._any = ahocorasick_rs.AhoCorasick(self._names)
        return list(self._names.values()), self._any.find_matches_as_indexes(joined, overlapping=True)


def _latin_1(text: str) -> bytes | None:
    """The text in Latin-1 (a copy in C for text Python stores a byte a character), or None."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return None

"""Words the import was unsure of, and how the clerk's decisions on them are kept and applied.

An unsure finding is a capitalised word of a free-text answer that may be a name: not a
word of the workspace's own files, and either a common name the text did not place as
one ("Berg", "Lund" mid-sentence) or no ordinary word of the language at all. The clerk
keeps or redacts each; survey.yaml records the decision by a hash, never by the word:

* ``keep``: SHA-256 of the meeting, the answer's id and the word. The word stays in
  responses.csv, so its hash says nothing new, and a report built in CI, without the
  survey key, can tell that it was reviewed.
* ``redact``: BLAKE2b keyed with the survey key. The word leaves responses.csv, and
  without the key no list of names can be tried against the hash to get it back; an
  import (which has the key) redacts it again.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from dialogkit.files import atomic_file
from dialogkit.models.survey import ReviewDecision, SurveyFile
from dialogkit.survey.names import WORD, common_names
from dialogkit.survey.responses import DELIMITER, csv_field, from_spreadsheet_safe, spreadsheet_safe
from dialogkit.survey.text import fold

Mark = Callable[[str], str]
DICTIONARY_ZIPF = 3.0  # a word at least this frequent (once in a million words) is an ordinary word
WORDFREQ_LANGUAGES = {"sv": "sv", "nb": "nb", "nn": "nb", "en": "en"}
HASH_CHARS = 16


@dataclass(frozen=True)
class Unsure:
    """One word of one answer that may be a name: the clerk sees it; survey.yaml keeps only its hash."""

    response_id: str
    question: str
    word: str
    context: str
    key: str  # the public hash, by which the clerk names it


def public_hash(salt: str, response_id: str, word: str) -> str:
    return hashlib.sha256(f"{salt}\x1f{response_id}\x1f{word}".encode()).hexdigest()[:HASH_CHARS]


def secret_hash(key: bytes, salt: str, response_id: str, word: str) -> str:
    data = f"{salt}\x1f{response_id}\x1f{word}".encode()
    return hashlib.blake2b(data, key=key, digest_size=HASH_CHARS // 2, person=b"dialogkit-rev").hexdigest()


@cache
def _frequencies(locale: str) -> dict[str, float]:
    """The ordinary words' frequencies: the words at DICTIONARY_ZIPF or above, as wordfreq gives them.

    wordfreq lists its words in bins of one centibel each, the most frequent first; only the
    bins down to DICTIONARY_ZIPF are read, some 30,000 words of 320,000, and a rarer word
    counts as 0.0, which decides as its own frequency would. Reading them all took 0.25 s
    more in every process that reviews answers.
    """
    import wordfreq

    bins = wordfreq.get_frequency_list(WORDFREQ_LANGUAGES.get(locale, "en"))
    last = round((9 - DICTIONARY_ZIPF) * 100)  # wordfreq's bin i holds the frequency 10 ** (-i / 100)
    return {word: wordfreq.cB_to_freq(-i) for i, words in enumerate(bins[: last + 1]) for word in words}


@dataclass
class UnsureScan:
    """Finds the unsure words of answers as they stream past; those already kept are left out."""

    locale: str
    vocabulary: frozenset[str]
    salt: str  # "YEAR/AREA"
    kept: frozenset[str] = frozenset()
    found: list[Unsure] = field(default_factory=list)
    _maybe: dict[str, bool] = field(default_factory=dict, repr=False)
    _listed: set[str] = field(default_factory=set, repr=False)

    def add(self, response_id: str, question: str, text: str) -> None:
        # Most answers' capitalised words are ordinary words, decided once each and remembered.
        words = _CAPITALISED(text)
        if not words or not any(self._may_be_a_name(w) for w in words):
            return
        for unsure in unsure_words(text, self._may_be_a_name):
            key = public_hash(self.salt, response_id, unsure)
            if key not in self.kept and key not in self._listed:
                self._listed.add(key)
                self.found.append(Unsure(response_id, question, unsure, _context(text, unsure), key))

    def _may_be_a_name(self, word: str) -> bool:
        verdict = self._maybe.get(word)
        if verdict is None:
            folded = fold(word)
            common = common_names()
            frequent = _frequencies(self.locale).get(word.casefold(), 0.0) >= 10 ** (DICTIONARY_ZIPF - 9)
            verdict = (
                not word.isupper()
                and folded not in self.vocabulary
                and (folded in common or not frequent)
                and not (folded.endswith("s") and folded[:-1] in self.vocabulary)
            )
            self._maybe[word] = verdict
        return verdict


def _CAPITALISED(text: str) -> list[str]:
    return [w for w in WORD.findall(text) if w[:1].isupper() and len(w) > 1]


def unsure_words(text: str, may_be_a_name: Callable[[str], bool]) -> list[str]:
    """The capitalised words of a text that may be names: sentence-initial ordinary words left out."""
    out: list[str] = []
    previous_end = 0
    for found in WORD.finditer(text):
        word = found[0]
        start = found.start() == 0 or any(c in ".!?:;\n" for c in text[previous_end : found.start()])
        previous_end = found.end()
        if not word[:1].isupper() or len(word) < 2 or not may_be_a_name(word):
            continue
        name = common_names().get(fold(word))
        if start and (name is None or name.word):
            # A sentence's first word is capitalised anyway: it is asked about only when it is
            # a name and no ordinary word ("Idrottsplatsen", "Inga synpunkter" are not).
            continue
        if word not in out:
            out.append(word)
    return out


def _context(text: str, word: str, width: int = 40) -> str:
    at = text.find(word)
    before = text[max(0, at - width) : at]
    after = text[at + len(word) : at + len(word) + width]
    return ("…" if at > width else "") + before + word + after + ("…" if len(text) > at + len(word) + width else "")


def kept_hashes(survey: SurveyFile | None) -> frozenset[str]:
    return frozenset(d.finding for d in survey.review if d.decision == "keep") if survey else frozenset()


def decide(
    survey: SurveyFile, findings: list[Unsure], keep: set[str], redact: set[str], key: bytes, salt: str
) -> SurveyFile:
    """survey.yaml with the clerk's decisions added: kept words by their public hash, redacted ones keyed."""
    decisions = list(survey.review)
    for unsure in findings:
        if unsure.key in keep:
            decisions.append(ReviewDecision(finding=unsure.key, decision="keep"))
        elif unsure.key in redact:
            hashed = secret_hash(key, salt, unsure.response_id, unsure.word)
            decisions.append(ReviewDecision(finding=hashed, decision="redact"))
    unique = {(d.finding, d.decision): d for d in decisions}
    return survey.model_copy(update={"review": list(unique.values())})


def apply_decisions(root: Path, path: Path, survey: SurveyFile, key: bytes, mark: Mark) -> None:
    """Redact in responses.csv every word the clerk decided to redact (found by its keyed hash)."""
    redact = {d.finding for d in survey.review if d.decision == "redact"}
    if not redact or not path.exists():
        return
    salt = "/".join(path.parent.parent.parts[-2:])
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=DELIMITER))
    changed = False
    for row in rows[1:]:
        for i in range(2, len(row)):
            text = from_spreadsheet_safe(row[i])
            for word in set(_CAPITALISED(text)):
                if secret_hash(key, salt, row[0], word) in redact:
                    text = _replace_word(text, word, mark("name"))
                    changed = True
            row[i] = spreadsheet_safe(text) if text != from_spreadsheet_safe(row[i]) else row[i]
    if changed:
        with atomic_file(path, within=root, encoding="utf-8") as out:
            out.write("\ufeff" + "\n".join(DELIMITER.join(map(csv_field, row)) for row in rows) + "\n")


def _replace_word(text: str, word: str, marker: str) -> str:
    return "".join(marker if m == word else m for m in _split_words(text))


def _split_words(text: str) -> Iterator[str]:
    at = 0
    for found in WORD.finditer(text):
        yield text[at : found.start()]
        yield found[0]
        at = found.end()
    yield text[at:]


def answers(path: Path) -> Iterator[tuple[str, str, str]]:
    """(response id, question id, answer) for every non-empty answer of a responses.csv."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter=DELIMITER)
        header = next(reader, [])
        for row in reader:
            for question, cell in zip(header[2:], row[2:], strict=False):
                if cell:
                    yield row[0], question, from_spreadsheet_safe(cell)

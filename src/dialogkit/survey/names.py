"""Personal names in free text: those the export itself gives, and common Swedish and Norwegian names.

A common name is redacted only where it stands as a name: capitalised, not a word of the
workspace's own files (localities, areas, partners, departments, places), not part of a
street's or an organisation's name, and, when it is also an ordinary word ("Per", "Inga",
"Berg") or a surname, only where the words around it say a person is meant: "heter X",
"grannen X Y", "fråga X", "X kör …".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

from dialogkit.survey.namesearch import NameSearch
from dialogkit.survey.text import fold
from dialogkit.workspace import Workspace

Mark = Callable[[str], str]

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_PARTS = re.compile(r"[-'’]")
_SENTENCE_END = re.compile(r"[.!?:;\n\r\"()\[\]]|\s-\s")
MIN_LOWER = 4  # a name from the export is found in lower case too from this length ("kari" is, "per" is not)

# Words after which a capitalised name is a person: "heter Kari", "grannen Per", "fråga Inga".
CUES = frozenset(
    [
        "heter",
        "hette",
        "heiter",
        "heitte",
        "kallas",
        "kalles",
        "kalla",
        "namn",
        "navn",
        "granne",
        "grannen",
        "grannar",
        "grannarna",
        "grannens",
        "nabo",
        "naboen",
        "naboar",
        "naboane",
        "naboene",
        "naboens",
        "fråga",
        "fråg",
        "frågade",
        "spør",
        "spørre",
        "spurte",
        "spurde",
        "ring",
        "ringa",
        "ringde",
        "ringer",
        "ringt",
        "ringte",
        "kontakta",
        "kontakte",
        "kontakt",
        "mejla",
        "maila",
        "mail",
        "e-post",
        "hälsa",
        "hälsar",
        "hilsen",
        "helsing",
        "hälsningar",
        "mvh",
        "vh",
        "hilsen",
        "herr",
        "fru",
        "hr",
        "fr",
        "frk",
        "fröken",
        "son",
        "sonen",
        "dotter",
        "dottern",
        "datter",
        "datteren",
        "dotra",
        "mannen",
        "frun",
        "kona",
        "kone",
        "sambo",
        "sambon",
        "samboen",
        "kjæreste",
        "bror",
        "brodern",
        "broren",
        "brorsan",
        "syster",
        "systern",
        "søster",
        "søsteren",
        "mamma",
        "pappa",
        "mor",
        "far",
        "lärare",
        "läraren",
        "lærar",
        "læraren",
        "lærer",
        "læreren",
        "rektor",
        "rektorn",
        "rektoren",
        "tränare",
        "tränaren",
        "trener",
        "treneren",
        "chef",
        "chefen",
        "sjef",
        "sjefen",
    ]
)
# Words after a capitalised name that make it the subject of a sentence: "Per kör för fort".
VERBS = frozenset(
    [
        "kör",
        "kjører",
        "köyrer",
        "køyrer",
        "sa",
        "sade",
        "sagt",
        "säger",
        "sier",
        "seier",
        "har",
        "hade",
        "hadde",
        "är",
        "er",
        "var",
        "bor",
        "bodde",
        "tycker",
        "tyckte",
        "synes",
        "syntes",
        "mener",
        "meinte",
        "menar",
        "menade",
        "vet",
        "veit",
        "visste",
        "vil",
        "ville",
        "ska",
        "skal",
        "skulle",
        "kan",
        "kunne",
        "gick",
        "gikk",
        "går",
        "kommer",
        "kom",
        "ringde",
        "ringte",
        "skrev",
        "skreiv",
        "skriver",
        "jobbar",
        "jobber",
        "arbetar",
        "arbeider",
        "brukar",
        "bruker",
        "pleier",
        "parkerar",
        "parkerer",
        "parkerade",
        "spelar",
        "spiller",
        "lekte",
        "lekar",
        "leker",
    ]
)
# Words before a capitalised word that make it a place: "på Haugen", "vid Lund".
PLACE_WORDS = frozenset(
    [
        "i",
        "på",
        "vid",
        "ved",
        "mot",
        "genom",
        "gjennom",
        "utanför",
        "utenfor",
        "över",
        "over",
        "norr",
        "söder",
        "öster",
        "väster",
    ]
)
# Words after a name that make it part of a street's, a place's or an organisation's name.
NOT_PERSON_AFTER = frozenset(
    [
        "väg",
        "vägen",
        "gata",
        "gatan",
        "gate",
        "gata",
        "gaten",
        "vei",
        "veien",
        "veg",
        "vegen",
        "gränd",
        "allé",
        "stig",
        "stigen",
        "torg",
        "torget",
        "plass",
        "plassen",
        "plats",
        "platsen",
        "park",
        "parken",
        "skola",
        "skolan",
        "skole",
        "skolen",
        "förskola",
        "förskolan",
        "barnehage",
        "barnehagen",
        "kyrka",
        "kyrkan",
        "kirke",
        "kirken",
        "gård",
        "gården",
        "gard",
        "garden",
        "hus",
        "huset",
        "hall",
        "hallen",
        "bygg",
        "stiftelse",
        "stiftelsen",
        "förening",
        "föreningen",
        "forening",
        "foreningen",
        "lag",
        "laget",
        "klubb",
        "klubben",
        "kommun",
        "kommune",
        "bibliotek",
        "biblioteket",
    ]
)
# Company forms after a name, in capitals: "Berg AB", "Olsen AS" (but "Per sa att", "Kari as").
COMPANY_FORMS = frozenset({"AB", "HB", "KB", "AS", "ASA", "SA", "ANS", "DA"})
SAINTS = frozenset({"sankt", "sankta", "s:t", "st", "sct"})


@dataclass(frozen=True)
class Name:
    """A name of the shipped list: given or surname or both, and whether it is also an ordinary word."""

    given: bool
    surname: bool
    word: bool


@cache
def common_names() -> dict[str, Name]:
    """The shipped list of common Swedish and Norwegian names, by folded name."""
    text = (files("dialogkit.survey") / "data" / "names.tsv").read_text(encoding="utf-8")
    names: dict[str, Name] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, kind, word = line.split("\t")
            names[fold(name)] = Name(kind != "surname", kind != "given", word == "1")
    return names


@cache
def _shipped() -> tuple[tuple[str, bool], ...]:
    """The shipped names as written capitalised, each with whether it is also an ordinary word."""
    text = (files("dialogkit.survey") / "data" / "names.tsv").read_text(encoding="utf-8")
    common = common_names()
    names = (line.split("\t", 1)[0] for line in text.splitlines() if line and not line.startswith("#"))
    return tuple((name, common[fold(name)].word) for name in names)


@dataclass
class NameFinder:
    """Finds personal names in answers: the export's own (any case) and common ones (in name position)."""

    vocabulary: frozenset[str]  # folded words of the workspace's own files: never redacted as a common name
    export_names: set[str] = field(default_factory=set)  # folded words of the export's name columns
    _search: NameSearch = field(default_factory=lambda: NameSearch(_shipped(), VERBS), repr=False)
    _tokens: set[str] = field(default_factory=set, repr=False)  # the tokens of name columns read so far

    def add_export_names(self, cells: Iterable[str]) -> bool:
        """Learn the names in an identifying column's cells; whether any was new."""
        # Names repeat: each distinct token is read once in an export (split() is quicker than a pattern).
        tokens = set(" ".join(cells).split())
        tokens -= self._tokens
        self._tokens |= tokens
        common = common_names()
        new = False
        for token in tokens:
            if token.isdigit():
                continue
            for word in (token,) if token.isalpha() else _words_and_parts(token):
                key = fold(word)
                # "af", "de", "von" are words before they are names; a short name counts when it is a known one.
                if len(key) <= 3 and key not in common:
                    continue
                new = new or key not in self.export_names
                self.export_names.add(key)
                # "Sjöelé" and "Sjöele" are one name, each looked for as written. One that is also
                # a word is a shipped name, looked for capitalised already.
                if not _is_a_word(key):
                    new = self._search.add({word.lower(), key}, capitalised_only=len(key) < MIN_LOWER) or new
        return new

    def cells_with_names(self, joined: str) -> list[int]:
        """The cells of a joined column that may hold a name: a common one capitalised, or one
        of the export's in any case. Answers it leaves out hold no such name."""
        return self._search.cells(joined)

    def redact(self, text: str, mark: Mark) -> str:
        """The text with each personal name replaced by the name marker."""
        words = list(WORD.finditer(text))
        chosen = self._names_in(text, words)
        if not chosen:
            return text
        out, at = [], 0
        for i in sorted(chosen):
            found = words[i]
            if i - 1 in chosen and not _SENTENCE_END.search(text, words[i - 1].end(), found.start()):
                out.append(text[at : words[i - 1].end()])  # "Kari Nordmann" becomes one marker
            else:
                out.append(text[at : found.start()] + mark("name"))
            at = found.end()
        out.append(text[at:])
        return "".join(out)

    def _names_in(self, text: str, words: list[re.Match[str]]) -> set[int]:
        chosen: set[int] = set()
        for i in range(len(words)):
            if self._is_name(text, words, i, chosen):
                chosen.add(i)
        return chosen

    def _is_name(self, text: str, words: list[re.Match[str]], i: int, chosen: set[int]) -> bool:
        word = words[i][0]
        key = fold(word)
        base = key[:-1] if key.endswith("s") and len(key) > 3 else key  # the genitive: "Karis", "Pers"
        capitalised = word[:1].isupper()
        joined = i > 0 and i - 1 in chosen and _adjacent(text, words, i - 1)
        exported = key if key in self.export_names else base if base in self.export_names else None
        if exported is not None:
            return self._is_exported_name(text, words, i, exported, joined=joined)
        if not capitalised or key in self.vocabulary or base in self.vocabulary:
            return False
        if _part_of_a_proper_name(text, words, i):
            return False
        if joined:
            return True  # the surname after a given name: "Kari Nordmann", "naboen Trond Olsen"
        name = common_names().get(key) or common_names().get(base) or _double_name(key)
        if name is None:
            return False
        return _in_name_position(text, words, i, name)

    def _is_exported_name(self, text: str, words: list[re.Match[str]], i: int, key: str, *, joined: bool) -> bool:
        """Whether word i, whose ``key`` the export's name columns hold, stands as that name."""
        word = words[i][0]
        also_a_word = _is_a_word(key)
        if joined:
            return True  # "Kari Nordmann", "Inga Holm"
        if key in self.vocabulary or fold(word) in self.vocabulary:
            return False
        if not word[:1].isupper():
            return len(key) >= MIN_LOWER and not also_a_word  # "kari" is a name, "inga" a word
        # A name that is also a word ("Inga", "Per") begins a sentence as the word, unless a
        # surname or a verb follows: "Inga synpunkter" stays, "Inga Holm sa" does not.
        return not (also_a_word and _sentence_start(text, words, i)) or _subject_follows(text, words, i)


def _words_and_parts(token: str) -> set[str]:
    """The words of a token of a name column: "Anna-Karin," is a name, and so are "Anna" and "Karin" alone."""
    return {part for word in WORD.findall(token) for part in (word, *_PARTS.split(word))}


def _adjacent(text: str, words: list[re.Match[str]], i: int) -> bool:
    """Whether word i and the next stand one space apart (two parts of one name)."""
    return text[words[i].end() : words[i + 1].start()] in (" ", "\u00a0")


def _sentence_start(text: str, words: list[re.Match[str]], i: int) -> bool:
    return i == 0 or _SENTENCE_END.search(text, words[i - 1].end(), words[i].start()) is not None


def _previous(text: str, words: list[re.Match[str]], i: int) -> str:
    return "" if _sentence_start(text, words, i) else words[i - 1][0].casefold()


def _part_of_a_proper_name(text: str, words: list[re.Match[str]], i: int) -> bool:
    """A street's, place's or organisation's name: "Kristina Nilssons väg", "Sankt Per", "Berg AB"."""
    if i > 0 and words[i - 1][0].casefold().rstrip(".") in SAINTS:
        return True
    j = i + 1
    while j < len(words) and j - i <= 3 and _adjacent(text, words, j - 1):
        following = words[j][0].casefold()
        if following in NOT_PERSON_AFTER or following.endswith(("vägen", "gatan", "veien", "skolan")):
            return True
        if words[j][0] in COMPANY_FORMS:
            return True
        if not words[j][0][:1].isupper():
            break
        j += 1
    return False


def _double_name(key: str) -> Name | None:
    """A double name of common names, "Anna-Karin", "Per-Olof", as its first name is."""
    parts = key.split("-")
    common = common_names()
    return common.get(parts[0]) if len(parts) > 1 and all(p in common for p in parts) else None


def _is_a_word(key: str) -> bool:
    name = common_names().get(key)
    return name is not None and name.word


def _subject_follows(text: str, words: list[re.Match[str]], i: int) -> bool:
    """Whether a surname or a verb follows word i: "Per Holm", "Per kör"."""
    if i + 1 >= len(words) or not _adjacent(text, words, i):
        return False
    following = words[i + 1][0]
    return following[:1].isupper() or following.casefold() in VERBS


def _in_name_position(text: str, words: list[re.Match[str]], i: int, name: Name) -> bool:
    previous = _previous(text, words, i)
    if previous in CUES:
        return True
    if previous in PLACE_WORDS:
        return False
    following = words[i + 1] if i + 1 < len(words) and _adjacent(text, words, i) else None
    if following is not None and following[0][:1].isupper() and name.given:
        return True  # a given name and a surname: "Trond Olsen"
    if following is not None and following[0].casefold() in VERBS and name.given:
        return True  # the subject of a sentence: "Per kör för fort"
    # A given name that is no ordinary word is a person wherever it stands.
    return name.given and not name.word


# Keys whose values name people (contacts, signatures, members): never vocabulary.
PERSONAL_KEYS = frozenset(
    {"contact", "contacts", "email", "phone", "signature", "signatures", "signed_by", "sign", "present", "absent"}
    | {"minutes_by", "members", "convener", "lead", "person", "people", "name_of_contact"}
)


def vocabulary(values: Iterable[object]) -> frozenset[str]:
    """The folded words of some values of the workspace's own files (models, lists, dicts, strings),
    leaving out what names people (contact details, signatures, members)."""
    found: set[str] = set()
    stack = list(values)
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            found.update(fold(w) for w in WORD.findall(value))
        elif isinstance(value, dict):
            stack.extend(v for k, v in value.items() if k not in PERSONAL_KEYS)
        elif isinstance(value, (list, tuple, set, frozenset)):
            stack.extend(value)
        elif hasattr(value, "model_dump"):
            stack.append(value.model_dump(mode="json"))
    for word in list(found):
        if word.endswith("s"):
            found.add(word[:-1])  # "Högvads byalag" protects "Högvad"
        found.add(word + "s")
    return frozenset(found)


def meeting_vocabulary(workspace: Workspace, year: int, area: str) -> frozenset[str]:
    """The words of dialog.yaml, areas.yaml and the meeting's own files: places, partners, departments."""
    values: list[object] = [workspace.config, workspace.areas]
    cycle = workspace.cycles.get(year)
    meeting = cycle.meetings.get(area) if cycle is not None else None
    if meeting is not None:
        values += [meeting.meeting, meeting.workgroups]
    return vocabulary(values)

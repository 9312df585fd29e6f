"""responses.csv: the normalised, redacted answers, written a few thousand rows at a time.

Speed matters here: a 100,000-row export must import in at most three times what
Python's csv module takes just to read it. So rows are handled a column at a time and
the per-cell loops run in C: a chunk is transposed with zip(), a column's cells are
joined into one string with NUL between them, and a few scans of that string (str.find,
str.count) find the cells that need work: personal data to redact, a formula to
neutralise, a semicolon to quote. Only those cells meet Python code one by one.
"""

from __future__ import annotations

import collections
import gc
import hashlib
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from operator import itemgetter, methodcaller
from typing import IO

from dialogkit.survey.columns import SEP, cell_indexes, cells_with
from dialogkit.survey.mapping import Applied
from dialogkit.survey.matching import LocalityMatcher
from dialogkit.survey.names import NameFinder
from dialogkit.survey.redact import Redactor

# Rows per chunk: small enough that a chunk's strings stay in the CPU's cache while its
# columns are cleaned and its lines joined (4096 rows took a fifth longer), large enough
# that the per-chunk work is spread thin.
CHUNK = 1024
# Rows read before any answer is cleaned, so that a name the export gives in a later row is
# known when an earlier row's answer mentions it; a longer export is read again (Written).
# 100,000 rows of answers take 20-40 MB.
BATCH = 100 * CHUNK
SAMPLE = 256  # cells looked at to tell a column of repeated answers from free text
HEADER = ("response_id", "locality")
_FORMULA = re.compile("\x00[=+\\-@'\t\r]")  # a literal first: re scans for it at memchr speed
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
DELIMITER = ";"
_NEEDS_QUOTES = re.compile(r'[";\n\r]')
_QUOTE_MARKS = ('"', DELIMITER, "\n", "\r")
ROW_JOIN = "\x1f"
ID_BYTES = 5  # ten hex digits: 100,000 answers share an id by chance once in ten million imports
_BY_ID = itemgetter(slice(0, 1 + 2 * ID_BYTES))  # a line's id, without a "-2" of rows alike
_COPY, _UPDATE, _HEX = methodcaller("copy"), type(hashlib.blake2b()).update, type(hashlib.blake2b()).hexdigest


def spreadsheet_safe(value: str) -> str:
    """A cell a spreadsheet will not run as a formula: a leading =, +, -, @ gets a ' before it.

    A leading ' is doubled too, so :func:`from_spreadsheet_safe` can undo it exactly.
    """
    return "'" + value if value.startswith(_FORMULA_START) else value


def from_spreadsheet_safe(value: str) -> str:
    """The answer as given, from a cell written by :func:`spreadsheet_safe`."""
    return value[1:] if value.startswith("'") else value


def csv_field(value: str) -> str:
    """One field of responses.csv: quoted only when it must be."""
    if _NEEDS_QUOTES.search(value) is None:
        return value
    return '"' + value.replace('"', '""') + '"'


def clean_cell(cell: str, redact: Redactor) -> str:
    """One answer as responses.csv holds it: stripped, redacted, spreadsheet-safe, quoted if need be."""
    text = cell.strip()
    return csv_field(spreadsheet_safe(redact(text))) if text else ""


def clean_column(cells: Sequence[str], redact: Redactor) -> list[str]:
    """:func:`clean_cell` for every cell of a column, with the loops over cells running in C.

    The column is joined into one string and scanned for what can need work: what may be
    personal data (an "@", a digit, a capitalised name: :meth:`Redactor.cells_to_read`), a
    formula character at a cell's start, a quote mark. Only the cells found meet Python
    code one by one.
    """
    if len(set(cells[:SAMPLE])) * 4 <= min(len(cells), SAMPLE):
        return _clean_repetitive(cells, redact)
    col = list(map(str.strip, cells))
    joined = SEP.join(col)
    if joined.count(SEP) != len(col) - 1:  # an answer holds a NUL itself: go cell by cell
        return [clean_cell(c, redact) for c in cells]
    personal = redact.cells_to_read(joined)
    for i in personal:
        # Redacted, a cell may no longer start as it did, so it is made spreadsheet-safe here
        # and skipped below.
        col[i] = spreadsheet_safe(redact(col[i]))
    # Led by SEP, the text shows every cell's start as "SEP + first character": at the
    # position in the joined text where that cell begins.
    formulas = cell_indexes(joined, [found.start() for found in _FORMULA.finditer(SEP + joined)])
    for i in formulas:
        if i not in personal:
            col[i] = "'" + col[i]
    for i in cells_with(joined, _QUOTE_MARKS):
        col[i] = csv_field(col[i])  # neither redaction nor the ' adds a quote mark
    return col


def _clean_repetitive(col: Sequence[str], redact: Redactor) -> list[str]:
    """A column of few distinct answers (localities, choices, scales, "Nej"): clean each answer once."""
    memo: dict[str, str] = {}
    for value in set(col):
        before = Counter(redact.counts)
        memo[value] = clean_cell(value, redact)
        found = redact.counts - before
        if found:
            times = col.count(value)  # every occurrence counts as a redaction
            for kind, n in found.items():
                redact.counts[kind] += n * (times - 1)
    return list(map(memo.__getitem__, col))


class _Localities(dict[str, str]):
    """Raw answer -> the locality it names, as a CSV field; a handful of distinct answers, remembered."""

    def __init__(self, matcher: LocalityMatcher) -> None:
        super().__init__()
        self.matcher = matcher

    def __missing__(self, cell: str) -> str:
        out = self[cell] = csv_field(spreadsheet_safe(self.matcher.match(cell)))
        return out


@dataclass(frozen=True)
class Written:
    """What write_responses wrote: how many responses, and whether the export named people
    in its later rows whom its earlier rows' answers may mention (so it must be read again)."""

    count: int
    late_names: bool


def write_responses(  # noqa: PLR0913 - each is one thing the answers need
    out: IO[str],
    rows: Iterable[list[str]],
    applied: Applied,
    matcher: LocalityMatcher,
    redact: Redactor,
    salt: str,
    key: bytes,
) -> Written:
    """Write the answers of ``rows`` as responses.csv.

    A response's id is a keyed hash (BLAKE2b, with ``key``, the survey key kept outside
    the workspace) of the tool's response id, or of the whole row when the tool writes
    none: importing the same export again with the same key gives the same ids, and
    without the key nothing a resident wrote, nor when, leads to an id. Within each chunk
    of rows the responses are ordered by id, not by the time they came in. Rows with every
    question blank are left out.
    """
    # Semicolons and a byte-order mark, as Excel expects a CSV file in Swedish and Norwegian:
    # the people who open this file open it in Excel. Lines are joined by hand: csv.writer
    # alone costs more than reading the export, and clean_column() has quoted what needs it.
    out.write("\ufeff" + DELIMITER.join([*HEADER, *(q.id for _, q in applied.questions)]) + "\n")
    with _no_cyclic_gc():
        return _write_chunks(out, iter(rows), applied, _Localities(matcher), redact, _Ids(salt, key))


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cycle collector: the chunks are acyclic lists of strings, and with it running
    a 100,000-row import spends a fifth of its time in collections that free nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _write_chunks(
    out: IO[str],
    source: Iterator[list[str]],
    applied: Applied,
    localities: _Localities,
    redact: Redactor,
    ids: _Ids,
) -> Written:
    count, late = 0, False
    while batch := _read_batch(source, applied, redact.names, ids):
        # Names learned after answers were written may stand in those answers.
        late = late or (count > 0 and batch.learned)
        for chunk in batch.chunks:
            count += _write_chunk(out, chunk, localities, redact, ids)
    return Written(count, late)


@dataclass(frozen=True)
class _Chunk:
    """A chunk of rows as read: their ids, and the columns their lines are made of."""

    ids: list[str]
    locality: Sequence[str] | None
    questions: list[Sequence[str]]


@dataclass(frozen=True)
class _Batch:
    chunks: list[_Chunk]
    learned: bool  # whether its name columns named someone not named before


def _read_batch(source: Iterator[list[str]], applied: Applied, names: NameFinder | None, ids: _Ids) -> _Batch | None:
    """Up to BATCH rows, with every name their name columns hold learned before any answer is cleaned.

    The rows' ids are made here, from the whole row; of the rest only the questions and the
    locality are kept, so a batch takes about half the memory of its rows.
    """
    columns = [i for i, _ in applied.questions]
    width = max([*columns, applied.locality or 0, applied.id_index or 0, *applied.name_indexes]) + 1
    chunks: list[_Chunk] = []
    learned = False
    while len(chunks) < BATCH // CHUNK and (chunk := list(itertools.islice(source, CHUNK))):
        if min(map(len, chunk)) < width:
            chunk = [row + [""] * (width - len(row)) if len(row) < width else row for row in chunk]
        transposed = list(zip(*chunk, strict=False))
        if names is not None:
            learned = any([names.add_export_names(transposed[i]) for i in applied.name_indexes]) or learned
        locality = transposed[applied.locality] if applied.locality is not None else None
        chunks.append(_Chunk(ids.of(chunk, transposed, applied.id_index), locality, [transposed[i] for i in columns]))
    return _Batch(chunks, learned) if chunks else None


def _write_chunk(out: IO[str], chunk: _Chunk, localities: _Localities, redact: Redactor, ids: _Ids) -> int:
    """Write a chunk's responses, each question's answers cleaned; how many (blank ones are left out)."""
    answers = [clean_column(column, redact) for column in chunk.questions]
    response_ids, locality = chunk.ids, chunk.locality
    if not any("" not in a for a in answers):  # unless a question every respondent answered
        keep = list(map(any, zip(*answers, strict=True))) if answers else [False] * len(response_ids)
        if not all(keep):  # some respondents left every question blank: leave them out
            response_ids = list(itertools.compress(response_ids, keep))
            locality = list(itertools.compress(locality, keep)) if locality is not None else None
            answers = [list(itertools.compress(a, keep)) for a in answers]
    if not response_ids:
        return 0
    place: Iterable[str] = map(localities.__getitem__, locality) if locality is not None else itertools.repeat("")
    lines = list(map(DELIMITER.join, zip(response_ids, place, *answers, strict=False)))
    # Ordered by id, a chunk's lines no longer tell in which order its answers came in.
    # Rows alike ("-2", "-3") keep the order they came in: sorted by their id alone, stably.
    lines.sort(key=_BY_ID if ids.repeated else None)
    out.write("\n".join(lines) + "\n")
    return len(lines)


class _Ids:
    """Response ids: keyed hashes of the tool's id or of the row, the same on every import with the same key."""

    def __init__(self, salt: str, key: bytes) -> None:
        # Keyed once, with what every row's hash begins with; each row's hash starts from a
        # copy, which spares the key's own block.
        keyed = hashlib.blake2b(key=key, digest_size=ID_BYTES, person=b"dialogkit-id")
        keyed.update(f"{salt}{ROW_JOIN}".encode())
        self._by_row, self._by_id = keyed.copy(), keyed
        self._by_row.update(b"row")
        self._by_id.update(b"id")
        self._met: dict[str, int] = {}  # each id given so far, and how many rows had it
        self.repeated = False  # whether some rows were alike

    def of(self, rows: list[list[str]], transposed: list[tuple[str, ...]], id_index: int | None) -> list[str]:
        """The ids of a chunk's rows: by the tool's id where it wrote one, else by the row's content."""
        if id_index is None:
            bases: Iterable[object] = itertools.repeat(self._by_row, len(rows))
            keys: Iterable[str] = map(ROW_JOIN.join, rows)
        else:
            tool_ids = list(map(str.strip, transposed[id_index]))
            bases = [self._by_id if k else self._by_row for k in tool_ids]
            keys = [k or ROW_JOIN.join(r) for k, r in zip(tool_ids, rows, strict=True)]
        # Each row's hash from a copy of a keyed one: a few passes of C calls, no Python frame a row.
        hashers = list(map(_COPY, bases))
        collections.deque(map(_UPDATE, hashers, map(str.encode, keys)), maxlen=0)
        ids = list(map("r".__add__, map(_HEX, hashers)))
        fresh = set(ids)
        if len(fresh) == len(ids) and self._met.keys().isdisjoint(fresh):
            self._met.update(dict.fromkeys(fresh, 1))
            return ids  # no id met twice: the common case, decided without a loop
        self.repeated = True
        unique = []
        for response_id in ids:  # rows alike: the second gets "-2", the third "-3"
            times = self._met[response_id] = self._met.get(response_id, 0) + 1
            # A suffixed id never equals another row's: the hex ids hold no "-".
            unique.append(response_id if times == 1 else f"{response_id}-{times}")
        return unique

"""responses.csv: the normalised, redacted answers, written a few thousand rows at a time.

Speed matters here: a 100,000-row export must import in at most three times what
Python's csv module takes just to read it. So rows are handled a column at a time and
the per-cell loops run in C: a chunk is transposed with zip(), a column's cells are
joined into one string with NUL between them, and a few scans of that string (str.find,
str.count) find the cells that need work: personal data to redact, a formula to
neutralise, a semicolon to quote. Only those cells meet Python code one by one.
"""

from __future__ import annotations

import gc
import itertools
import re
import sys
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import IO

from dialogkit.survey.mapping import Applied
from dialogkit.survey.matching import LocalityMatcher
from dialogkit.survey.redact import Redactor

# Rows per chunk: small enough that a chunk's strings stay in the CPU's cache while its
# columns are cleaned and its lines joined (4096 rows took a fifth longer), large enough
# that the per-chunk work is spread thin.
CHUNK = 1024
SAMPLE = 256  # cells looked at to tell a column of repeated answers from free text
HEADER = ("response_id", "locality")
_FORMULA = re.compile("\x00[=+\\-@'\t\r]")  # a literal first: re scans for it at memchr speed
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
SEP = "\x00"  # between the cells of a joined column; no answer holds it (checked)
DELIMITER = ";"
_NEEDS_QUOTES = re.compile(r'[";\n\r]')
_QUOTE_MARKS = ('"', DELIMITER, "\n", "\r")
_PERSONAL_MARKS = ("@", *"0123456789")
ROW_JOIN = "\x1f"


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

    The column is joined into one string and scanned for what can need work: an "@" or a
    digit (personal data), a formula character at a cell's start, a quote mark. Only the
    cells found meet Python code one by one.
    """
    if len(set(cells[:SAMPLE])) * 4 <= min(len(cells), SAMPLE):
        return _clean_repetitive(cells, redact)
    col = list(map(str.strip, cells))
    joined = SEP.join(col)
    if joined.count(SEP) != len(col) - 1:  # an answer holds a NUL itself: go cell by cell
        return [clean_cell(c, redact) for c in cells]
    personal = _cells_with(joined, _PERSONAL_MARKS)
    for i in personal:
        # Only a cell with an "@" or a digit can hold personal data; redacted, it may no
        # longer start as it did, so it is made spreadsheet-safe here and skipped below.
        col[i] = spreadsheet_safe(redact(col[i]))
    # Led by SEP, the text shows every cell's start as "SEP + first character": at the
    # position in the joined text where that cell begins.
    formulas = _cell_indexes(joined, [found.start() for found in _FORMULA.finditer(SEP + joined)])
    for i in formulas:
        if i not in personal:
            col[i] = "'" + col[i]
    for i in _cells_with(joined, _QUOTE_MARKS):
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


def _cells_with(joined: str, marks: Iterable[str]) -> set[int]:
    """The cells of a joined column that contain any of ``marks``.

    str.find is a vectorised scan, far quicker than a regular expression over the same
    text; each hit jumps to the cell's end, so a cell costs one step however many it holds.
    """
    positions = []
    for mark in marks:
        pos = joined.find(mark)
        while pos != -1:
            positions.append(pos)
            end = joined.find(SEP, pos)
            pos = joined.find(mark, end) if end != -1 else -1
    return set(_cell_indexes(joined, positions))


def _cell_indexes(joined: str, positions: list[int]) -> list[int]:
    """The cell of a joined column at each of ``positions``: the separators before it, counted.

    Counting from one position to the next reads the text once, in C, and costs nothing
    in a column where nothing was found; a table of every cell's start cost more.
    """
    indexes = []
    i = previous = 0
    for pos in sorted(positions):
        i += joined.count(SEP, previous, pos)
        previous = pos
        indexes.append(i)
    return indexes


class _Localities(dict[str, str]):
    """Raw answer -> the locality it names, as a CSV field; a handful of distinct answers, remembered."""

    def __init__(self, matcher: LocalityMatcher) -> None:
        super().__init__()
        self.matcher = matcher

    def __missing__(self, cell: str) -> str:
        out = self[cell] = csv_field(spreadsheet_safe(self.matcher.match(cell)))
        return out


def write_responses(
    out: IO[str],
    rows: Iterable[list[str]],
    applied: Applied,
    matcher: LocalityMatcher,
    redact: Redactor,
    salt: str,
) -> int:
    """Write the answers of ``rows`` as responses.csv; returns how many responses were written.

    A response's id is a hash of the tool's response id, or of the whole row when the tool
    writes none, so importing the same export again gives the same ids. Rows with every
    question blank are left out.
    """
    # Semicolons and a byte-order mark, as Excel expects a CSV file in Swedish and Norwegian:
    # the people who open this file open it in Excel. Lines are joined by hand: csv.writer
    # alone costs more than reading the export, and clean_column() has quoted what needs it.
    out.write("\ufeff" + DELIMITER.join([*HEADER, *(q.id for _, q in applied.questions)]) + "\n")
    with _no_cyclic_gc():
        return _write_chunks(out, iter(rows), applied, _Localities(matcher), redact, salt)


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
    salt: str,
) -> int:
    columns = [i for i, _ in applied.questions]
    width = max([*columns, applied.locality or 0, applied.id_index or 0]) + 1
    met: dict[int, int] = {}  # each id's CRC given so far, and how many rows had it
    count = 0
    while chunk := list(itertools.islice(source, CHUNK)):
        if min(map(len, chunk)) < width:
            chunk = [row + [""] * (width - len(row)) if len(row) < width else row for row in chunk]
        transposed = list(zip(*chunk, strict=False))
        answers = [clean_column(transposed[i], redact) for i in columns]
        if any("" not in a for a in answers):
            keep = [True] * len(chunk)  # a question every respondent answered: no row is blank
        else:
            keep = list(map(any, zip(*answers, strict=True))) if answers else [False] * len(chunk)
        if not all(keep):  # some respondents left every question blank: leave them out
            chunk = list(itertools.compress(chunk, keep))
            transposed = [tuple(itertools.compress(column, keep)) for column in transposed]
            answers = [list(itertools.compress(a, keep)) for a in answers]
        if not chunk:
            continue
        ids = _ids(chunk, transposed, applied.id_index, salt, met)
        place: Iterable[str] = itertools.repeat("")
        if applied.locality is not None:
            place = map(localities.__getitem__, transposed[applied.locality])
        lines = map(DELIMITER.join, zip(ids, place, *answers, strict=False))
        out.write("\n".join(lines) + "\n")
        count += len(chunk)
    return count


def _hex_ids(digests: Iterable[int]) -> list[str]:
    """ "r" and eight hex digits per CRC; formatted as one buffer, which is several times
    quicker than formatting each number."""
    packed = array("I", digests)
    if not packed:
        return []
    if sys.byteorder == "little":
        packed.byteswap()  # big-endian, so the digits read as the number on every machine
    return list(map("r".__add__, packed.tobytes().hex(" ", 4).split(" ")))


def _ids(
    rows: list[list[str]],
    transposed: list[tuple[str, ...]],
    id_index: int | None,
    salt: str,
    met: dict[int, int],
) -> list[str]:
    # CRC-32, seeded with the meeting: cheap enough for 100,000 rows, and stable. It is no
    # cryptographic hash and need not be: two rows that share a value are told apart below.
    by_id, by_row = zlib.crc32(f"{salt}/id".encode()), zlib.crc32(f"{salt}/row".encode())
    digests: list[int]
    if id_index is None:
        digests = list(map(zlib.crc32, map(str.encode, map(ROW_JOIN.join, rows)), itertools.repeat(by_row)))
    else:
        keys = list(map(str.strip, transposed[id_index]))
        if "" in keys:  # a row without the tool's id: its content identifies it
            digests = [
                zlib.crc32(k.encode(), by_id) if k else zlib.crc32(ROW_JOIN.join(r).encode(), by_row)
                for k, r in zip(keys, rows, strict=True)
            ]
        else:
            digests = list(map(zlib.crc32, map(str.encode, keys), itertools.repeat(by_id)))
    ids = _hex_ids(digests)
    # Rows alike are found by their CRCs, which as ints hash quicker than the ids as text.
    fresh = set(digests)
    if len(fresh) == len(digests) and met.keys().isdisjoint(fresh):
        met.update(dict.fromkeys(fresh, 1))
        return ids  # no id met twice: the common case, decided without a loop
    unique = []
    for digest, response_id in zip(digests, ids, strict=True):  # rows alike: the second gets "-2", the third "-3"
        times = met[digest] = met.get(digest, 0) + 1
        # A suffixed id never equals another row's: the hex ids hold no "-".
        unique.append(response_id if times == 1 else f"{response_id}-{times}")
    return unique

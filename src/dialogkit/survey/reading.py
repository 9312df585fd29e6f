"""Reading a survey export: CSV in any common encoding and delimiter, or XLSX, one row at a time."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import itertools
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dialogkit.errors import DialogError, Finding

SAMPLE_BYTES = 256 * 1024
DELIMITERS = (",", ";", "\t", "|")
MAX_FIELD = 1024 * 1024  # one answer of a megabyte is already absurd; csv's default is 128 KiB
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}")
_XLSX_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the legacy binary .xls
# What charset-normalizer may choose between when the bytes are not UTF-8: the encodings
# a Nordic Excel, an older Windows tool or a Mac actually writes. Left free, it sometimes
# reads Swedish cp1252 text as a Central European or Cyrillic code page.
_LEGACY_ENCODINGS = ["cp1252", "latin_1", "iso8859_15", "mac_roman", "cp850", "utf_16", "utf_16_le", "utf_16_be"]


@dataclass
class Export:
    """An opened export: its headings, its rows as an iterator, and how it was read."""

    path: Path
    kind: str  # csv | xlsx
    headers: list[str]
    rows: Iterator[list[str]]
    encoding: str | None = None
    delimiter: str | None = None
    _closers: list[Any] = field(default_factory=list, repr=False)
    _reader: Any = field(default=None, repr=False)
    _lines_before: int = field(default=0, repr=False)  # the heading's lines, which _reader did not count

    def problem(self, exc: UnicodeDecodeError | csv.Error, display: str) -> DialogError:
        """The finding for an error met while reading the rows."""
        line = self._reader.line_num + self._lines_before if self._reader is not None else 1
        if isinstance(exc, UnicodeDecodeError):
            return DialogError(
                _problem(
                    display,
                    f"the export is not valid {self.encoding} after line {line}: it may be damaged, or "
                    "mixes encodings; export it again, or set `encoding:` in survey.yaml",
                    line,
                )
            )
        return DialogError(_problem(display, f"the export is not valid CSV: {exc}", line))

    def close(self) -> None:
        for closer in self._closers:
            closer.close()
        self._closers.clear()


def open_export(path: Path, display: str, *, encoding: str | None = None, delimiter: str | None = None) -> Export:
    """Open ``path`` as a survey export; anything unreadable is a DialogError naming the file."""
    try:
        with path.open("rb") as handle:
            head = handle.read(SAMPLE_BYTES)
    except OSError as exc:
        raise DialogError(_problem(display, f"cannot read the export: {exc.strerror or exc}")) from None
    if not head.strip(b"\x00\r\n\t \xef\xbb\xbf\xff\xfe"):
        raise DialogError(_problem(display, "the export is empty: export the answers again from the survey tool"))
    if head.startswith(_OLE_MAGIC):
        raise DialogError(
            _problem(display, "this is an old binary Excel file (.xls): save it as .xlsx or CSV and import that")
        )
    if head.startswith(_XLSX_MAGIC):
        return _open_xlsx(path, display)
    return _open_csv(path, display, head, encoding, delimiter)


def _problem(display: str, message: str, line: int = 1) -> Finding:
    return Finding(display, line, 1, "error", message)


# --- CSV ---------------------------------------------------------------------------------


def detect_encoding(head: bytes, display: str) -> str:
    """The encoding of an export, from its first bytes: a BOM, valid UTF-8, else charset-normalizer."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"  # Excel's "Unicode text": UTF-16 with a BOM, tab-separated
    try:
        # An incremental decoder tolerates a character cut in two at the sample's end.
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        if _UTF8_SEQUENCE.search(head):
            # Valid UTF-8 letters beside invalid bytes: two encodings in one file, or damage.
            # Any single-byte code page would "read" it, and every å would come out as "Ã¥".
            raise DialogError(
                _problem(
                    display,
                    "the export is not valid utf-8 text, though parts of it are: it mixes encodings or is "
                    "damaged; export it again, or set `encoding:` in survey.yaml",
                )
            ) from None
    else:
        if b"\x00" not in head:
            return "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(head, cp_isolation=_LEGACY_ENCODINGS).best()
    if best is None or (b"\x00" in head and not best.encoding.startswith("utf_16")):
        raise DialogError(
            _problem(
                display, "the export is not readable text (a binary or damaged file?): export it again as CSV or XLSX"
            )
        )
    return str(best.encoding)


def sniff_delimiter(first_line: str) -> str:
    """The separator of a heading line: the candidate that occurs most often outside quotes."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in first_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _open_csv(path: Path, display: str, head: bytes, encoding: str | None, delimiter: str | None) -> Export:
    encoding = encoding or detect_encoding(head, display)
    try:
        raw = path.open("rb")
        text = io.TextIOWrapper(raw, encoding=encoding, newline="")
    except (OSError, LookupError) as exc:
        raise DialogError(_problem(display, f"cannot read the export as {encoding}: {exc}")) from None
    csv.field_size_limit(MAX_FIELD)
    try:
        first = text.readline(MAX_FIELD)
        if len(first) == MAX_FIELD and not first.endswith(("\n", "\r")):
            text.close()
            raise DialogError(
                _problem(display, "the export's first line is longer than 1 MB, so it is no heading line: export again")
            )
        lines_before = 0  # lines of the file before the answers, as reader.line_num counts after them
        if first.startswith("sep=") and len(first.rstrip("\r\n")) == 5:
            delimiter = delimiter or first[4]  # Excel's hint line, "sep=;"
            first = text.readline()
            lines_before = 1
        delimiter = delimiter or sniff_delimiter(first)
        # The heading is a CSV record like the rest: a quoted heading may span lines (Alt+Enter
        # in Excel). The reader takes from the file only the lines the record needs.
        heading = csv.reader(itertools.chain([first], text), delimiter=delimiter)
        header_row = next(heading, [])
        lines_before += heading.line_num
    except UnicodeDecodeError as exc:
        text.close()
        raise DialogError(_problem(display, f"the export's first line cannot be read as {encoding}: {exc}")) from None
    except csv.Error as exc:
        text.close()
        raise DialogError(
            _problem(display, f"the export's heading is not valid CSV ({exc}): is a quote mark left open?")
        ) from None
    headers = [h.strip() for h in header_row]
    if sum(1 for h in headers if h) < 1:
        text.close()
        raise DialogError(_problem(display, "the export has no heading line: its first line must name the columns"))
    reader = csv.reader(text, delimiter=delimiter)
    # The reader itself, not a generator around it: a Python frame per row would cost more
    # than a tenth of the import. Errors while reading are turned into findings by problem().
    return Export(path, "csv", headers, reader, encoding, delimiter, [text], reader, lines_before)


# --- XLSX --------------------------------------------------------------------------------


def _open_xlsx(path: Path, display: str) -> Export:
    from openpyxl import load_workbook

    from dialogkit.survey.workbook import check_workbook

    try:
        with zipfile.ZipFile(path) as archive:
            check_workbook(archive, display)
        book = load_workbook(path, read_only=True, data_only=True)
        sheet = book.worksheets[0]
        # Read by its cells, which check_workbook() has counted: a sheet's declared size may be
        # short of its cells (openpyxl would drop the rest) or far beyond them (it would pad to it).
        sheet.reset_dimensions()
        values = sheet.iter_rows(values_only=True)
        headers: list[str] | None = None
        for row in values:
            cells = [_cell(v) for v in row]
            if any(cells):
                headers = [c.strip() for c in cells]
                break
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, IndexError, TypeError) as exc:
        raise DialogError(_problem(display, f"the export is not a readable Excel workbook: {exc}")) from None
    if headers is None:
        book.close()
        raise DialogError(_problem(display, "the workbook's first sheet is empty: export the answers again"))
    while headers and not headers[-1]:
        headers.pop()  # openpyxl reports the sheet's full width, often with empty columns at the right
    return Export(path, "xlsx", headers, _xlsx_rows(values, display), None, None, [book])


def _xlsx_rows(values: Iterator[tuple[Any, ...]], display: str) -> Iterator[list[str]]:
    try:
        for row in values:
            yield [_cell(v) for v in row]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise DialogError(_problem(display, f"the workbook is damaged: {exc}")) from None


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a scale answer of 4 is stored as 4.0 by some tools
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)

"""An XLSX export held to dialog's limits before openpyxl reads it: part sizes, sheet size, cell size.

An XLSX file is a zip of XML parts, and a few kilobytes of it can unpack to gigabytes or
declare a sheet of seventeen billion cells. openpyxl trusts both: it pads every row to
the declared size and holds each text whole in memory. So the parts are checked first,
from the zip's directory, and the sheets and shared texts are then streamed through
expat, which hands text over in pieces: an oversized cell is found after its first
megabyte, never held.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from typing import Any
from xml.parsers import expat

from dialogkit.errors import DialogError, Finding

MAX_CELL_CHARS = 1024 * 1024  # as a CSV field (reading.MAX_FIELD): an answer of a megabyte is already absurd
MAX_CELLS = 20_000_000  # rows x columns of a sheet: 100,000 responses to 200 questions
MAX_PART_BYTES = 256 * 1024 * 1024  # a sheet or the shared texts, unpacked
MAX_OTHER_PART_BYTES = 16 * 1024 * 1024  # styles, workbook, relations: kilobytes in any real export
CHUNK = 1024 * 1024
_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_CELL_REF = re.compile(r"\$?([A-Z]{1,3})\$?([0-9]+)\Z")
_RANGE = re.compile(r"([A-Z]{1,3}[0-9]+)(?::([A-Z]{1,3}[0-9]+))?\Z")
_SHEET_PATH = re.compile(r"(?:^|/)(?:worksheets/[^/]+|sharedStrings)\.xml\Z")
_CSV_ADVICE = "export the answers as CSV instead"


def check_workbook(archive: zipfile.ZipFile, display: str) -> None:
    """Raise a DialogError when the workbook is larger than dialog reads; read nothing large to tell."""
    parts = {info.filename: info for info in archive.infolist()}
    kinds = _content_types(archive, parts, display)
    for name, info in parts.items():
        limit = MAX_PART_BYTES if kinds.get(name) in (_SHEET, _STRINGS) else MAX_OTHER_PART_BYTES
        if info.file_size > limit:
            raise DialogError(
                _finding(
                    display,
                    f"the workbook's part {name} unpacks to {_size(info.file_size)}; dialog reads parts "
                    f"of up to {_size(limit)}: {_CSV_ADVICE}",
                )
            )
    oversized: set[int] = set()
    for name, kind in kinds.items():
        if kind == _STRINGS and name in parts:
            oversized |= _long_shared_texts(archive, name, display)
    for name, kind in kinds.items():
        if kind == _SHEET and name in parts:
            _SheetCheck(display, name, oversized).run(archive)


def _content_types(archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo], display: str) -> dict[str, str]:
    """Part name -> content type, from [Content_Types].xml: which parts are sheets and shared texts."""
    manifest = parts.get("[Content_Types].xml")
    if manifest is None:
        raise DialogError(_finding(display, "the file is a zip but no Excel workbook: save it again as .xlsx or CSV"))
    if manifest.file_size > MAX_OTHER_PART_BYTES:
        raise DialogError(
            _finding(display, f"the workbook's list of parts is {_size(manifest.file_size)}: {_CSV_ADVICE}")
        )
    kinds: dict[str, str] = {}

    def start(name: str, attrs: dict[str, str]) -> None:
        if name.endswith("Override") and "PartName" in attrs:
            kinds[attrs["PartName"].lstrip("/")] = attrs.get("ContentType", "")

    _stream(archive, "[Content_Types].xml", start, None, display)
    for name in parts:  # a writer that lists its sheets only by a default type: known by their folder
        if name not in kinds and _SHEET_PATH.search(name):
            kinds[name] = _STRINGS if name.endswith("sharedStrings.xml") else _SHEET
    return kinds


def _long_shared_texts(archive: zipfile.ZipFile, name: str, display: str) -> set[int]:
    """The indexes of the shared texts longer than a cell may be; each found after its first megabyte."""
    texts = _SharedTexts()
    _stream(archive, name, texts.start, texts.text, display)
    return texts.long


class _SharedTexts:
    """The shared texts streamed past, each measured: <si> elements, in order."""

    def __init__(self) -> None:
        self.index = -1
        self.length = 0
        self.long: set[int] = set()

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if tag.rpartition(" ")[2] == "si":
            self.index += 1
            self.length = 0

    def text(self, data: str) -> None:
        self.length += len(data)
        if self.length > MAX_CELL_CHARS:
            self.long.add(self.index)


class _SheetCheck:
    """One worksheet streamed past: its declared size, its extent and each cell's text, checked."""

    def __init__(self, display: str, part: str, oversized: set[int]) -> None:
        self.display = display
        self.part = part
        self.oversized = oversized  # shared texts too long to be a cell's; found in a cell, an error
        self.row = self.column = 0
        self.rows = self.columns = 0
        self.length = 0
        self.shared = False  # the cell holds the index of a shared text
        self.value = ""

    def run(self, archive: zipfile.ZipFile) -> None:
        _stream(archive, self.part, self.start, self.text, self.display, self._check_text)

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        local = tag.rpartition(" ")[2]
        if local == "c":
            self._cell(attrs)
        elif local == "row":
            self.row = _row_number(attrs.get("r"), self.row + 1)
            self.column = 0
            self._grow()  # openpyxl gives an empty row for every row number skipped
        elif local == "dimension":
            self._declared(attrs.get("ref", ""))

    def _cell(self, attrs: dict[str, str]) -> None:
        self._check_text()
        ref = _CELL_REF.match(attrs.get("r", ""))
        if ref is not None:
            self.column, self.row = _column_number(ref[1]), int(ref[2])
        else:
            self.column += 1
        self._grow()
        self.length = 0
        self.shared = attrs.get("t") == "s" and bool(self.oversized)
        self.value = ""

    def _grow(self) -> None:
        """The sheet's extent so far, which openpyxl fills out row by row and column by column."""
        self.rows, self.columns = max(self.rows, self.row), max(self.columns, self.column)
        if self.rows * max(self.columns, 1) > MAX_CELLS:
            raise DialogError(
                Finding(
                    self.display,
                    self.row,
                    self.column,
                    "error",
                    f"the sheet reaches row {self.rows:,} and column {_column_letters(self.columns)}, more than "
                    f"{MAX_CELLS:,} cells; dialog reads no larger sheets: delete what lies beyond the answers "
                    f"and save, or {_CSV_ADVICE}",
                )
            )

    def text(self, data: str) -> None:
        self.length += len(data)
        if self.length > MAX_CELL_CHARS:
            self._too_long()
        if self.shared:
            self.value += data.strip()

    def _check_text(self) -> None:
        """At the start of the next cell: whether the last one named an oversized shared text."""
        if self.shared and self.value.isascii() and self.value.isdigit() and int(self.value) in self.oversized:
            self._too_long()

    def _too_long(self) -> None:
        raise DialogError(
            Finding(
                self.display,
                self.row,
                self.column,
                "error",
                f"cell {_column_letters(self.column)}{self.row} holds more than {MAX_CELL_CHARS // 1024**2} MB "
                "of text, more than any answer; dialog reads no longer cells: shorten it in Excel and save, "
                "or delete the row",
            )
        )

    def _declared(self, ref: str) -> None:
        found = _RANGE.match(ref.upper())
        if found is None:
            return  # openpyxl reads a sheet with no usable dimension by its cells, which are checked
        last = _CELL_REF.match(found[2] or found[1])
        assert last is not None
        rows, columns = int(last[2]), _column_number(last[1])
        if rows * columns > MAX_CELLS:
            raise DialogError(
                _finding(
                    self.display,
                    f"the sheet declares its size as {ref} ({rows * columns:,} cells); dialog reads sheets of "
                    f"up to {MAX_CELLS:,} cells: delete the empty rows and columns after the answers in Excel "
                    f"and save, or {_CSV_ADVICE}",
                )
            )


def _stream(
    archive: zipfile.ZipFile,
    part: str,
    start: Callable[[str, dict[str, str]], None],
    text: Callable[[str], None] | None,
    display: str,
    finish: Callable[[], None] | None = None,
) -> None:
    """Feed one part of the zip through expat a megabyte at a time."""
    parser: Any = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.buffer_size = 64 * 1024
    parser.StartElementHandler = start
    if text is not None:
        parser.CharacterDataHandler = text
    try:
        with archive.open(part) as source:
            while chunk := source.read(CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise DialogError(
            _finding(display, f"the workbook is damaged: {part} is not valid XML ({exc}); save it again")
        ) from None
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise DialogError(_finding(display, f"the workbook is damaged: {exc}; save it again")) from None
    if finish is not None:
        finish()


def _row_number(value: str | None, default: int) -> int:
    try:
        return int(float(value)) if value is not None else default
    except ValueError:
        return default


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters or "A"


def _size(size: int) -> str:
    return f"{size / 1024**3:.1f} GB" if size >= 1024**3 else f"{max(1, size // 1024**2)} MB"


def _finding(display: str, message: str) -> Finding:
    return Finding(display, 1, 1, "error", message)

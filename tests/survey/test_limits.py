"""Large, repetitive and oversized exports: memory stays bounded, limits trip early, rows keep distinct ids."""

from __future__ import annotations

import csv
import importlib
import itertools
import re
import signal
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from dialogkit.errors import DialogError, Finding
from dialogkit.loading import require
from dialogkit.survey import import_survey, workbook
from dialogkit.survey import responses as responses_module
from dialogkit.survey.reading import open_export
from tests.conftest import MEETING_YAML
from tests.survey.conftest import Workspace, place
from tests.survey.exports import crafted_xlsx

HEADER = "Tidstämpel,E-postadress,Vilken ort bor du i?,Vad kan bli bättre på din ort?,Namn\r\n"


def _peak_mb(root: Path, export: Path) -> tuple[int, float]:
    """The responses imported from ``export``, and the most memory Python held meanwhile."""
    tracemalloc.start()
    try:
        result = import_survey(require(root), export, "hogvad", 2025)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return result.responses, peak / (1024 * 1024)


def test_a_50_mb_export_is_imported_in_bounded_memory(sv_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    # The import holds a batch of rows (100 chunks, 20-40 MB) so that the names of later rows are
    # known; a batch of 8 chunks here shows that beyond one batch nothing grows with the export.
    monkeypatch.setattr(responses_module, "BATCH", 8 * responses_module.CHUNK)
    root = sv_workspace({"cycles/2025/hogvad/meeting.yaml": MEETING_YAML})
    line = "2025/03/01 {n},person{n}@example.se,Överlida,{text} nummer {n},Testperson {n}\r\n"
    text = "Vägarna är fulla av hål och gatubelysningen vid skolan är trasig sedan i höstas, " * 2
    rows = 51 * 1024 * 1024 // len(line.format(n=1_000, text=text).encode())
    body = "".join(line.format(n=n, text=text) for n in range(rows))
    place(root, "big.csv", (HEADER + body).encode("utf-8"))
    del body
    place(root, "small.csv", (HEADER + line.format(n=1, text="Kort svar")).encode("utf-8"))
    size_mb = (root / "cycles/2025/raw/big.csv").stat().st_size // (1024 * 1024)
    assert size_mb >= 50

    _, small_peak = _peak_mb(root, root / "cycles/2025/raw/small.csv")
    responses, big_peak = _peak_mb(root, root / "cycles/2025/raw/big.csv")

    assert responses == rows
    # Held in memory, the export would take several times its size as Python strings; read
    # a batch at a time, what grows is one short id per response (for telling rows apart).
    print(f"peak memory: {small_peak:.1f} MB for one row, {big_peak:.1f} MB for {size_mb} MB")
    assert big_peak - small_peak < size_mb, f"peak memory grew by {big_peak - small_peak:.0f} MB for {size_mb} MB"


def test_thousands_of_identical_rows_get_distinct_ids_in_order(sv_workspace: Workspace) -> None:
    root = sv_workspace({"cycles/2025/hogvad/meeting.yaml": MEETING_YAML})
    # No timestamp, no tool id: the rows are alike in every column.
    same = "Vilken ort bor du i?,Vad kan bli bättre på din ort?\r\n" + "Överlida,Vägarna\r\n" * 20_000
    export = place(root, "same.csv", same.encode("utf-8"))

    result = import_survey(require(root), export, "hogvad", 2025)

    with (root / "cycles/2025/hogvad/survey/responses.csv").open(encoding="utf-8-sig", newline="") as handle:
        ids = [row["response_id"] for row in csv.DictReader(handle, delimiter=";")]
    assert result.responses == len(ids) == 20_000
    assert len(set(ids)) == 20_000
    assert ids[1] == f"{ids[0]}-2" and ids[-1] == f"{ids[0]}-20000"


# --- XLSX: a few kilobytes of zip may declare or unpack to gigabytes ----------------------

HEADING_ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>Ort</t></is></c><c r="B1" t="inlineStr"><is><t>Synpunkt</t></is></c></row>'


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Stop what runs for ever (as the unlimited reader did) with a TimeoutError."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"still reading after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _open(path: Path) -> tuple[list[str], list[list[str]]]:
    export = open_export(path, "export.xlsx")
    try:
        return export.headers, list(export.rows)
    finally:
        export.close()


def _refusal(path: Path) -> tuple[Finding, float]:
    """The finding that refuses ``path``, and the most memory Python held to get there, in MB."""
    importlib.import_module("openpyxl")  # its modules, loaded on first use, are no export's memory
    tracemalloc.start()
    try:
        with deadline(30), pytest.raises(DialogError) as caught:
            _open(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return caught.value.findings[0], peak / (1024 * 1024)


@pytest.mark.parametrize("listed", [True, False], ids=["listed", "by its folder"])
def test_a_sheet_declaring_seventeen_billion_cells_is_refused_at_once(tmp_path: Path, listed: bool) -> None:
    path = crafted_xlsx(tmp_path / "export.xlsx", HEADING_ROW, dimension="A1:XFD1048576", listed=listed)
    assert path.stat().st_size < 6000

    found, _ = _refusal(path)

    assert str(found).startswith("export.xlsx:1:1: error: the sheet declares its size as A1:XFD1048576")
    assert "17,179,869,184 cells" in found.message and "delete the empty rows and columns" in found.message


def test_a_cell_far_out_is_refused_at_its_place(tmp_path: Path) -> None:
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    found, _ = _refusal(crafted_xlsx(tmp_path / "export.xlsx", HEADING_ROW + far))

    assert (found.line, found.column) == (1_048_576, 16_384)
    assert "reaches row 1,048,576 and column XFD" in found.message


def _huge_text(megabytes: int) -> Iterator[str]:
    yield "<si><t>"
    piece = "Vägarna är fulla av hål. " * 40_000  # about a megabyte
    for _ in range(megabytes):
        yield piece
    yield "</t></si>"


def test_a_shared_text_of_64_mb_is_refused_at_its_cell_before_memory_grows(tmp_path: Path) -> None:
    rows = HEADING_ROW + '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c></row>'
    shared = itertools.chain(["<si><t>Överlida</t></si>"], _huge_text(64))
    found, peak = _refusal(crafted_xlsx(tmp_path / "export.xlsx", rows, shared=shared))

    assert str(found).startswith("export.xlsx:2:2: error: cell B2 holds more than 1 MB of text")
    assert peak < 16, f"{peak:.0f} MB held to refuse a 64 MB text"


def test_an_inline_text_of_64_mb_is_refused_at_its_cell_before_memory_grows(tmp_path: Path) -> None:
    text = "".join(_huge_text(1))[7:-9] * 64
    rows = HEADING_ROW + f'<row r="2"><c r="A2" t="inlineStr"><is><t>{text}</t></is></c></row>'
    del text
    found, peak = _refusal(crafted_xlsx(tmp_path / "export.xlsx", rows))

    assert str(found).startswith("export.xlsx:2:1: error: cell A2 holds more than 1 MB of text")
    assert peak < 16 + 2 * 64 + 1, f"{peak:.0f} MB held"  # the test's own copy of the sheet is counted too


def test_a_shared_text_table_larger_than_a_part_may_be_is_refused_from_the_zip_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The real limit is 256 MB; a smaller one keeps the file quick to write. Nothing but the
    # zip's directory is read to refuse it, whatever the limit.
    monkeypatch.setattr(workbook, "MAX_PART_BYTES", 32 * 1024 * 1024)
    path = crafted_xlsx(tmp_path / "export.xlsx", HEADING_ROW, shared=_huge_text(40))

    found, peak = _refusal(path)

    assert re.search(
        r"the workbook's part xl/sharedStrings.xml unpacks to 4\d MB; dialog reads parts of up to 32 MB: "
        "export the answers as CSV instead",
        found.message,
    )
    assert peak < 1


def test_a_declared_size_short_of_the_cells_loses_no_answer(tmp_path: Path) -> None:
    rows = HEADING_ROW + "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>Ort {n}</t></is></c>'
        f'<c r="B{n}" t="inlineStr"><is><t>Svar {n}</t></is></c></row>'
        for n in range(2, 6)
    )
    headers, rows_read = _open(crafted_xlsx(tmp_path / "export.xlsx", rows, dimension="A1:A2"))

    assert headers == ["Ort", "Synpunkt"]
    assert rows_read == [[f"Ort {n}", f"Svar {n}"] for n in range(2, 6)]

"""Large and repetitive exports: memory stays bounded, identical rows keep distinct ids."""

from __future__ import annotations

import csv
import tracemalloc
from pathlib import Path

from dialogkit.survey import import_survey
from dialogkit.workspace import require
from tests.conftest import MEETING_YAML
from tests.survey.conftest import Workspace, place

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


def test_a_50_mb_export_is_imported_in_bounded_memory(sv_workspace: Workspace) -> None:
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
    # a chunk at a time, what grows is one short id per response (for telling rows apart).
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

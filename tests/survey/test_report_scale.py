"""A report of many answers: every answer counted, an even selection shown, memory bounded."""

from __future__ import annotations

import re
import tracemalloc
from pathlib import Path

from typer.testing import CliRunner

from dialogkit.loading import require
from dialogkit.survey import analyse, import_survey
from dialogkit.survey.analysis import MAX_ANSWER_CHARS, MAX_OPTIONS, MAX_SHOWN, MAX_SHOWN_CHARS, Selection
from tests.conftest import MEETING_YAML, read_markdown, run_dialog
from tests.survey.conftest import Workspace, place

HEADER = "Vilken ort bor du i?,Vad kan bli bättre?,Finns det platser där du känner dig otrygg?,Hur reser du?\r\n"


def _export(root: Path, rows: int, name: str = "export.csv") -> Path:
    """``rows`` responses, each answer numbered so the test can tell which were shown."""
    travel = ["Bil", "Buss", "Cykel"]
    lines = [
        f"Överlida,Vägarna nummer {n} behöver lagas,Vid stationen nummer {n},"
        f"{travel[n % 3] if n < 1_000 else f'Med båt till brygga {n}'}\r\n"
        for n in range(rows)
    ]
    return place(root, name, (HEADER + "".join(lines)).encode("utf-8"))


def test_a_report_of_3000_responses_counts_all_and_shows_an_even_selection(sv_workspace: Workspace) -> None:
    root = sv_workspace({"cycles/2025/hogvad/meeting.yaml": MEETING_YAML})
    import_survey(require(root), _export(root, 3_000), "hogvad", 2025)

    analysis = analyse(require(root), 2025, "hogvad")

    sbf = next(d for d in analysis.departments if d.id == "sbf")
    assert sbf.count == 3_000 and len(sbf.answers) == MAX_SHOWN
    numbers = sorted(int(re.findall(r"\d+", a.text)[0]) for a in sbf.answers)
    # Every n-th answer of responses.csv, whose rows are in order of id within each thousand
    # (not in the order they came): the selection covers each part of the export alike.
    assert numbers[0] < 30 and numbers[-1] > 2_900
    assert all(140 <= sum(lo <= n < lo + 1_000 for n in numbers) <= 195 for lo in (0, 1_000, 2_000))
    assert analysis.safety.responses == analysis.safety.count == 3_000 and len(analysis.safety.answers) == MAX_SHOWN
    travel = next(d for d in analysis.distributions if d.heading == "Hur reser du?")
    assert len(travel.counts) == MAX_OPTIONS and travel.total == 3_000
    assert travel.other == 3_000 - 1_000 - (MAX_OPTIONS - 3)  # the choices, then 197 answers named, the rest other

    code, output = run_dialog(CliRunner(), "-C", root, "survey", "report", "2025", "--to", "md")
    assert code == 0, output
    markdown = read_markdown(root / "build/2025/hogvad/survey-report.md")
    assert f"Här visas {MAX_SHOWN} av 3000 svar, valda jämnt fördelade över alla." in markdown
    assert markdown.count("Vägarna nummer") == MAX_SHOWN
    assert "| Övriga svar | 1803 |" in markdown


def test_a_selection_keeps_long_answers_within_the_sections_length() -> None:
    selection = Selection()
    for n in range(300):
        selection.add(f"r{n}", "Överlida", "q", f"Svar {n}: " + "mycket lång text " * 300)

    shown = selection.shown()

    assert selection.total == 300
    assert all(len(a.text) <= MAX_ANSWER_CHARS + 4 and a.text.endswith(" […]") for a in shown)
    assert sum(len(a.text) for a in shown) <= MAX_SHOWN_CHARS
    assert len(shown) >= MAX_SHOWN_CHARS // (MAX_ANSWER_CHARS + 4) - 1
    assert shown[0].text.startswith("Svar 0:") and shown[-1].text.startswith("Svar 29")


def _analysis_peak_mb(root: Path) -> float:
    workspace = require(root)
    tracemalloc.start()
    try:
        analyse(workspace, 2025, "hogvad")
        return tracemalloc.get_traced_memory()[1] / (1024 * 1024)
    finally:
        tracemalloc.stop()


def test_the_analysis_holds_no_more_for_30000_responses_than_for_1000(sv_workspace: Workspace) -> None:
    rows = 30_000
    root = sv_workspace({"cycles/2025/hogvad/meeting.yaml": MEETING_YAML})
    import_survey(require(root), _export(root, 1_000, "few.csv"), "hogvad", 2025)
    few = _analysis_peak_mb(root)
    import_survey(require(root), _export(root, rows, "many.csv"), "hogvad", 2025)
    many = _analysis_peak_mb(root)

    # Every answer kept would be two objects of a few hundred bytes per response and question.
    print(f"peak memory of the analysis: {few:.1f} MB for 1000 responses, {many:.1f} MB for {rows}")
    assert many - few < 4, f"the analysis held {many - few:.1f} MB more for {rows} responses"

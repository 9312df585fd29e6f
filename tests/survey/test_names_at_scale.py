"""An export that names thousands of people: every name found wherever it stands, the search built once."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from dialogkit.loading import require
from dialogkit.survey import import_survey, namesearch, responses
from tests.conftest import MEETING_YAML
from tests.survey.conftest import Workspace, place

HEADER = "Namn,Vilken ort bor du i?,Vad kan bli bättre på din ort?\r\n"
SYLLABLES = ["ka", "ri", "mjö", "lo", "sve", "tå", "ber", "nu", "qvi", "zel", "ørn", "äl"]


def _rare_names(count: int) -> list[str]:
    """Made-up names no list holds: the export's own name column is all that makes them names."""
    rng = random.Random(7)
    names: set[str] = set()
    while len(names) < count:
        given = "".join(rng.choices(SYLLABLES, k=3)).capitalize()
        surname = "".join(rng.choices(SYLLABLES, k=4)).capitalize()
        names.add(f"{given} {surname}")
    return sorted(names)


def _import(root: Path, rows: list[tuple[str, str]]) -> str:
    """Import an export of (name, answer) rows; the text of responses.csv."""
    body = "".join(f"{name},Överlida,{answer}\r\n" for name, answer in rows)
    export = place(root, "export.csv", (HEADER + body).encode("utf-8"))
    import_survey(require(root), export, "hogvad", 2025)
    return (root / "cycles/2025/hogvad/survey/responses.csv").read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("batch_chunks", [100, 2], ids=["within a batch", "across batches"])
def test_a_name_given_in_a_later_row_is_redacted_in_an_earlier_answer(
    sv_workspace: Workspace, monkeypatch: pytest.MonkeyPatch, batch_chunks: int
) -> None:
    monkeypatch.setattr(responses, "BATCH", batch_chunks * responses.CHUNK)
    root = sv_workspace({"cycles/2025/hogvad/meeting.yaml": MEETING_YAML})
    names = _rare_names(6000)
    # The first answers name people whose own rows come thousands of rows (and chunks) later,
    # in any case, with a genitive, with letters beyond ASCII ("Mjö", "Ørn").
    first = next(n for n in reversed(names) if not n.isascii()).split()
    last = names[-2].split()
    rows = [
        ("", f"Grannen {first[0]} {first[1]} kör för fort"),
        ("", f"{last[1].upper()}S hund skäller hela natten"),
        ("", f"prata med {last[0].lower()} om bussen"),
        *((name, "Vägarna behöver lagas") for name in names),
    ]

    text = _import(root, rows)

    for word in [*first, *last]:
        assert word.casefold() not in text.casefold()
    assert "Grannen [namn] kör för fort" in text
    assert "[namn] hund skäller hela natten" in text
    assert "prata med [namn] om bussen" in text
    with (root / "cycles/2025/hogvad/survey/responses.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert sum(1 for _ in csv.reader(handle)) == 1 + len(rows)


def test_the_name_search_is_built_once_for_thousands_of_names(
    sv_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before, every chunk that named someone new rebuilt one pattern of every name: an export
    # naming 6,000 people took 95 s. Now the names of a batch are learned first.
    builds = []
    real = namesearch._Automaton

    def counted(names: dict[str, int]) -> namesearch._Automaton:
        builds.append(len(names))
        return real(names)

    monkeypatch.setattr(namesearch, "_Automaton", counted)
    namesearch._shipped_automaton.cache_clear()
    root = sv_workspace({"cycles/2025/hogvad/meeting.yaml": MEETING_YAML})
    names = _rare_names(6000)

    text = _import(root, [(name, f"Fråga {name} om vägen") for name in names])

    # The shipped names once, the export's 12,000 words (and their forms without diacritics) once.
    assert len(builds) == 2 and builds[1] > 12_000, builds
    assert text.count("Fråga [namn] om vägen") == 6000

"""Which documents a build makes, and which workspace files each of them reads.

Targets come from the folders and file names alone, without parsing anything, so that a
build with nothing to do costs a directory scan and a stat per input.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from dialogkit.layout import AREAS_FILE, CONFIG_FILE, CYCLES_DIR, RAW_DIR

SITE = "site"
CONCLUSIONS = "#conclusions"  # an input that is only the conclusions of a referat.md
# What a target's output depends on besides its files: the day decides what is overdue and next.
DATED_KINDS = frozenset({"followup", SITE})
_YEAR = re.compile(r"[0-9]{4}\Z")  # ASCII digits only: "２０２５" would shadow 2025


@dataclass(frozen=True)
class Target:
    """One document (or the site) of a build, named by its place under build/."""

    key: str  # e.g. 2025/hogvad/invitation, 2025/referat-compilation, site
    kind: str  # invitation | agenda | plan | survey-report | referat-compilation | followup | site
    year: int | None
    area: str | None
    inputs: tuple[str, ...]  # workspace-relative files the document reads


@dataclass
class _Meeting:
    year: int
    area: str
    files: set[str] = field(default_factory=set)

    def has(self, name: str) -> bool:
        return name in self.files

    def path(self, name: str) -> str:
        return f"{CYCLES_DIR}/{self.year}/{self.area}/{name}"


def cycle_years(root: Path) -> list[int]:
    """The years that have a folder under cycles/."""
    folder = root / CYCLES_DIR
    return (
        sorted(int(p.name) for p in folder.iterdir() if p.is_dir() and _YEAR.match(p.name)) if folder.is_dir() else []
    )


def _scan(root: Path) -> dict[int, list[_Meeting]]:
    meetings: dict[int, list[_Meeting]] = {}
    for year in cycle_years(root):
        found = meetings.setdefault(year, [])
        with os.scandir(root / CYCLES_DIR / str(year)) as entries:
            folders = sorted(e.name for e in entries if e.is_dir() and not e.name.startswith(".") and e.name != RAW_DIR)
        for name in folders:
            folder = os.path.join(root, CYCLES_DIR, str(year), name)
            with os.scandir(folder) as entries:
                files, has_survey = set(), False
                for entry in entries:
                    if entry.is_file():
                        files.add(entry.name)
                    has_survey = has_survey or (entry.name == "survey" and entry.is_dir())
            if has_survey and os.path.isfile(os.path.join(folder, "survey", "responses.csv")):
                files.add("survey/responses.csv")
            found.append(_Meeting(year, name, files))
    return meetings


def targets(root: Path, years: list[int]) -> list[Target]:
    """Every target of the given years, and the status site, in a stable order."""
    meetings = _scan(root)
    every = [m for year in sorted(meetings) for m in meetings[year]]
    found: list[Target] = []
    for year in years:
        cycle = meetings.get(year, [])
        plan = f"{CYCLES_DIR}/{year}/plan.yaml"
        for meeting in cycle:
            if meeting.has("meeting.yaml"):
                for kind in ("invitation", "agenda"):
                    found.append(
                        Target(
                            f"{year}/{meeting.area}/{kind}",
                            kind,
                            year,
                            meeting.area,
                            _base(meeting.path("meeting.yaml")),
                        )
                    )
            if meeting.has("survey.yaml") and meeting.has("survey/responses.csv"):
                inputs = _base(*(meeting.path(n) for n in ("survey.yaml", "survey/responses.csv", "meeting.yaml")))
                found.append(
                    Target(f"{year}/{meeting.area}/survey-report", "survey-report", year, meeting.area, inputs)
                )
        history = [m for m in every if m.year <= year]
        if cycle or (root / plan).is_file():
            found.append(Target(f"{year}/plan", "plan", year, None, _base(*_history(root, history))))
        if any(m.has("referat.md") for m in cycle):
            minutes = [m.path(n) for m in cycle for n in ("meeting.yaml", "referat.md")]
            case = f"{CYCLES_DIR}/{year}/case.yaml"
            found.append(
                Target(f"{year}/referat-compilation", "referat-compilation", year, None, _base(case, plan, *minutes))
            )
        if any(m.has("workgroups.yaml") for m in history):
            groups = [m.path(n) for m in history for n in ("workgroups.yaml", "meeting.yaml")]
            found.append(Target(f"{year}/followup", "followup", year, None, _base(*groups)))
    # The site shows the minutes' conclusions, not their text: editing the text leaves it be.
    site = [
        *_history(root, every),
        *(m.path(n) for m in every for n in ("workgroups.yaml", "survey.yaml", "survey/responses.csv")),
        *(m.path("referat.md") + CONCLUSIONS for m in every if m.has("referat.md")),
    ]
    found.append(Target(SITE, SITE, None, None, _base(*site)))
    return found


def _base(*names: str) -> tuple[str, ...]:
    return (CONFIG_FILE, AREAS_FILE, *names)


def _history(root: Path, meetings: list[_Meeting]) -> list[str]:
    """The plans and meeting files the planner reads for the rotation."""
    plans = {f"{CYCLES_DIR}/{m.year}/plan.yaml" for m in meetings}
    return [*sorted(plans), *(m.path("meeting.yaml") for m in meetings)]

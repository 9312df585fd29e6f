"""Which documents a build makes: found from the folders and file names alone.

Nothing is parsed, so that a build with nothing to do costs a directory scan and a stat
per input. Which files each document reads is not listed here: the code that reads them
records them (see :mod:`dialogkit.inputs`).
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from dialogkit.layout import (
    CYCLES_DIR,
    MEETING_FILE,
    PLAN_FILE,
    RAW_DIR,
    REFERAT_FILE,
    RESPONSES_FILE,
    SURVEY_FILE,
    WORKGROUPS_FILE,
    YEAR_FOLDER,
    cycle_path,
    meeting_path,
)

SITE = "site"
# What a target's output depends on besides its files: the day decides what is overdue and next.
DATED_KINDS = frozenset({"followup", SITE})
# The documents the site publishes, in the formats it publishes them in: the site links them with
# their sizes, so it is made after them, and again whenever one of them is made.
PUBLISHED_KINDS = frozenset({"invitation", "agenda", "plan", "referat-compilation", "followup"})
PUBLISHED_FORMATS = frozenset({"pdf", "docx", "odt"})
_RESPONSES_DIR = posixpath.dirname(RESPONSES_FILE)  # looked into only when the meeting has it


@dataclass(frozen=True)
class Target:
    """One document (or the site) of a build, named by its place under build/."""

    key: str  # e.g. 2025/hogvad/invitation, 2025/referat-compilation, site
    kind: str  # invitation | agenda | plan | survey-report | referat-compilation | followup | site
    year: int | None
    area: str | None


@dataclass
class _Meeting:
    year: int
    area: str
    files: set[str] = field(default_factory=set)

    def has(self, name: str) -> bool:
        return name in self.files


def cycle_years(root: Path) -> list[int]:
    """The years that have a folder under cycles/."""
    folder = root / CYCLES_DIR
    return (
        sorted(int(p.name) for p in folder.iterdir() if p.is_dir() and YEAR_FOLDER.match(p.name))
        if folder.is_dir()
        else []
    )


def _scan(root: Path) -> dict[int, list[_Meeting]]:
    meetings: dict[int, list[_Meeting]] = {}
    for year in cycle_years(root):
        found = meetings.setdefault(year, [])
        with os.scandir(root / cycle_path(year)) as entries:
            folders = sorted(e.name for e in entries if e.is_dir() and not e.name.startswith(".") and e.name != RAW_DIR)
        for name in folders:
            folder = os.path.join(root, meeting_path(year, name))
            with os.scandir(folder) as entries:
                files, has_responses_dir = set(), False
                for entry in entries:
                    if entry.is_file():
                        files.add(entry.name)
                    has_responses_dir = has_responses_dir or (entry.name == _RESPONSES_DIR and entry.is_dir())
            if has_responses_dir and os.path.isfile(os.path.join(folder, RESPONSES_FILE)):
                files.add(RESPONSES_FILE)
            found.append(_Meeting(year, name, files))
    return meetings


def targets(root: Path, years: list[int]) -> list[Target]:
    """Every target of the given years, and the status site, in a stable order."""
    meetings = _scan(root)
    found: list[Target] = []
    for year in years:
        cycle = meetings.get(year, [])
        for meeting in cycle:
            if meeting.has(MEETING_FILE):
                for kind in ("invitation", "agenda"):
                    found.append(Target(f"{year}/{meeting.area}/{kind}", kind, year, meeting.area))
            if meeting.has(SURVEY_FILE) and meeting.has(RESPONSES_FILE):
                found.append(Target(f"{year}/{meeting.area}/survey-report", "survey-report", year, meeting.area))
        if cycle or (root / cycle_path(year, PLAN_FILE)).is_file():
            found.append(Target(f"{year}/plan", "plan", year, None))
        if any(m.has(REFERAT_FILE) for m in cycle):
            found.append(Target(f"{year}/referat-compilation", "referat-compilation", year, None))
        if any(m.has(WORKGROUPS_FILE) for y in meetings if y <= year for m in meetings[y]):
            found.append(Target(f"{year}/followup", "followup", year, None))
    found.append(Target(SITE, SITE, None, None))
    return found

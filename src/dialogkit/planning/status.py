"""`year_status`: how far each meeting of a year has come, so a secretary sees what is missing.

A meeting counts as followed up when one of its work groups' actions has an update
dated after the meeting, or when the year's follow-up report has been built
(build/YEAR/followup.*): the first is the work itself, the second its publication.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from dialogkit.layout import BUILD_DIR, MEETING_FILE, REFERAT_FILE, RESPONSES_FILE, WORKGROUPS_FILE
from dialogkit.planning.scheduler import check_year
from dialogkit.workspace import Meeting, Workspace

STEPS = ("planned", "survey", "invitation", "minutes", "workgroups", "followup")


@dataclass(frozen=True)
class MeetingStatus:
    """The steps one meeting has done; each step is a plain yes or no."""

    area: str
    date: dt.date | None
    planned: bool
    survey: bool
    invitation: bool
    minutes: bool
    workgroups: bool
    followup: bool

    @property
    def steps(self) -> dict[str, bool]:
        return {step: bool(getattr(self, step)) for step in STEPS}

    @property
    def missing(self) -> list[str]:
        return [step for step, done in self.steps.items() if not done]


@dataclass(frozen=True)
class YearStatus:
    """Every meeting of a year, in date order, with its steps."""

    year: int
    meetings: tuple[MeetingStatus, ...]


def default_year(ws: Workspace, today: dt.date) -> int:
    """The year `dialog status` shows when none is given: the latest cycle, else this year."""
    return max(ws.cycles, default=today.year)


def year_status(ws: Workspace, year: int, build: Path | None = None) -> YearStatus:
    """Which steps each meeting of ``year`` has done, read from the files and the build folder."""
    check_year(year)
    build = build if build is not None else ws.root / BUILD_DIR
    cycle = ws.cycles.get(year)
    if cycle is None:
        return YearStatus(year, ())
    in_plan = {m.area: m.date for m in cycle.plan.meetings} if cycle.plan is not None else {}
    areas = sorted(set(in_plan) | set(cycle.meetings))
    published = any((build / str(year)).glob("followup.*"))
    rows = []
    for area in areas:
        meeting = cycle.meetings.get(area)
        date = meeting.meeting.date if meeting is not None and meeting.meeting is not None else in_plan.get(area)
        folder = cycle.folder / area
        rows.append(
            MeetingStatus(
                area=area,
                date=date,
                planned=area in in_plan or (folder / MEETING_FILE).is_file(),
                survey=(folder / RESPONSES_FILE).is_file(),
                invitation=any((build / str(year) / area).glob("invitation.*")),
                minutes=(folder / REFERAT_FILE).is_file(),
                workgroups=(folder / WORKGROUPS_FILE).is_file(),
                followup=published or _updated_after(meeting, date),
            )
        )
    rows.sort(key=lambda r: (r.date or dt.date.max, r.area))
    return YearStatus(year, tuple(rows))


def _updated_after(meeting: Meeting | None, date: dt.date | None) -> bool:
    if meeting is None or meeting.workgroups is None or date is None:
        return False
    return any(
        update.date > date
        for group in meeting.workgroups.workgroups
        for action in group.actions
        for update in action.updates
    )

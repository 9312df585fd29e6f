"""When each area had its dialogue and when its next one is planned, as the public site shows it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dialogkit.dates import meeting_date
from dialogkit.errors import DialogError, UsageError
from dialogkit.workspace import Workspace

PROJECTION_YEARS = 3  # how far ahead the planner is asked for a first year with nothing on file


@dataclass(frozen=True)
class NextMeeting:
    """An area's next meeting; ``preliminary`` when the planner projected it and nothing is on file."""

    date: dt.date
    preliminary: bool


def meetings_on_file(ws: Workspace) -> dict[str, list[dt.date]]:
    """Every dated meeting of every area, from meeting folders and plan.yaml files, in date order."""
    dates: dict[str, set[dt.date]] = {}
    for cycle in ws.cycles.values():
        for meeting in cycle.meetings.values():
            when = meeting_date(ws, meeting)
            if when is not None:
                dates.setdefault(meeting.area_id, set()).add(when)
        if cycle.plan is not None:
            for entry in cycle.plan.meetings:
                if entry.area not in cycle.meetings:
                    dates.setdefault(entry.area, set()).add(entry.date)
    return {area: sorted(days) for area, days in dates.items()}


def last_meetings(ws: Workspace, today: dt.date) -> dict[str, dt.date]:
    """Each area's latest meeting on or before ``today``."""
    last: dict[str, dt.date] = {}
    for area, days in meetings_on_file(ws).items():
        held = [d for d in days if d <= today]
        if held:
            last[area] = held[-1]
    return last


def next_meetings(ws: Workspace, today: dt.date) -> dict[str, NextMeeting]:
    """Each area's next meeting after ``today``: from the files, else from the planner's projection.

    The planner is asked about the first year from ``today`` that has nothing on file;
    it counts only visits on file, so a later year would repeat that year's areas.
    """
    found = {
        area: NextMeeting(later[0], False)
        for area, days in meetings_on_file(ws).items()
        if (later := [d for d in days if d > today])
    }
    for year in range(today.year, today.year + PROJECTION_YEARS):
        cycle = ws.cycles.get(year)
        if cycle is not None and (cycle.plan is not None or cycle.meetings):
            continue
        for meeting in _projected(ws, year):
            if meeting[1] > today and meeting[0] not in found:
                found[meeting[0]] = NextMeeting(meeting[1], True)
        break
    return found


def _projected(ws: Workspace, year: int) -> list[tuple[str, dt.date]]:
    from dialogkit.planning import plan_year

    try:
        plan = plan_year(ws, year)
    except (DialogError, UsageError):
        return []  # a plan the planner cannot make is no reason to withhold the site
    return [(m.area, m.date) for m in plan.meetings]

"""The calendar's rules for a date set by hand: holidays, blackouts, weekdays and the days between meetings."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator, Sequence

from dialogkit.errors import Finding
from dialogkit.layout import MEETING_FILE
from dialogkit.planning.days import blackout_of, holidays_of, weekday_name
from dialogkit.planning.rotation import FilePosition, FixedPoint
from dialogkit.workspace import Workspace

_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def fewest_days_between(ws: Workspace) -> int:
    """The fewest days between two meetings: min_days_between, and never two on one day (one committee)."""
    return max(ws.config.process.meeting.min_days_between, 1)


def day_warnings(
    ws: Workspace, day: dt.date, position: FilePosition, what: str = "the meeting", *, weekday: bool = True
) -> Iterator[Finding]:
    """Warn when ``day`` is a public holiday, in a blackout, or (with ``weekday``) not a weekday the process uses."""
    config = ws.config
    holiday = holidays_of(config.municipality.country, day.year, ws.locale).get(day)
    if holiday is not None:
        yield position.finding(f"{what} on {day} falls on a holiday ({holiday}); move it to another day", "warning")
    blackout = blackout_of(day, config.process.blackout)
    if blackout is not None:
        reason = f" ({blackout.reason})" if blackout.reason else ""
        yield position.finding(
            f"{what} on {day} falls in a blackout, {blackout.from_} to {blackout.to}{reason}; "
            "move it, or change process.blackout in dialog.yaml",
            "warning",
        )
    weekdays = config.process.meeting.weekdays
    if weekday and weekday_name(day) not in weekdays:
        yield position.finding(
            f"{what} on {day} is a {_DAY_NAMES[day.weekday()]}, not one of the process's weekdays "
            f"({', '.join(weekdays)}); move it, or add the day to process.meeting.weekdays",
            "warning",
        )


def spacing_warnings(ws: Workspace, points: Sequence[FixedPoint]) -> Iterator[Finding]:
    """Warn about each meeting that lies closer to the one before it than min_days_between."""
    fewest = fewest_days_between(ws)
    ordered = sorted(points, key=lambda p: (p.date, p.start, p.area))
    for before, point in itertools.pairwise(ordered):
        gap = (point.date - before.date).days
        if gap < fewest:
            when = "the same day as" if gap == 0 else f"{gap} day{'s' if gap != 1 else ''} after"
            yield point.position.finding(
                f"the meeting on {point.date} lies {when} the meeting of '{before.area}' on {before.date}; "
                f"meetings lie at least {fewest} days apart (process.meeting.min_days_between)",
                "warning",
            )


def safety_walk_warnings(ws: Workspace, year: int) -> Iterator[Finding]:
    """Warn about each safety walk of ``year`` on a holiday or in a blackout (a walk may be on any weekday)."""
    cycle = ws.cycles.get(year)
    if cycle is None:
        return
    for _area, meeting in sorted(cycle.meetings.items()):
        m = meeting.meeting
        if m is None or m.safety_walk is None:
            continue
        where = FilePosition(
            ws.relative(meeting.folder / MEETING_FILE), meeting.docs.get("meeting"), ("safety_walk", "date")
        )
        yield from day_warnings(ws, m.safety_walk.date, where, "the safety walk", weekday=False)

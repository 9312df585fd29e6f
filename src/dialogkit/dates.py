"""Dates and clock times that several parts share: a meeting's date, "HH:MM" as minutes."""

from __future__ import annotations

import datetime as dt

from dialogkit.workspace import Meeting, Workspace


def meeting_date(ws: Workspace, meeting: Meeting) -> dt.date | None:
    """The date of a meeting: its meeting.yaml, else its minutes, else the year's plan."""
    if meeting.meeting is not None:
        return meeting.meeting.date
    if meeting.referat is not None:
        return meeting.referat.front.date
    cycle = ws.cycles.get(meeting.year)
    if cycle is not None and cycle.plan is not None:
        return next((m.date for m in cycle.plan.meetings if m.area == meeting.area_id), None)
    return None


def minutes_of(clock: str) -> int:
    """Minutes after midnight of an "HH:MM" time."""
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def clock_of(minutes: int) -> str:
    """The "HH:MM" time of a number of minutes after midnight."""
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


def clock(value: str, locale: str) -> str:
    """An "HH:MM" time as written in the locale: "18.00" in Scandinavian text, "18:00" in English."""
    return value if locale == "en" else value.replace(":", ".")

"""The meetings of one year as the minutes see them: in date order, with what is missing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dialogkit.errors import DialogError, Finding
from dialogkit.layout import REFERAT_FILE, cycle_path, meeting_path
from dialogkit.render.viewbase import area_name, meeting_title
from dialogkit.workspace import Cycle, Meeting, Referat, Workspace


@dataclass(frozen=True)
class Entry:
    """One meeting of the year: its folder, its name, date and host, and its minutes if written."""

    meeting: Meeting
    name: str
    date: dt.date
    host: str | None  # the host body's name

    @property
    def referat(self) -> Referat | None:
        return self.meeting.referat

    @property
    def ref(self) -> str:
        return f"{self.meeting.year}/{self.meeting.area_id}"


@dataclass(frozen=True)
class YearMinutes:
    """The year's meetings in date order and the warnings about their minutes."""

    year: int
    cycle: Cycle
    entries: list[Entry]
    warnings: list[Finding]

    @property
    def with_minutes(self) -> list[Entry]:
        return [e for e in self.entries if e.referat is not None]


def host_name(ws: Workspace, meeting: Meeting) -> str | None:
    """The name of the body that hosted the meeting: its own host, else the process's."""
    host_id = meeting.meeting.host if meeting.meeting is not None and meeting.meeting.host else None
    body = ws.body(host_id or ws.config.process.host)
    return body.name if body is not None else None


def entry_of(ws: Workspace, meeting: Meeting) -> Entry | None:
    """The meeting as an entry; None for a folder with neither meeting.yaml nor minutes."""
    if meeting.meeting is not None:
        date = meeting.meeting.date
    elif meeting.referat is not None:
        date = meeting.referat.front.date
    else:
        return None
    return Entry(meeting, meeting_title(ws, meeting), date, host_name(ws, meeting))


def year_minutes(ws: Workspace, year: int) -> YearMinutes:
    """The meetings of ``year`` in date order; raises when the year has none."""
    cycle = ws.cycles.get(year)
    entries = [] if cycle is None else [e for m in cycle.meetings.values() if (e := entry_of(ws, m)) is not None]
    if cycle is None or not entries:
        years = sorted(y for y, c in ws.cycles.items() if any(entry_of(ws, m) for m in c.meetings.values()))
        hint = f"years with meetings: {', '.join(map(str, years))}" if years else "no year has meetings yet"
        raise DialogError(
            Finding(
                cycle_path(year),
                1,
                1,
                "error",
                f"{year} has no meetings to compile minutes from ({hint}); "
                f"`dialog plan {year} --write` creates the meetings, then write each one's referat.md",
            )
        )
    entries.sort(key=lambda e: (e.date, e.meeting.meeting.start if e.meeting.meeting else "", e.meeting.area_id))
    warnings = [*_missing(ws, cycle, entries), *_without_conclusions(entries)]
    return YearMinutes(year, cycle, entries, warnings)


def _missing(ws: Workspace, cycle: Cycle, entries: list[Entry]) -> list[Finding]:
    findings = []
    for entry in entries:
        if entry.referat is None:
            path = ws.relative(entry.meeting.folder / REFERAT_FILE)
            findings.append(
                Finding(
                    path,
                    1,
                    1,
                    "warning",
                    f"no minutes for {entry.name} ({entry.ref}, {entry.date}): the compilation leaves the meeting "
                    f"out until {path} is written",
                )
            )
    plan_doc = cycle.docs.get("plan")
    if cycle.plan is not None and plan_doc is not None:
        for index, planned in enumerate(cycle.plan.meetings):
            if planned.area not in cycle.meetings:
                name = area_name(ws, planned.area)
                findings.append(
                    plan_doc.finding(
                        ("meetings", index, "area"),
                        f"no minutes for {name} ({cycle.year}/{planned.area}, {planned.date}): the plan lists the "
                        f"meeting but {meeting_path(cycle.year, planned.area)}/ does not exist",
                        "warning",
                    )
                )
    return findings


def _without_conclusions(entries: list[Entry]) -> list[Finding]:
    findings = []
    for entry in entries:
        referat = entry.referat
        if referat is not None and not referat.front.conclusions:
            findings.append(
                referat.doc.finding(
                    (),
                    f"the minutes of {entry.name} ({entry.ref}) list no conclusions; add them under 'conclusions:' "
                    "so the compilation can report them to the council",
                    "warning",
                )
            )
    return findings

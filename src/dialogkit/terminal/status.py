"""`dialog status YEAR` in the workspace's language: the clerk's to-do list as a table or as JSON.

The JSON's shape is versioned (`STATUS_JSON_VERSION`) and described in docs/status.md; a
change that removes or renames a key raises the version.
"""

from __future__ import annotations

from typing import TypedDict

from dialogkit.planning.status import MeetingStatus, YearStatus
from dialogkit.render.viewbase import area_name
from dialogkit.terminal.words import Table, Words
from dialogkit.workspace import Workspace

STATUS_JSON_VERSION = 1


class StepJson(TypedDict):
    """One step of a meeting: planned, survey, invitation, meeting, minutes, workgroups or followup."""

    step: str
    state: str  # done, open, overdue or missed
    due: str | None


class NextJson(TypedDict):
    """The first step still to do, with its date and the sentence the table shows."""

    step: str
    due: str | None
    overdue: bool
    text: str


class MeetingJson(TypedDict):
    area: str
    name: str
    date: str | None
    next: NextJson | None
    missing: list[str]
    steps: list[StepJson]


class StatusJson(TypedDict):
    version: int
    year: int
    as_of: str
    process: str
    locale: str
    meetings: list[MeetingJson]


def status_table(ws: Workspace, status: YearStatus) -> Table | None:
    """One row per meeting: its day, its name, the next step with its date, what is missing; None when none."""
    if not status.meetings:
        return None
    words = Words.of(ws.locale)
    title = words("title", process=ws.config.process.name, year=status.year)
    table = Table(
        words("as_of", title=title, date=words.day(status.as_of)),
        [words("date"), words("area"), words("next"), words("missing")],
    )
    for row in status.meetings:
        table.rows.append(
            [
                words.weekday(row.date) if row.date else "",
                _name(ws, status.year, row.area),
                _next(words, row, status.year),
                ", ".join(words(f"missing_{item}") for item in row.missing),
            ]
        )
    return table


def nothing_planned(ws: Workspace, year: int) -> str:
    """What `dialog status` says for a year without meetings."""
    return Words.of(ws.locale)("nothing_planned", year=year)


def status_json(ws: Workspace, status: YearStatus) -> StatusJson:
    """The to-do list as `dialog status YEAR --format json` prints it (docs/status.md)."""
    words = Words.of(ws.locale)
    return {
        "version": STATUS_JSON_VERSION,
        "year": status.year,
        "as_of": status.as_of.isoformat(),
        "process": ws.config.process.name,
        "locale": words.locale,
        "meetings": [_meeting_json(ws, words, status.year, row) for row in status.meetings],
    }


def _meeting_json(ws: Workspace, words: Words, year: int, row: MeetingStatus) -> MeetingJson:
    step = row.next
    return {
        "area": row.area,
        "name": _name(ws, year, row.area),
        "date": row.date.isoformat() if row.date else None,
        "next": None
        if step is None
        else {
            "step": step.step,
            "due": step.due.isoformat() if step.due else None,
            "overdue": step.state == "overdue",
            "text": _next(words, row, year),
        },
        "missing": row.missing,
        "steps": [{"step": s.step, "state": s.state, "due": s.due.isoformat() if s.due else None} for s in row.steps],
    }


def _next(words: Words, row: MeetingStatus, year: int) -> str:
    step = row.next
    if step is None:
        return words("next_done")
    text = words(f"next_{step.step}", date=words.day(step.due, year) if step.due else "", year=year)
    return words("overdue", step=text) if step.state == "overdue" else text


def _name(ws: Workspace, year: int, area: str) -> str:
    """A one-off meeting's own title, else the area's name."""
    cycle = ws.cycles.get(year)
    meeting = cycle.meetings.get(area) if cycle is not None else None
    if meeting is not None and meeting.meeting is not None and meeting.meeting.title:
        return meeting.meeting.title
    return area_name(ws, area)

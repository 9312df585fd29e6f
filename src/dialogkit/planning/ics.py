"""`calendar_ics`: the year's meetings and safety walks as an RFC 5545 calendar.

UIDs name the year, the area and the kind of event, so importing the file again
updates the events instead of adding copies; DTSTAMP is derived from the year, so
two runs over the same files give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from dialogkit.dates import clock_of, minutes_of
from dialogkit.models.config import AgendaItem
from dialogkit.models.meeting import MeetingFile
from dialogkit.planning.scheduler import check_year, plan_year
from dialogkit.planning.values import ScheduledMeeting
from dialogkit.workspace import Workspace

WALK_MINUTES = 90  # a safety walk's length when it does not end at the meeting's start
_LABELS = {
    "sv": {"agenda": "Dagordning", "walk": "Trygghetsvandring", "with": "Med", "host": "Värd", "invitees": "Inbjudna"},
    "nb": {"agenda": "Dagsorden", "walk": "Trygghetsvandring", "with": "Med", "host": "Vert", "invitees": "Inviterte"},
    "nn": {"agenda": "Dagsorden", "walk": "Tryggleiksvandring", "with": "Med", "host": "Vert", "invitees": "Inviterte"},
    "en": {"agenda": "Agenda", "walk": "Safety walk", "with": "With", "host": "Host", "invitees": "Invited"},
}


@dataclass(frozen=True)
class _Event:
    uid: str
    summary: str
    start: dt.datetime
    end: dt.datetime
    location: str | None
    description: str


def slug(text: str) -> str:
    """An ASCII slug of a name: "Svenljunga kommun" -> "svenljunga-kommun"."""
    text = text.lower().replace("ø", "o").replace("æ", "ae").replace("ß", "ss")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "municipality"


def calendar_ics(ws: Workspace, year: int) -> bytes:
    """The year's meetings (from meeting.yaml where it exists, else the plan) and safety walks as iCalendar."""
    check_year(year)
    zone = ZoneInfo(ws.timezone)
    return _calendar(ws, f"{ws.config.process.name} {year}", _events(ws, year, zone), year, (year, year))


def upcoming_ics(ws: Workspace, today: dt.date) -> bytes:
    """The meetings and safety walks still to come, of every year on file, as iCalendar: the site's calendar feed."""
    from dialogkit.errors import DialogError, UsageError

    zone = ZoneInfo(ws.timezone)
    start = dt.datetime(today.year, today.month, today.day, tzinfo=zone)
    years = sorted(y for y in ws.cycles if y >= today.year)
    events: list[_Event] = []
    for year in years:
        try:
            events.extend(e for e in _events(ws, year, zone) if e.end >= start)
        except (DialogError, UsageError):
            continue  # a year the planner cannot plan has nothing to announce
    span = (years[0], years[-1]) if years else (today.year, today.year)
    return _calendar(ws, ws.config.process.name, events, today.year, span)


def _calendar(ws: Workspace, name: str, events: list[_Event], stamp_year: int, years: tuple[int, int]) -> bytes:
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//dialogkit//dialog calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", ws.timezone)
    stamp = dt.datetime(stamp_year, 1, 1, tzinfo=dt.UTC)
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.start)
        event.add("dtend", item.end)
        event.add("summary", item.summary)
        if item.location:
            event.add("location", item.location)
        if item.description:
            event.add("description", item.description)
        calendar.add_component(event)
    calendar.add_missing_timezones(first_date=dt.date(years[0] - 1, 1, 1), last_date=dt.date(years[1] + 2, 1, 1))
    data: bytes = calendar.to_ical()
    return data


def _events(ws: Workspace, year: int, zone: ZoneInfo) -> list[_Event]:
    labels = _LABELS.get(ws.locale, _LABELS["en"])
    domain = f"{slug(ws.config.municipality.name)}.dialogkit"
    events: list[_Event] = []
    for area_id, meeting in _meetings(ws, year):
        area = ws.area(area_id)
        area_name = area.name if area is not None else area_id
        process = ws.config.process.name
        summary = meeting.title or (area_name if process.lower() in area_name.lower() else f"{process}: {area_name}")
        start = _at(meeting.date, meeting.start, zone)
        events.append(
            _Event(
                f"{year}-{area_id}-meeting@{domain}",
                summary,
                start,
                _at(meeting.date, meeting.end, zone),
                meeting.place,
                _description(ws, meeting, labels),
            )
        )
        walk = meeting.safety_walk
        if walk is not None:
            walk_start = _at(walk.date, walk.start, zone)
            walk_end = walk_start + dt.timedelta(minutes=WALK_MINUTES)
            if walk_start < start < walk_end:
                walk_end = start  # the walk ends where the meeting begins
            places = walk.localities or (area.localities if area is not None else [])
            events.append(
                _Event(
                    f"{year}-{area_id}-safety-walk@{domain}",
                    f"{labels['walk']}: {', '.join(walk.localities) or area_name}",
                    walk_start,
                    walk_end,
                    ", ".join(places) or None,
                    f"{labels['with']}: {', '.join(walk.with_)}" if walk.with_ else "",
                )
            )
    return events


def _meetings(ws: Workspace, year: int) -> list[tuple[str, MeetingFile]]:
    """Each meeting of the year as a meeting file: the real one, or one made from the plan."""
    cycle = ws.cycles.get(year)
    on_file = {a: m.meeting for a, m in cycle.meetings.items() if m.meeting is not None} if cycle else {}
    planned: list[ScheduledMeeting]
    if cycle is not None and cycle.plan is not None:  # the adopted plan; nothing else is added to it
        planned = [ScheduledMeeting(m.area, m.season, m.date, m.start, m.end) for m in cycle.plan.meetings]
    else:
        planned = list(plan_year(ws, year).meetings)
    found = dict(on_file)
    for entry in planned:
        if entry.area not in found:
            found[entry.area] = MeetingFile(area=entry.area, date=entry.date, start=entry.start, end=entry.end)
    return sorted(found.items(), key=lambda item: (item[1].date, item[1].start, item[0]))


def _at(day: dt.date, clock: str, zone: ZoneInfo) -> dt.datetime:
    minutes = minutes_of(clock)
    return dt.datetime(day.year, day.month, day.day, minutes // 60, minutes % 60, tzinfo=zone)


def _description(ws: Workspace, meeting: MeetingFile, labels: dict[str, str]) -> str:
    agenda: list[AgendaItem] = meeting.agenda if meeting.agenda is not None else list(ws.config.process.agenda)
    lines: list[str] = []
    if agenda:
        lines.append(f"{labels['agenda']}:")
        clock = minutes_of(meeting.start)
        for item in agenda:
            lead = f", {item.lead}" if item.lead else ""
            lines.append(f"{clock_of(clock)} {item.title} ({item.minutes} min{lead})")
            clock += item.minutes
    host = ws.body(meeting.host or ws.config.process.host)
    if host is not None:
        lines.append(f"{labels['host']}: {host.name}")
    if meeting.invitees:
        lines.append(f"{labels['invitees']}: {', '.join(meeting.invitees)}")
    return "\n".join(lines)

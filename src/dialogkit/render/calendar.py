"""Calendar files (RFC 5545) of meetings and safety walks: one meeting's .ics, and the year's.

:func:`meeting_events` builds the events of one meeting, and every calendar dialogkit writes
is made of them. UIDs name the year, the area and the kind of event, so that an event keeps
its UID when the meeting moves; SEQUENCE counts the moves (:mod:`dialogkit.planning.revisions`),
so that a calendar program replaces the event it has; DTSTAMP is the time of writing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from dialogkit.dates import clock, clock_of, minutes_of
from dialogkit.models.meeting import MeetingFile
from dialogkit.planning.ics import slug, year_meetings
from dialogkit.planning.revisions import Revision, meeting_revision
from dialogkit.planning.scheduler import check_year
from dialogkit.render.words import fill, load_labels

if TYPE_CHECKING:
    from icalendar import Calendar, Event

    from dialogkit.workspace import Workspace

WALK_MINUTES = 90  # a safety walk's length when it does not end at the meeting's start


def meeting_events(
    ws: Workspace, labels: Mapping[str, str], meeting: MeetingFile, *, stamp: dt.datetime, revision: Revision
) -> list[Event]:
    """The calendar events of one meeting: the meeting, and its safety walk when it has one.

    ``stamp`` is the time of writing (DTSTAMP); ``revision`` gives SEQUENCE and LAST-MODIFIED.
    """
    year, area_id = meeting.date.year, meeting.area
    zone = ZoneInfo(ws.timezone)
    area = ws.area(area_id)
    area_name = area.name if area is not None else area_id
    process = ws.config.process.name
    named = process.casefold() in area_name.casefold()  # "Träffpunkt Högvad" names the event already
    summary = meeting.title or (
        area_name if named else fill(labels["calendar_summary"], process=process, area=area_name)
    )
    domain = f"{slug(ws.config.municipality.name)}.dialogkit"
    start = _at(meeting.date, meeting.start, zone)
    url = _page(ws, area_id)
    event = _event(f"{year}-{area_id}-meeting@{domain}", summary, stamp, revision, url)
    event.add("dtstart", start)
    event.add("dtend", _at(meeting.date, meeting.end, zone))
    if meeting.place:
        event.add("location", meeting.place)
    event.add("description", _description(ws, labels, meeting))
    events = [event]
    walk = meeting.safety_walk
    if walk is not None:
        walk_start = _at(walk.date, walk.start, zone)
        walk_end = walk_start + dt.timedelta(minutes=WALK_MINUTES)
        if walk_start < start < walk_end:
            walk_end = start  # the walk ends where the meeting begins
        places = walk.localities or (area.localities if area is not None else [])
        title = fill(labels["calendar_walk"], places=", ".join(walk.localities) or area_name)
        walk_event = _event(f"{year}-{area_id}-safety-walk@{domain}", title, stamp, revision, url)
        walk_event.add("dtstart", walk_start)
        walk_event.add("dtend", walk_end)
        location = walk.meeting_point or ", ".join(places)
        if location:
            walk_event.add("location", location)
        lines = [fill(labels["safety_walk_meeting_point"], place=walk.meeting_point)] if walk.meeting_point else []
        if walk.with_:
            lines.append(fill(labels["calendar_with"], **{"with": ", ".join(walk.with_)}))
        if lines:
            walk_event.add("description", "\n".join(lines))
        events.append(walk_event)
    return events


def meeting_ics(ws: Workspace, year: int, area_id: str, meeting: MeetingFile, now: dt.datetime | None = None) -> bytes:
    """One meeting's calendar file, as the mail-out attaches it; SEQUENCE from the workspace's git history."""
    stamp = _utc(now)
    calendar = _calendar(ws, f"{ws.config.process.name} {year}")
    revision = meeting_revision(ws.root, year, area_id, meeting, stamp)
    labels = load_labels(ws.root, ws.locale)
    for event in meeting_events(ws, labels, meeting, stamp=stamp, revision=revision):
        calendar.add_component(event)
    return _finish(calendar, meeting.date.year)


def calendar_ics(ws: Workspace, year: int, now: dt.datetime | None = None) -> bytes:
    """The year's meetings (from meeting.yaml where it exists, else the plan) and safety walks as iCalendar."""
    check_year(year)
    stamp = _utc(now)
    calendar = _calendar(ws, f"{ws.config.process.name} {year}")
    labels = load_labels(ws.root, ws.locale)
    for event in _year_events(ws, labels, year, stamp):
        calendar.add_component(event)
    return _finish(calendar, year)


def upcoming_ics(ws: Workspace, today: dt.date) -> bytes:
    """The meetings and safety walks still to come, of every year on file, as iCalendar: the site's calendar feed.

    DTSTAMP is the start of ``today`` (UTC), so that a site built twice in a day is the same bytes.
    """
    from dialogkit.errors import DialogError, UsageError

    zone = ZoneInfo(ws.timezone)
    start = dt.datetime(today.year, today.month, today.day, tzinfo=zone)
    stamp = dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC)
    calendar = _calendar(ws, ws.config.process.name)
    labels = load_labels(ws.root, ws.locale)
    for year in sorted(y for y in ws.cycles if y >= today.year):
        try:
            events = _year_events(ws, labels, year, stamp)
        except (DialogError, UsageError):
            continue  # a year the planner cannot plan has nothing to announce
        for event in events:
            if event.decoded("dtend") >= start:
                calendar.add_component(event)
    return _finish(calendar, today.year)


def _year_events(ws: Workspace, labels: Mapping[str, str], year: int, stamp: dt.datetime) -> list[Event]:
    """The events of a year's meetings; SEQUENCE from git for a meeting on file, 0 for one only planned."""
    cycle = ws.cycles.get(year)
    events: list[Event] = []
    for area_id, meeting in year_meetings(ws, year):
        on_file = cycle is not None and area_id in cycle.meetings and cycle.meetings[area_id].meeting is not None
        revision = meeting_revision(ws.root, year, area_id, meeting, stamp) if on_file else Revision(0, None)
        events.extend(meeting_events(ws, labels, meeting, stamp=stamp, revision=revision))
    return events


def _utc(now: dt.datetime | None) -> dt.datetime:
    # Calendar programs compare DTSTAMP to the second; a fraction would be written as is.
    return (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)


def _calendar(ws: Workspace, name: str) -> Calendar:
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", "-//dialogkit//dialog calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", ws.timezone)
    return calendar


def _finish(calendar: Calendar, year: int) -> bytes:
    calendar.add_missing_timezones(first_date=dt.date(year - 1, 1, 1), last_date=dt.date(year + 2, 1, 1))
    data: bytes = calendar.to_ical()
    return data


def _event(uid: str, summary: str, stamp: dt.datetime, revision: Revision, url: str | None) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("sequence", revision.sequence)
    event.add("last-modified", revision.modified or stamp)
    event.add("summary", summary)
    if url:
        event.add("url", url)
    return event


def _page(ws: Workspace, area_id: str) -> str | None:
    """The meeting's page on the status site, when dialog.yaml says where the site is published."""
    from dialogkit.layout import area_page_path

    base = ws.config.site.url
    return f"{str(base).rstrip('/')}/{area_page_path(area_id)}" if base is not None else None


def _at(day: dt.date, at: str, zone: ZoneInfo) -> dt.datetime:
    minutes = minutes_of(at)
    return dt.datetime(day.year, day.month, day.day, minutes // 60, minutes % 60, tzinfo=zone)


def _description(ws: Workspace, labels: Mapping[str, str], meeting: MeetingFile) -> str:
    """The agenda with clock times as the locale writes them, the host and the invitees, in the locale's words."""
    locale = ws.locale
    agenda = meeting.agenda if meeting.agenda is not None else list(ws.config.process.agenda)
    lines: list[str] = []
    if agenda:
        lines.append(f"{labels['agenda']}:")
        at = minutes_of(meeting.start)
        for item in agenda:
            key = "calendar_item_lead" if item.lead else "calendar_item"
            lines.append(fill(labels[key], start=clock(clock_of(at), locale), title=item.title, lead=item.lead))
            at += item.minutes
    host = ws.body(meeting.host or ws.config.process.host)
    if host is not None:
        lines.append(fill(labels["calendar_host"], host=host.name))
    if meeting.invitees:
        lines.append(fill(labels["calendar_invitees"], invitees=", ".join(meeting.invitee_names)))
    sign_up = meeting.sign_up or ws.config.invitations.sign_up
    if sign_up:
        lines.append(fill(labels["calendar_sign_up"], link=sign_up.removeprefix("mailto:")))
    return "\n".join(lines)

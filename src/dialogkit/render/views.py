"""View models of the meeting documents, invitation and agenda: plain values prepared for the templates, in words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

from dialogkit.dates import clock_of, minutes_of
from dialogkit.errors import DialogError, Finding
from dialogkit.layout import CONFIG_FILE, MEETING_FILE, meeting_path
from dialogkit.models.config import AgendaItem
from dialogkit.models.meeting import MeetingFile
from dialogkit.render.viewbase import DocumentView, area_name, document_base, meeting_title
from dialogkit.render.words import Labels, clock, date_in_words
from dialogkit.workspace import Meeting, Workspace


@dataclass(frozen=True)
class MeetingContext:
    """What every meeting document starts from: the workspace, the meeting and its words."""

    ws: Workspace
    meeting: Meeting
    labels: Labels

    @property
    def file(self) -> str:
        return self.ws.relative(self.meeting.folder / MEETING_FILE)


class AreaView(TypedDict):
    """The area a meeting is for, with the places in it and its partner associations."""

    id: str
    name: str
    in_text: str
    localities: list[str]
    partners: list[str]


class MeetingFacts(TypedDict):
    """When and where a meeting is, in words."""

    name: str
    own_title: bool
    date: str
    iso_date: str
    start: str
    end: str
    place: str | None


class HostView(TypedDict):
    """The body that hosts a meeting, and its chair."""

    name: str
    in_text: str
    chair: str | None


class MeetingView(DocumentView):
    """What every meeting document shows: who, when, where."""

    area: AreaView
    meeting: MeetingFacts
    host: HostView | None


class OfficialView(TypedDict):
    """An official who attends, with the department's name."""

    name: str
    department: str


class AgendaItemView(TypedDict):
    """One item of the agenda with its clock times."""

    start: str
    end: str
    title: str
    minutes: int
    lead: str | None


# The safety walk as the agenda gives it, before the meeting's items.
class AgendaWalkView(TypedDict):
    date: str
    start: str
    meeting_point: str | None


class AgendaView(MeetingView):
    """The agenda: each item with its clock time, and when the meeting ends."""

    items: list[AgendaItemView]
    ends: str
    safety_walk: AgendaWalkView | None


def find_meeting(ws: Workspace, year: int, area_id: str) -> Meeting:
    """The meeting of ``area_id`` in ``year``, with its meeting.yaml loaded."""
    cycle = ws.cycles.get(year)
    meeting = cycle.meetings.get(area_id) if cycle is not None else None
    if meeting is None or meeting.meeting is None:
        known = sorted(f"{y}/{a}" for y, c in ws.cycles.items() for a, m in c.meetings.items() if m.meeting is not None)
        hint = f"; meetings with a meeting.yaml: {', '.join(known)}" if known else ""
        raise DialogError(
            Finding(
                meeting_path(year, area_id, MEETING_FILE),
                1,
                1,
                "error",
                f"there is no meeting {year}/{area_id}: write its meeting.yaml (`dialog plan {year} --write` "
                f"starts one){hint}",
            )
        )
    return meeting


def agenda_items(ctx: MeetingContext) -> list[AgendaItem]:
    """The meeting's own agenda, or the process's standard one."""
    file = _file(ctx)
    return list(file.agenda if file.agenda is not None else ctx.ws.config.process.agenda)


def meeting_view(ctx: MeetingContext) -> MeetingView:
    """The values every meeting document shows: who, when, where."""
    ws, file, locale = ctx.ws, _file(ctx), ctx.ws.locale
    area = ws.area(ctx.meeting.area_id)
    host = ws.body(file.host or ws.config.process.host)
    return {
        **document_base(ws, ctx.labels, ctx.meeting.year),
        "area": {
            "id": ctx.meeting.area_id,
            "name": area_name(ws, ctx.meeting.area_id),
            "in_text": (area.in_text or area.name) if area is not None else ctx.meeting.area_id,
            "localities": list(area.localities) if area is not None else [],
            "partners": list(area.partners) if area is not None else [],
        },
        "meeting": {
            "name": meeting_title(ws, ctx.meeting, ctx.labels),
            "own_title": file.title is not None,
            "date": date_in_words(file.date, locale),
            "iso_date": file.date.isoformat(),
            "start": clock(file.start, locale),
            "end": clock(file.end, locale),
            "place": file.place,
        },
        "host": {"name": host.name, "in_text": host.in_text or host.name, "chair": host.chair}
        if host is not None
        else None,
    }


def agenda_view(ctx: MeetingContext) -> tuple[AgendaView, list[Finding]]:
    """The agenda with each item's clock time; a warning when the items run past the meeting's end."""
    file, locale = _file(ctx), ctx.ws.locale
    at = minutes_of(file.start)
    end = minutes_of(file.end)
    items: list[AgendaItemView] = []
    for item in agenda_items(ctx):
        items.append(
            {
                "start": clock(clock_of(at), locale),
                "end": clock(clock_of(at + item.minutes), locale),
                "title": item.title,
                "minutes": item.minutes,
                "lead": item.lead,
            }
        )
        at += item.minutes
    findings = []
    if at > end:
        over = at - end
        message = (
            f"the agenda's items take {at - minutes_of(file.start)} minutes and run {over} minutes past the "
            f"meeting's end at {file.end}: shorten items or move the end"
        )
        findings.append(_overrun_finding(ctx, message))
    walk = file.safety_walk
    view: AgendaView = {
        **meeting_view(ctx),
        "items": items,
        "ends": clock(clock_of(max(at, end)), locale),
        "safety_walk": {
            "date": date_in_words(walk.date, locale),
            "start": clock(walk.start, locale),
            "meeting_point": walk.meeting_point,
        }
        if walk is not None
        else None,
    }
    return view, findings


def _overrun_finding(ctx: MeetingContext, message: str) -> Finding:
    file = _file(ctx)
    if file.agenda is not None and "meeting" in ctx.meeting.docs:
        return ctx.meeting.docs["meeting"].finding(("agenda",), message, "warning")
    if file.agenda is None and CONFIG_FILE in ctx.ws.docs:
        return ctx.ws.docs[CONFIG_FILE].finding(
            ("process", "agenda"), message + " (the agenda is the process's standard one)", "warning"
        )
    return Finding(ctx.file, 1, 1, "warning", message)


def _file(ctx: MeetingContext) -> MeetingFile:
    assert ctx.meeting.meeting is not None  # find_meeting guarantees it
    return ctx.meeting.meeting

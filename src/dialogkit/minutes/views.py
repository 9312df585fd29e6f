"""View models of the minutes: one meeting's minutes and the year's compilation, in words."""

from __future__ import annotations

from typing import TypedDict

from dialogkit.minutes.markdown import fit_markdown
from dialogkit.minutes.year import Entry, YearMinutes
from dialogkit.render.viewbase import DocumentView, document_base
from dialogkit.render.words import Labels, clock, date_in_words, fill, short_date
from dialogkit.workspace import Workspace

KEY_CONCLUSIONS = 2  # how many conclusions per meeting the overview shows


class EntryView(TypedDict):
    """One meeting with its minutes: when, where, who came, the conclusions and the text."""

    ref: str
    name: str
    date: str
    short_date: str
    iso_date: str
    start: str | None
    end: str | None
    place: str | None
    host: str | None
    has_minutes: bool
    present: list[str]
    absent: list[str]
    minutes_by: str | None
    conclusions: list[str]
    text: str  # staff-written Markdown, its headings nested


class ReferatView(DocumentView):
    """One meeting's minutes."""

    meeting: EntryView


class OverviewItem(TypedDict):
    """One meeting in the compilation's overview: its first conclusions and how many more there are."""

    name: str
    date: str
    short_date: str
    key_conclusions: list[str]
    more: int


class CompilationView(DocumentView):
    """The year's compilation: an overview, then each meeting's minutes in date order."""

    title: str
    overview: list[OverviewItem]
    meetings: list[EntryView]
    missing: list[str]  # the meetings without minutes, with their dates
    attachment_of: str | None  # "Vedlegg 1 til sak 22/1380" when the council document has a case number


def compilation_title(ws: Workspace, labels: Labels, year: int) -> str:
    """The compilation's title, which the council document also lists as its first attachment."""
    return fill(labels["referat_compilation_title"], year=year, process=ws.config.process.name)


def entry_view(ws: Workspace, entry: Entry, top: int, note_prefix: str = "") -> EntryView:
    """One meeting with its minutes; the minutes' own headings start at level ``top``."""
    locale, file, referat = ws.locale, entry.meeting.meeting, entry.referat
    view: EntryView = {
        "ref": entry.ref,
        "name": entry.name,
        "date": date_in_words(entry.date, locale),
        "short_date": short_date(entry.date, locale),
        "iso_date": entry.date.isoformat(),
        "start": clock(file.start, locale) if file is not None else None,
        "end": clock(file.end, locale) if file is not None else None,
        "place": file.place if file is not None else None,
        "host": entry.host,
        "has_minutes": referat is not None,
        "present": [],
        "absent": [],
        "minutes_by": None,
        "conclusions": [],
        "text": "",
    }
    if referat is not None:
        view |= {
            "present": list(referat.front.present),
            "absent": list(referat.front.absent),
            "minutes_by": referat.front.minutes_by,
            "conclusions": list(referat.front.conclusions),
            "text": fit_markdown(referat.body, top, note_prefix),
        }
    return view


def referat_view(ws: Workspace, labels: Labels, entry: Entry) -> ReferatView:
    """One meeting's minutes: the meeting first-level sections, the minutes' text below them."""
    return {**document_base(ws, labels, entry.meeting.year), "meeting": entry_view(ws, entry, top=2)}


def missing_meetings(ws: Workspace, minutes: YearMinutes) -> list[str]:
    """The year's meetings without minutes, each with its date: "Kultur (19. mai)"."""
    return [f"{e.name} ({short_date(e.date, ws.locale)})" for e in minutes.entries if e.referat is None]


def compilation_view(
    ws: Workspace, labels: Labels, minutes: YearMinutes, case_reference: str | None = None
) -> CompilationView:
    """The year's compilation: an overview, then each meeting's minutes in date order.

    With the council document's ``case_reference`` it says that it is the case's first attachment.
    """
    meetings = [
        entry_view(ws, entry, top=3, note_prefix=f"m{index}")
        for index, entry in enumerate(minutes.with_minutes, start=1)
    ]
    overview: list[OverviewItem] = [
        {
            "name": m["name"],
            "date": m["date"],
            "short_date": m["short_date"],
            "key_conclusions": m["conclusions"][:KEY_CONCLUSIONS],
            "more": max(0, len(m["conclusions"]) - KEY_CONCLUSIONS),
        }
        for m in meetings
    ]
    attachment_of = fill(labels["referat_attachment_of"], number=1, case=case_reference) if case_reference else None
    return {
        **document_base(ws, labels, minutes.year),
        "title": compilation_title(ws, labels, minutes.year),
        "overview": overview,
        "meetings": meetings,
        "missing": missing_meetings(ws, minutes),
        "attachment_of": attachment_of,
    }

"""View models of the minutes: one meeting's minutes and the year's compilation, in words."""

from __future__ import annotations

from typing import Any

from dialogkit.minutes.markdown import fit_markdown
from dialogkit.minutes.year import Entry, YearMinutes
from dialogkit.render.words import Labels, clock, date_in_words, fill, short_date
from dialogkit.workspace import Workspace

KEY_CONCLUSIONS = 2  # how many conclusions per meeting the overview shows


def compilation_title(ws: Workspace, labels: Labels, year: int) -> str:
    """The compilation's title, which the council document also lists as its first attachment."""
    return fill(labels["referat_compilation_title"], year=year, process=ws.config.process.name)


def base_view(ws: Workspace, labels: Labels, year: int) -> dict[str, Any]:
    """What every minutes document shows: the words, the municipality, the process, the year."""
    return {
        "L": dict(labels),
        "locale": ws.locale,
        "year": year,
        "municipality": ws.config.municipality.name,
        "process": {"name": ws.config.process.name, "kind": ws.config.process.kind},
    }


def entry_view(ws: Workspace, entry: Entry, top: int, note_prefix: str = "") -> dict[str, Any]:
    """One meeting with its minutes; the minutes' own headings start at level ``top``."""
    locale, file, referat = ws.locale, entry.meeting.meeting, entry.referat
    view: dict[str, Any] = {
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


def referat_view(ws: Workspace, labels: Labels, entry: Entry) -> dict[str, Any]:
    """One meeting's minutes: the meeting first-level sections, the minutes' text below them."""
    return {**base_view(ws, labels, entry.meeting.year), "meeting": entry_view(ws, entry, top=2)}


def compilation_view(ws: Workspace, labels: Labels, minutes: YearMinutes) -> dict[str, Any]:
    """The year's compilation: an overview, then each meeting's minutes in date order."""
    meetings = [
        entry_view(ws, entry, top=3, note_prefix=f"m{index}")
        for index, entry in enumerate(minutes.with_minutes, start=1)
    ]
    overview = [
        {
            "name": m["name"],
            "date": m["date"],
            "short_date": m["short_date"],
            "key_conclusions": m["conclusions"][:KEY_CONCLUSIONS],
            "more": max(0, len(m["conclusions"]) - KEY_CONCLUSIONS),
        }
        for m in meetings
    ]
    missing = [f"{e.name} ({short_date(e.date, ws.locale)})" for e in minutes.entries if e.referat is None]
    return {
        **base_view(ws, labels, minutes.year),
        "title": compilation_title(ws, labels, minutes.year),
        "overview": overview,
        "meetings": meetings,
        "missing": missing,
    }

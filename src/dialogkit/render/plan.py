"""The plan document: the year's meetings for the committee, with a timeline picture."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from dialogkit.layout import PLAN_FILE, cycle_path
from dialogkit.render.pipeline import Document, Rendered, render_document, setting_of
from dialogkit.render.timeline import TimelineMeeting, TimelineSpan, timeline_png
from dialogkit.render.viewbase import DocumentView, area_name, document_base
from dialogkit.render.words import Labels, clock, date_in_words, load_labels, month_name, season_label, short_date
from dialogkit.workspace import Workspace

if TYPE_CHECKING:
    from dialogkit.planning.values import YearSchedule

TIMELINE = "timeline.png"


class PlannedMeetingView(TypedDict):
    """One planned meeting, in words."""

    area: str
    date: str
    short_date: str
    start: str
    end: str
    season: str | None
    fixed: bool


class PlanView(DocumentView):
    """The plan: the year's meetings, whether it is an election year, and the timeline's text alternative."""

    election_year: bool
    election_month: str | None
    meetings: list[PlannedMeetingView]
    timeline: str | None
    timeline_alt: str


def render_plan_document(ws: Workspace, year: int, formats: Iterable[str], out: Path | None = None) -> Rendered:
    """Render the plan of ``year`` to build/YEAR/plan.FORMAT; the planner's warnings come back."""
    from dialogkit.planning import plan_year, season_windows

    plan = plan_year(ws, year)
    labels = load_labels(ws.root, ws.locale)
    view = plan_view(ws, plan, labels)
    windows = season_windows(ws, year)
    seasons = ws.config.process.seasons
    spans = [TimelineSpan(season_label(seasons, labels, w.name) or w.name, w.first, w.last) for w in windows]
    dots = [TimelineMeeting(_short_name(ws, m.area), m.date) for m in plan.meetings]
    months = [month_name(m, ws.locale) for m in range(1, 13)]
    resources = {TIMELINE: functools.partial(timeline_png, year, spans, dots, months)} if plan.meetings else {}
    title = f"{labels['plan']}: {ws.config.process.name} {year}"
    doc = Document(
        name="plan",
        template="plan.md.j2",
        view=view,
        title=title,
        folder=Path(str(year)),
        source=cycle_path(year, PLAN_FILE),
        resources=resources,
    )
    rendered = render_document(setting_of(ws, out), doc, formats)
    return Rendered(rendered.written, [*plan.warnings, *rendered.warnings])


def plan_view(ws: Workspace, plan: YearSchedule, labels: Labels) -> PlanView:
    """The plan as plain values in words, for templates/plan.md.j2."""
    locale = ws.locale
    meetings: list[PlannedMeetingView] = [
        {
            "area": area_name(ws, meeting.area),
            "date": date_in_words(meeting.date, locale),
            "short_date": short_date(meeting.date, locale),
            "start": clock(meeting.start, locale),
            "end": clock(meeting.end, locale),
            "season": season_label(ws.config.process.seasons, labels, meeting.season),
            "fixed": meeting.fixed,
        }
        for meeting in plan.meetings
    ]
    autumn = ws.config.process.election_year
    return {
        **document_base(ws, labels, plan.year),
        "election_year": plan.election_year,
        "election_month": month_name(autumn.autumn_month, locale) if autumn is not None else None,
        "meetings": meetings,
        "timeline": TIMELINE if plan.meetings else None,
        "timeline_alt": ", ".join(f"{m['area']} {m['short_date']}" for m in meetings),
    }


def _short_name(ws: Workspace, area_id: str) -> str:
    name = area_name(ws, area_id)
    process = ws.config.process.name
    # "Träffpunkt Högvad" on a Träffpunkt timeline reads as "Högvad".
    return name[len(process) :].strip() if name.startswith(process + " ") else name

"""The status site's view models: plain values in words, free of personal data.

What a page may show: areas, dates, the conclusions and priority issues, work groups
with their convener as a role and department, their members (associations and roles:
`dialog check` warns of one that looks like a person's name), actions and their dated
updates. What it never shows: who attended a meeting, who wrote the minutes, or anything
from a survey export.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypedDict

from dialogkit.dates import meeting_date
from dialogkit.followup.model import GroupView, group_view
from dialogkit.followup.words import group_status_word, long_date, status_word
from dialogkit.layout import SITE_AREAS_DIR
from dialogkit.models.workgroups import ACTION_STATUSES, Workgroup
from dialogkit.render.viewbase import TemplateView
from dialogkit.site.schedule import last_meetings, next_meetings
from dialogkit.workspace import Meeting, Workspace


class NavItem(TypedDict):
    """A link to an area's page in the navigation."""

    id: str
    name: str
    href: str


class SiteView(TemplateView):
    """What every page of the site shows alike: its frame, the navigation and the footer."""

    lang: str
    website: str | None
    process: str  # the process's name
    today: str
    nav: list[NavItem]


class PageView(SiteView):
    """What a page adds to the frame: where it is."""

    root: str  # the way back to the site's root from the page: "" or "../"
    current: str | None  # the id of the area whose page it is


class Progress(TypedDict):
    """How far a group's or an area's actions have come."""

    groups: int
    actions: int
    closed: int
    overdue: int
    percent: int


class AreaSummary(TypedDict):
    """An area as the index lists it: when it last met, when it meets next, its progress."""

    id: str
    name: str
    href: str
    last: str | None
    next: str | None
    preliminary: bool  # the next meeting is the planner's projection, not on file
    progress: Progress


class PriorityIssues(TypedDict):
    """The priority issues one meeting recorded."""

    date: str
    issues: list[str]


class UpdateItem(TypedDict):
    """An action's dated update."""

    date: str
    iso: str
    text: str


class ActionItem(TypedDict):
    """An action with its status in words and its dated updates."""

    text: str
    owner: str
    due: str | None
    status: str
    status_text: str
    overdue: bool
    updates: list[UpdateItem]


class StatusCount(TypedDict):
    """How many of a group's actions have one status."""

    name: str
    count: int


class GroupItem(TypedDict):
    """A work group: when it was formed, its convener as a role and department, its progress and actions."""

    id: str
    name: str
    formed: str
    convener: str
    department: str
    status: str
    members: list[str]
    progress: Progress
    counts: list[StatusCount]
    actions: list[ActionItem]


class AreaDetail(AreaSummary):
    """An area on its own page: its places, partners, priority issues and work groups."""

    localities: list[str]
    partners: list[str]
    priorities: list[PriorityIssues]
    groups: list[GroupItem]


class IndexView(PageView):
    """The index: every area, when it had its dialogue and how its work groups are getting on."""

    areas: list[AreaSummary]


class AreaPageView(PageView):
    """One area's page."""

    area: AreaDetail


@dataclass(frozen=True)
class SitePage:
    """One page of the site: its path under site/, its template and its view."""

    path: str  # index.html, areas/hogvad.html
    template: str
    view: IndexView | AreaPageView


def area_page_path(area_id: str) -> str:
    """Where an area's page lives inside the site; area ids are slugs, safe as file names."""
    return f"{SITE_AREAS_DIR}/{area_id}.html"


def priority_issues(ws: Workspace, meeting: Meeting) -> list[str]:
    """The priority issues a meeting recorded.

    Seam: the survey analysis (dialogkit.survey) will add each area's priority issues
    from its survey; until it does, the minutes' conclusions (referat.md front matter)
    are the priority issues. Only this function needs to change.
    """
    return list(meeting.referat.front.conclusions) if meeting.referat is not None else []


def site_pages(ws: Workspace, labels: Mapping[str, str], today: dt.date) -> list[SitePage]:
    """Every page of the site: the index and one page per area, with their views."""
    common = _common(ws, labels, today)
    last = last_meetings(ws, today)
    coming = next_meetings(ws, today)
    areas: list[AreaSummary] = []
    pages = []
    for area in ws.areas:
        meetings = _meetings_of(ws, area.id)
        # Newest meeting first; a meeting's groups in the order of its workgroups.yaml.
        groups = [(m, group_view(ws, g, today)) for m in reversed(meetings) for g in _groups_of(m)]
        next_meeting = coming.get(area.id)
        summary: AreaSummary = {
            "id": area.id,
            "name": area.name,
            "href": area_page_path(area.id),
            "last": long_date(last[area.id], ws.locale) if area.id in last else None,
            "next": long_date(next_meeting.date, ws.locale) if next_meeting else None,
            "preliminary": bool(next_meeting and next_meeting.preliminary),
            "progress": _progress([g for _, g in groups]),
        }
        areas.append(summary)
        view: AreaPageView = {
            **common,
            "root": "../",
            "current": area.id,
            "area": {
                **summary,
                "localities": list(area.localities),
                "partners": list(area.partners),
                "priorities": [
                    {"date": _date_or_year(ws, m), "issues": issues}
                    for m in reversed(meetings)
                    if (issues := priority_issues(ws, m))
                ],
                "groups": [_group(ws, labels, m, g) for m, g in groups],
            },
        }
        pages.append(SitePage(area_page_path(area.id), "site/area.html.j2", view))
    index_view: IndexView = {**common, "root": "", "current": None, "areas": areas}
    index = SitePage("index.html", "site/index.html.j2", index_view)
    return [index, *pages]


def _common(ws: Workspace, labels: Mapping[str, str], today: dt.date) -> SiteView:
    municipality = ws.config.municipality
    return {
        "L": dict(labels),
        "lang": ws.locale,
        "municipality": municipality.name,
        "website": str(municipality.website) if municipality.website else None,
        "process": ws.config.process.name,
        "today": long_date(today, ws.locale),
        "nav": [{"id": a.id, "name": a.name, "href": area_page_path(a.id)} for a in ws.areas],
    }


def _meetings_of(ws: Workspace, area_id: str) -> list[Meeting]:
    found = [c.meetings[area_id] for _, c in sorted(ws.cycles.items()) if area_id in c.meetings]
    return sorted(found, key=lambda m: (m.year, meeting_date(ws, m) or dt.date(m.year, 12, 31)))


def _groups_of(meeting: Meeting) -> list[Workgroup]:
    return list(meeting.workgroups.workgroups) if meeting.workgroups is not None else []


def _date_or_year(ws: Workspace, meeting: Meeting) -> str:
    when = meeting_date(ws, meeting)
    return long_date(when, ws.locale) if when is not None else str(meeting.year)


def _progress(groups: list[GroupView]) -> Progress:
    actions = [a for g in groups for a in g.actions]
    closed = sum(1 for a in actions if a.status in ("done", "cancelled"))
    return {
        "groups": len(groups),
        "actions": len(actions),
        "closed": closed,
        "overdue": sum(1 for a in actions if a.overdue),
        "percent": round(100 * closed / len(actions)) if actions else 0,
    }


def _group(ws: Workspace, labels: Mapping[str, str], meeting: Meeting, group: GroupView) -> GroupItem:
    counts = {s: group.count(s) for s in ACTION_STATUSES}
    return {
        "id": f"{meeting.year}-{group.id}",
        "name": group.name,
        "formed": _date_or_year(ws, meeting),
        "convener": group.convener,
        "department": group.convener_department,
        "status": group_status_word(labels, group.status),
        "members": list(group.members),
        "progress": _progress([group]),
        "counts": [{"name": status_word(labels, s), "count": counts[s]} for s in ACTION_STATUSES],
        "actions": [
            {
                "text": a.text,
                "owner": a.owner,
                "due": long_date(a.due, ws.locale) if a.due else None,
                "status": a.status,
                "status_text": status_word(labels, a.status),
                "overdue": a.overdue,
                "updates": [
                    {"date": long_date(u.date, ws.locale), "iso": u.date.isoformat(), "text": u.text} for u in a.updates
                ],
            }
            for a in group.actions
        ],
    }

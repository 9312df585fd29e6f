"""The status site's view models: plain values in words, free of personal data.

What a page may show: areas, dates, the conclusions, the survey's themes as counts (a
small group left out), work groups with their convener as a role and department, their
members (associations and roles: `dialog check` warns of one that looks like a person's
name), actions and their dated updates. What it never shows: who attended a meeting, who
wrote the minutes, or anything a resident wrote in a survey.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypedDict

from markupsafe import Markup

from dialogkit.dates import meeting_date
from dialogkit.followup.model import GroupView, group_view
from dialogkit.followup.words import group_status_word, long_date, money, status_word
from dialogkit.layout import (
    SITE_ACTIONS_CSV,
    SITE_CALENDAR,
    SITE_DATA_DIR,
    SITE_DATA_JSON,
    SITE_FEED,
    SITE_MEETINGS_CSV,
    SITE_THEMES_CSV,
    area_feed_path,
    area_page_path,
)
from dialogkit.models.workgroups import ACTION_STATUSES, Workgroup
from dialogkit.render.viewbase import TemplateView
from dialogkit.render.words import fill
from dialogkit.site.documents import DocumentLink, Published, links
from dialogkit.site.feedback import LinkItem, YouSaid, action_anchor, said_anchor, survey_counts, you_said
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


class FeedLink(TypedDict):
    """A feed, calendar or data file every page links to, in its head and its footer."""

    href: str
    type: str  # its media type
    text: str
    alternate: bool  # a feed of this page: listed in the page's head as well


class PageView(SiteView):
    """What a page adds to the frame: where it is, and what it can be subscribed to."""

    root: str  # the way back to the site's root from the page: "" or "../"
    current: str | None  # the id of the area whose page it is
    feeds: list[FeedLink]
    data_files: list[LinkItem]  # the open data
    jsonld: str | None  # schema.org data about the page's meetings, JSON already made safe for a <script>


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
    funds: str | None
    updates: list[UpdateItem]
    anchor: str
    answers: list[LinkItem]  # what it answers, on the same page


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


class Dialogue(TypedDict):
    """One meeting of an area: its documents, what residents said, and the work groups and actions that followed."""

    year: int
    anchor: str
    heading: str
    documents: list[DocumentLink]
    said: YouSaid
    groups: list[GroupItem]


class YearDocuments(TypedDict):
    """A year's published documents, as the index lists them."""

    heading: str
    documents: list[DocumentLink]


class AreaDetail(AreaSummary):
    """An area on its own page: its places, partners, and each dialogue's "you said, we did"."""

    localities: list[str]
    partners: list[str]
    dialogues: list[Dialogue]


class IndexView(PageView):
    """The index: every area, when it had its dialogue and how its work groups are getting on; the years' documents."""

    areas: list[AreaSummary]
    years: list[YearDocuments]


class AreaPageView(PageView):
    """One area's page."""

    area: AreaDetail


JsonLd = Callable[[str], "str | None"]  # an area's schema.org events, or None


@dataclass(frozen=True)
class SitePage:
    """One page of the site: its path under site/, its template and its view."""

    path: str  # index.html, areas/hogvad.html
    template: str
    view: IndexView | AreaPageView


def site_pages(
    ws: Workspace, labels: Mapping[str, str], today: dt.date, jsonld: JsonLd, documents: list[Published]
) -> list[SitePage]:
    """Every page of the site: the index and one page per area, with their views.

    ``jsonld`` gives an area's schema.org events as JSON safe inside a script element;
    ``documents`` are the public documents the site publishes.
    """
    common = _common(ws, labels, today)
    last = last_meetings(ws, today)
    coming = next_meetings(ws, today)
    k = ws.config.survey.min_group_size
    areas: list[AreaSummary] = []
    pages = []
    for area in ws.areas:
        meetings = list(reversed(meetings_of(ws, area.id)))  # newest first
        dialogues = [_dialogue(ws, labels, m, today, k) for m in meetings]
        for dialogue, _ in dialogues:
            found = links(labels, documents, dialogue["year"], area.id, ws.locale)
            dialogue["documents"] = [{"text": d["text"], "href": "../" + d["href"]} for d in found]
        next_meeting = coming.get(area.id)
        summary: AreaSummary = {
            "id": area.id,
            "name": area.name,
            "href": area_page_path(area.id),
            "last": long_date(last[area.id], ws.locale) if area.id in last else None,
            "next": long_date(next_meeting.date, ws.locale) if next_meeting else None,
            "preliminary": bool(next_meeting and next_meeting.preliminary),
            "progress": _progress([g for d in dialogues for g in d[1]]),
        }
        areas.append(summary)
        view: AreaPageView = {
            **common,
            "root": "../",
            "current": area.id,
            "feeds": _feeds(labels, "../", area.id, area.name),
            "data_files": _data_files(labels, "../"),
            # Markup: script_json made it safe inside <script>, where HTML escapes would corrupt it.
            "jsonld": Markup(events) if (events := jsonld(area.id)) is not None else None,
            "area": {
                **summary,
                "localities": list(area.localities),
                "partners": list(area.partners),
                "dialogues": [d[0] for d in dialogues],
            },
        }
        pages.append(SitePage(area_page_path(area.id), "site/area.html.j2", view))
    index_view: IndexView = {
        **common,
        "root": "",
        "current": None,
        "feeds": _feeds(labels, "", None, None),
        "data_files": _data_files(labels, ""),
        "jsonld": None,
        "areas": areas,
        "years": [
            {"heading": fill(labels["site_documents_of"], year=year), "documents": found}
            for year in sorted(ws.cycles, reverse=True)
            if (found := links(labels, documents, year, None, ws.locale))
        ],
    }
    index = SitePage("index.html", "site/index.html.j2", index_view)
    return [index, *pages]


def _feeds(labels: Mapping[str, str], root: str, area_id: str | None, area_name: str | None) -> list[FeedLink]:
    found: list[FeedLink] = [
        {"href": root + SITE_FEED, "type": "application/atom+xml", "text": labels["site_feed"], "alternate": True},
        {"href": root + SITE_CALENDAR, "type": "text/calendar", "text": labels["site_calendar"], "alternate": False},
    ]
    if area_id is not None and area_name is not None:
        text = fill(labels["site_feed_area"], area=area_name)
        found.insert(
            0, {"href": root + area_feed_path(area_id), "type": "application/atom+xml", "text": text, "alternate": True}
        )
    return found


def _data_files(labels: Mapping[str, str], root: str) -> list[LinkItem]:
    files = {
        SITE_DATA_JSON: "site_data_json",
        SITE_MEETINGS_CSV: "site_data_meetings",
        SITE_ACTIONS_CSV: "site_data_actions",
        SITE_THEMES_CSV: "site_data_themes",
    }
    return [{"href": f"{root}{SITE_DATA_DIR}/{name}", "text": labels[label]} for name, label in files.items()]


def _dialogue(
    ws: Workspace, labels: Mapping[str, str], meeting: Meeting, today: dt.date, k: int
) -> tuple[Dialogue, list[GroupView]]:
    """One meeting's "you said, we did", and its groups for the area's progress."""
    groups = [group_view(ws, g, today) for g in _groups_of(meeting)]
    answered_by: dict[str, list[LinkItem]] = {}
    for group in _groups_of(meeting):
        for index, action in enumerate(group.actions):
            for ref in action.answers:
                link: LinkItem = {"text": action.text, "href": "#" + action_anchor(meeting.year, group.id, index)}
                answered_by.setdefault(ref, []).append(link)
    said = you_said(labels, meeting, survey_counts(ws, meeting, k), answered_by)
    names = {
        i["anchor"]: f"{i['text']} ({i['count']})" if i["count"] else i["text"]
        for i in [*said["themes"], *said["conclusions"]]
    }
    dialogue: Dialogue = {
        "year": meeting.year,
        "anchor": f"dialogue-{meeting.year}",
        "heading": fill(labels["site_dialogue_heading"], date=_date_or_year(ws, meeting)),
        "documents": [],
        "said": said,
        "groups": [
            _group(ws, labels, meeting, view, raw, names) for view, raw in zip(groups, _groups_of(meeting), strict=True)
        ],
    }
    return dialogue, groups


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


def meetings_of(ws: Workspace, area_id: str) -> list[Meeting]:
    """An area's meetings on file, oldest first."""
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


def _group(
    ws: Workspace,
    labels: Mapping[str, str],
    meeting: Meeting,
    group: GroupView,
    raw: Workgroup,
    names: Mapping[str, str],
) -> GroupItem:
    counts = {s: group.count(s) for s in ACTION_STATUSES}
    country = ws.config.municipality.country
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
                "funds": money(a.funds, country, ws.locale) if a.funds else None,
                "updates": [
                    {"date": long_date(u.date, ws.locale), "iso": u.date.isoformat(), "text": u.text} for u in a.updates
                ],
                "anchor": action_anchor(meeting.year, group.id, index),
                "answers": [
                    {"text": names[anchor], "href": "#" + anchor}
                    for ref in action.answers
                    if (anchor := said_anchor(meeting.year, ref)) in names
                ],
            }
            for index, (a, action) in enumerate(zip(group.actions, raw.actions, strict=True))
        ],
    }

"""Open data: the meetings, actions and survey counts the site shows, as versioned JSON and CSV, and as schema.org events.

The shape is documented in docs/site.md; ``OPEN_DATA_VERSION`` changes whenever a key
is renamed or removed (adding a key does not change it). Text is published as plain
text: control characters are left out, markup stays text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from dialogkit.dates import minutes_of
from dialogkit.layout import SITE_ACTIONS_CSV, SITE_MEETINGS_CSV, SITE_THEMES_CSV, area_page_path
from dialogkit.models.base import CONTROL_CHARACTER
from dialogkit.models.meeting import MeetingFile
from dialogkit.site.feedback import SurveyCounts, action_anchor
from dialogkit.survey.responses import spreadsheet_safe
from dialogkit.workspace import Meeting, Workspace

OPEN_DATA_VERSION = 1
MEETING_COLUMNS = ("year", "area", "area_name", "date", "start", "end", "place", "safety_walk_date", "page")
ACTION_COLUMNS = (
    "year", "area", "group", "group_name", "number", "text", "owner", "owner_name",
    "status", "due", "funds", "answers", "updates", "latest_update_date", "latest_update", "page",
)  # fmt: skip
THEME_COLUMNS = ("year", "area", "theme", "name", "count")
CSV_FILES = {SITE_MEETINGS_CSV: MEETING_COLUMNS, SITE_ACTIONS_CSV: ACTION_COLUMNS, SITE_THEMES_CSV: THEME_COLUMNS}


def plain(text: str) -> str:
    """Text fit for XML and JSON alike: control characters left out (`dialog check` reports them)."""
    return CONTROL_CHARACTER.sub("", text)


@dataclass(frozen=True)
class OpenData:
    """Everything the site publishes as data, as rows of plain values."""

    header: dict[str, Any]
    meetings: list[dict[str, Any]]
    actions: list[dict[str, Any]]
    themes: list[dict[str, Any]]

    def json(self) -> str:
        """The JSON document: its version, the workspace's header and the three lists."""
        document = {**self.header, "meetings": self.meetings, "actions": self.actions, "survey_themes": self.themes}
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"

    def csv(self, name: str) -> str:
        """One of the CSV files: a header line and a row per item; lists joined by " | "."""
        rows = {SITE_MEETINGS_CSV: self.meetings, SITE_ACTIONS_CSV: self.actions, SITE_THEMES_CSV: self.themes}[name]
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        columns = CSV_FILES[name]
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row[c]) for c in columns])
        return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return spreadsheet_safe(" | ".join(u["date"] + " " + u["text"] if isinstance(u, dict) else u for u in value))
    return spreadsheet_safe(str(value))


def open_data(
    ws: Workspace, meetings: list[Meeting], surveys: dict[tuple[int, str], SurveyCounts], today: dt.date
) -> OpenData:
    """The site's open data over ``meetings`` (each area's, in date order) and their survey counts."""
    municipality = ws.config.municipality
    header = {
        "version": OPEN_DATA_VERSION,
        "municipality": municipality.name,
        "country": municipality.country,
        "locale": ws.locale,
        "process": ws.config.process.name,
        "generated": today.isoformat(),
    }
    data = OpenData(header, [], [], [])
    for meeting in meetings:
        page = f"{area_page_path(meeting.area_id)}#dialogue-{meeting.year}"
        area = ws.area(meeting.area_id)
        area_name = area.name if area is not None else meeting.area_id
        if meeting.meeting is not None:
            data.meetings.append(_meeting_row(meeting.year, area_name, meeting.meeting, page))
        data.actions.extend(_action_rows(ws, meeting, page))
        survey = surveys.get((meeting.year, meeting.area_id))
        for theme in survey.themes if survey is not None else ():
            data.themes.append(
                {
                    "year": meeting.year,
                    "area": meeting.area_id,
                    "theme": theme.ref,
                    "name": theme.name or None,
                    "count": theme.count,
                }
            )
    return data


def _meeting_row(year: int, area_name: str, m: MeetingFile, page: str) -> dict[str, Any]:
    return {
        "year": year,
        "area": m.area,
        "area_name": plain(area_name),
        "date": m.date.isoformat(),
        "start": m.start,
        "end": m.end,
        "place": plain(m.place) if m.place else None,
        "safety_walk_date": m.safety_walk.date.isoformat() if m.safety_walk else None,
        "page": page,
    }


def _action_rows(ws: Workspace, meeting: Meeting, page: str) -> list[dict[str, Any]]:
    rows = []
    for group in meeting.workgroups.workgroups if meeting.workgroups is not None else ():
        for index, action in enumerate(group.actions):
            owner = ws.department(action.owner)
            updates = [{"date": u.date.isoformat(), "text": plain(u.text)} for u in action.updates]
            latest = max(updates, key=lambda u: u["date"]) if updates else None
            rows.append(
                {
                    "year": meeting.year,
                    "area": meeting.area_id,
                    "group": group.id,
                    "group_name": plain(group.name),
                    "number": index + 1,
                    "text": plain(action.text),
                    "owner": action.owner,
                    "owner_name": owner.name if owner is not None else None,
                    "status": action.status,
                    "due": action.due.isoformat() if action.due else None,
                    "funds": action.funds,
                    "answers": list(action.answers),
                    "updates": updates,
                    "latest_update_date": latest["date"] if latest else None,
                    "latest_update": latest["text"] if latest else None,
                    "page": page.split("#")[0] + "#" + action_anchor(meeting.year, group.id, index),
                }
            )
    return rows


def meeting_events(ws: Workspace, meetings: list[Meeting], base: str) -> str | None:
    """The meetings and safety walks as schema.org Events (JSON-LD), safe to put inside a <script> element."""
    zone = ZoneInfo(ws.timezone)
    municipality = ws.config.municipality
    organizer: dict[str, Any] = {"@type": "GovernmentOrganization", "name": plain(municipality.name)}
    if municipality.website is not None:
        organizer["url"] = str(municipality.website)
    events: list[dict[str, Any]] = []
    for meeting in meetings:
        m = meeting.meeting
        if m is None:
            continue
        area = ws.area(m.area)
        name = plain(m.title or (area.name if area is not None else m.area))
        place = m.place or (", ".join(area.localities) if area is not None else "") or name
        event: dict[str, Any] = {
            "@type": "Event",
            "name": name,
            "startDate": _at(m.date, m.start, zone),
            "endDate": _at(m.date, m.end, zone),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "isAccessibleForFree": True,
            "inLanguage": ws.locale,
            "location": {
                "@type": "Place",
                "name": plain(place),
                "address": {"@type": "PostalAddress", "addressCountry": municipality.country},
            },
            "organizer": organizer,
            "url": f"{base}{area_page_path(m.area)}#dialogue-{meeting.year}",
        }
        events.append(event)
    if not events:
        return None
    return script_json({"@context": "https://schema.org", "@graph": events})


def script_json(value: Any) -> str:
    """JSON that cannot end or open anything inside an HTML <script> element: <, > and & as \\u escapes."""
    text = json.dumps(value, ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _at(day: dt.date, clock: str, zone: ZoneInfo) -> str:
    minutes = minutes_of(clock)
    return dt.datetime(day.year, day.month, day.day, minutes // 60, minutes % 60, tzinfo=zone).isoformat()

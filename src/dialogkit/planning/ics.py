"""The year's meetings as calendars see them: from meeting.yaml where it exists, else the plan.

The events themselves are built in :mod:`dialogkit.render.calendar`, in the locale's words.
"""

from __future__ import annotations

import re
import unicodedata

from dialogkit.models.meeting import MeetingFile
from dialogkit.planning.scheduler import plan_year
from dialogkit.planning.values import ScheduledMeeting
from dialogkit.workspace import Workspace


def slug(text: str) -> str:
    """An ASCII slug of a name: "Svenljunga kommun" -> "svenljunga-kommun"."""
    text = text.lower().replace("ø", "o").replace("æ", "ae").replace("ß", "ss")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "municipality"


def year_meetings(ws: Workspace, year: int) -> list[tuple[str, MeetingFile]]:
    """Each meeting of the year as a meeting file, in date order: the real one, or one made from the plan."""
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

"""`dialog plan YEAR` as a table in the workspace's language."""

from __future__ import annotations

from dialogkit.planning import YearSchedule
from dialogkit.render.viewbase import area_name
from dialogkit.render.words import load_labels, season_label
from dialogkit.terminal.words import Table, Words
from dialogkit.workspace import Workspace


def plan_table(ws: Workspace, schedule: YearSchedule) -> Table | None:
    """The year's planned meetings, one row each: day, time, area, season, note; None when there are none."""
    if not schedule.meetings:
        return None
    words = Words.of(ws.locale)
    labels = load_labels(ws.root, ws.locale)
    seasons = ws.config.process.seasons
    title = words("title", process=ws.config.process.name, year=schedule.year)
    if schedule.election_year:
        title = words("election_year", title=title)
    table = Table(title, [words(k) for k in ("date", "time", "area", "season", "note")])
    for meeting in schedule.meetings:
        note = words("one_off") if not meeting.counted else words("fixed") if meeting.fixed else ""
        table.rows.append(
            [
                words.weekday(meeting.date),
                words.clock(meeting.start, meeting.end),
                area_name(ws, meeting.area),
                season_label(seasons, labels, meeting.season) or "",
                note,
            ]
        )
    return table

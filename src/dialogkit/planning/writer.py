"""`write_plan`: the year's plan.yaml and a meeting.yaml stub per meeting, never over a person's edits."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dialogkit.files import WriteOutcome, write_atomic
from dialogkit.layout import MEETING_FILE, PLAN_FILE, cycle_path
from dialogkit.planning.scheduler import plan_year
from dialogkit.planning.values import ScheduledMeeting, YearSchedule
from dialogkit.planning.yamltext import flow, flow_list, scalar
from dialogkit.workspace import Workspace


def plan_yaml(plan: YearSchedule) -> str:
    """The text of cycles/YEAR/plan.yaml (also what `dialog plan YEAR --format yaml` prints)."""
    lines = [f"year: {plan.year}", f"election_year: {scalar(plan.election_year)}"]
    if plan.meetings:
        lines.append("meetings:")
        lines.extend(f"  - {flow({**m.as_dict(), 'date': m.date})}" for m in plan.meetings)
    else:
        lines.append("meetings: []")
    return "\n".join(lines) + "\n"


def meeting_yaml(ws: Workspace, meeting: ScheduledMeeting) -> str:
    """The text of a meeting.yaml stub: the planned evening with the process's defaults filled in."""
    process = ws.config.process
    area = ws.area(meeting.area)
    place = area.localities[0] if area is not None and area.localities else None
    partners = list(area.partners) if area is not None else []
    rsvp_by = meeting.date - dt.timedelta(days=process.meeting.rsvp_days_before)
    lines = [
        f"# Planned by `dialog plan {meeting.date.year} --write`. Edit freely: dialog never overwrites this file.",
        f"area: {meeting.area}",
        f"date: {meeting.date.isoformat()}",
        f"start: {scalar(meeting.start)}",
        f"end: {scalar(meeting.end)}",
        f"place: {scalar(place)}" + ("  # where the meeting is held" if place is None else ""),
        f"host: {process.host}",
        f"invitees: {flow_list(partners)}",
        f"rsvp_by: {rsvp_by.isoformat()}",
    ]
    if process.agenda:
        lines.append("agenda:")
        for item in process.agenda:
            fields: dict[str, str | int | None] = {"title": item.title, "minutes": item.minutes}
            if item.lead is not None:
                fields["lead"] = item.lead
            lines.append(f"  - {flow(fields)}")
    return "\n".join(lines) + "\n"


def write_plan(ws: Workspace, year: int, plan: YearSchedule | None = None) -> list[tuple[Path, WriteOutcome]]:
    """Create cycles/YEAR/plan.yaml and a meeting.yaml per planned meeting; keep every file that exists.

    Running it twice changes nothing: the second run reports every file as kept.
    """
    plan = plan if plan is not None else plan_year(ws, year)
    folder = ws.root / cycle_path(year)
    header = (
        f"# The plan of {year}, written by `dialog plan {year} --write`; `dialog plan` keeps its dates.\n"
        "# To plan the year again, delete this file and the meeting.yaml stubs it created.\n"
    )
    plan_path = folder / PLAN_FILE
    outcomes = [(plan_path, write_atomic(plan_path, header + plan_yaml(plan), overwrite=False, within=ws.root))]
    for meeting in plan.meetings:
        path = folder / meeting.area / MEETING_FILE
        if meeting.fixed and not meeting.counted:
            continue  # a one-off meeting: its file exists, or it stands only in plan.yaml
        outcomes.append((path, write_atomic(path, meeting_yaml(ws, meeting), overwrite=False, within=ws.root)))
    return outcomes

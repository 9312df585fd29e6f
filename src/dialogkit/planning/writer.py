"""`write_plan`: the year's plan.yaml and a meeting.yaml stub per meeting, never over a person's edits."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from dialogkit.files import WriteOutcome, write_atomic
from dialogkit.layout import MEETING_FILE, PLAN_FILE, cycle_path
from dialogkit.planning.scheduler import plan_year
from dialogkit.planning.values import ScheduledMeeting, YearSchedule
from dialogkit.workspace import Workspace
from dialogkit.yamlwrite import FlowMapping, FlowSequence, dump


def plan_yaml(plan: YearSchedule, header: str = "") -> str:
    """The text of cycles/YEAR/plan.yaml (also what `dialog plan YEAR --format yaml` prints)."""
    meetings = [FlowMapping({**m.as_dict(), "date": m.date}) for m in plan.meetings]
    return dump({"year": plan.year, "election_year": plan.election_year, "meetings": meetings}, header=header)


def meeting_yaml(ws: Workspace, meeting: ScheduledMeeting) -> str:
    """The text of a meeting.yaml stub: the planned evening with the process's defaults filled in."""
    process = ws.config.process
    area = ws.area(meeting.area)
    place = area.localities[0] if area is not None and area.localities else None
    partners = list(area.partners) if area is not None else []
    stub: dict[str, Any] = {
        "area": meeting.area,
        "date": meeting.date,
        "start": meeting.start,
        "end": meeting.end,
        "place": place,
        "host": process.host,
        "invitees": FlowSequence(partners),
        "rsvp_by": meeting.date - dt.timedelta(days=process.meeting.rsvp_days_before),
    }
    if process.agenda:
        stub["agenda"] = [FlowMapping(item.model_dump(exclude_none=True)) for item in process.agenda]
    return dump(
        stub,
        header=f"# Planned by `dialog plan {meeting.date.year} --write`. Edit freely: dialog never overwrites this file.\n",
        comments={("place",): "where the meeting is held"} if place is None else None,
    )


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
    outcomes = [(plan_path, write_atomic(plan_path, plan_yaml(plan, header), overwrite=False, within=ws.root))]
    for meeting in plan.meetings:
        path = folder / meeting.area / MEETING_FILE
        if meeting.fixed and not meeting.counted:
            continue  # a one-off meeting: its file exists, or it stands only in plan.yaml
        outcomes.append((path, write_atomic(path, meeting_yaml(ws, meeting), overwrite=False, within=ws.root)))
    return outcomes

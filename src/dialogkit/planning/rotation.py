"""Which areas meet in a year: the fixed points already on file and the rotation's choice."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dialogkit.errors import DialogError, Finding, Severity
from dialogkit.layout import CONFIG_FILE, MEETING_FILE, PLAN_FILE
from dialogkit.workspace import Workspace
from dialogkit.yamlload import YamlDocument


@dataclass(frozen=True)
class FilePosition:
    """Where a value came from, so that a message about it points into the right file."""

    path: str
    doc: YamlDocument | None = None
    loc: tuple[str | int, ...] = ()

    def finding(self, message: str, severity: Severity = "error") -> Finding:
        if self.doc is not None:
            return self.doc.finding(self.loc, message, severity)
        return Finding(self.path, 1, 1, severity, message)


@dataclass(frozen=True)
class FixedPoint:
    """A meeting whose date is already decided: a meeting.yaml, or an entry of the year's plan.yaml."""

    area: str
    date: dt.date
    start: str
    end: str
    counted: bool  # an area of the rotation, not a one-off meeting
    position: FilePosition  # where its date is written


def config_position(ws: Workspace, *loc: str | int) -> FilePosition:
    """A position in dialog.yaml."""
    return FilePosition(CONFIG_FILE, ws.docs.get(CONFIG_FILE), tuple(loc))


def planned_area_ids(ws: Workspace) -> list[str]:
    """The areas the process plans, in the order of areas.yaml."""
    return [a.id for a in ws.areas if a.planned]


def fixed_points(ws: Workspace, year: int) -> list[FixedPoint]:
    """The year's meetings already on file: each meeting.yaml, then plan.yaml for areas without one.

    The adopted plan.yaml counts as decided, so `dialog plan` shows what was written
    until someone deletes it to plan again.
    """
    cycle = ws.cycles.get(year)
    if cycle is None:
        return []
    planned = set(planned_area_ids(ws))
    points: list[FixedPoint] = []
    for area_id, meeting in sorted(cycle.meetings.items()):
        m = meeting.meeting
        if m is None:
            continue
        position = FilePosition(ws.relative(meeting.folder / MEETING_FILE), meeting.docs.get("meeting"), ("date",))
        points.append(FixedPoint(area_id, m.date, m.start, m.end, area_id in planned, position))
    if cycle.plan is not None:
        seen = {p.area for p in points}
        for index, entry in enumerate(cycle.plan.meetings):
            if entry.area in seen:
                continue
            seen.add(entry.area)
            position = FilePosition(
                ws.relative(cycle.folder / PLAN_FILE), cycle.docs.get("plan"), ("meetings", index, "date")
            )
            points.append(FixedPoint(entry.area, entry.date, entry.start, entry.end, entry.area in planned, position))
    return points


def last_visits(ws: Workspace, year: int) -> dict[str, int]:
    """The last year before ``year`` in which each area met (a meeting folder or a place in plan.yaml).

    Years between the latest cycle on file and ``year`` are assumed to follow the
    rotation, so planning two years ahead does not repeat next year's areas.
    """
    visits: dict[str, int] = {}
    for cycle_year, cycle in sorted(ws.cycles.items()):
        if cycle_year >= year:
            continue
        areas = set(cycle.meetings)
        if cycle.plan is not None:
            areas.update(m.area for m in cycle.plan.meetings)
        for area in areas:
            visits[area] = cycle_year
    if ws.config.process.kind == "area" and visits:
        for gap_year in range(max(visits.values()) + 1, year):
            for area in _by_turn(ws, visits, set())[: ws.config.process.areas_per_year or 0]:
                visits[area] = gap_year
    return visits


def _by_turn(ws: Workspace, visits: dict[str, int], exclude: set[str]) -> list[str]:
    """The planned areas outside ``exclude``, least recently visited first, ties in areas.yaml order."""
    planned = planned_area_ids(ws)
    order = {area: index for index, area in enumerate(planned)}
    return sorted((a for a in planned if a not in exclude), key=lambda a: (visits.get(a, -1), order[a]))


def areas_to_plan(ws: Workspace, year: int, fixed: list[FixedPoint]) -> list[str]:
    """The areas still to be given a date in ``year``, the most overdue first.

    Area kind: ``areas_per_year`` areas in all, counting those fixed already; a meeting
    folder of the year without a date is chosen before the rotation fills the rest, least
    recently visited first, ties in the order of areas.yaml. Service kind: every planned area.
    """
    process = ws.config.process
    planned = planned_area_ids(ws)
    dated = {p.area for p in fixed}
    if process.kind == "service":
        return [a for a in planned if a not in dated]
    wanted = process.areas_per_year
    if wanted is None:
        raise DialogError(
            config_position(ws, "process").finding(
                "'areas_per_year' is missing: an area-rotation process says how many areas a year get a meeting"
            )
        )
    if wanted > len(planned):
        raise DialogError(
            config_position(ws, "process", "areas_per_year").finding(
                f"areas_per_year is {wanted} but areas.yaml has only {len(planned)} planned areas "
                f"({', '.join(planned) or 'none'}); lower it or add areas"
            )
        )
    counted = sum(1 for p in fixed if p.counted)
    cycle = ws.cycles.get(year)
    undated = [a for a in planned if cycle is not None and a in cycle.meetings and a not in dated]
    rest = _by_turn(ws, last_visits(ws, year), dated | set(undated))
    return (undated + rest)[: max(wanted - counted, 0)]

"""The yearly follow-up as plain values: every work group's actions, what is overdue, the totals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from dialogkit.dates import meeting_date
from dialogkit.layout import WORKGROUPS_FILE
from dialogkit.models.workgroups import ACTION_STATUSES, Action, Workgroup
from dialogkit.workspace import Meeting, Workspace

OPEN_STATUSES = ("planned", "in-progress")
CLOSED_STATUSES = ("done", "cancelled")


@dataclass(frozen=True)
class LatestUpdate:
    """An action's dated update."""

    date: dt.date
    text: str


@dataclass(frozen=True)
class ActionView:
    """One action as the follow-up shows it: owner as a department, overdue decided against as-of."""

    text: str
    owner_id: str
    owner: str  # the department's name
    due: dt.date | None
    status: str
    funds: int | None
    updates: tuple[LatestUpdate, ...]  # up to as-of, newest first
    overdue: bool

    @property
    def latest(self) -> LatestUpdate | None:
        return self.updates[0] if self.updates else None

    @property
    def open(self) -> bool:
        return self.status in OPEN_STATUSES


@dataclass(frozen=True)
class GroupView:
    """One work group: its convener as a role and department, its members and its actions."""

    id: str
    name: str
    convener: str  # a role, never a private person's name (DESIGN.md)
    convener_department: str
    status: str
    members: tuple[str, ...]  # every member, as workgroups.yaml lists them: associations and roles
    actions: tuple[ActionView, ...]

    def count(self, status: str) -> int:
        return sum(1 for a in self.actions if a.status == status)

    @property
    def closed(self) -> int:
        return sum(1 for a in self.actions if a.status in CLOSED_STATUSES)

    @property
    def has_open(self) -> bool:
        return any(a.open for a in self.actions)


@dataclass(frozen=True)
class AreaSection:
    """The work groups formed at one area's meeting in one year."""

    area_id: str
    area_name: str
    year: int
    date: dt.date | None  # the meeting's date, when known
    source: str  # the workgroups.yaml the section comes from, for findings
    groups: tuple[GroupView, ...]


@dataclass(frozen=True)
class DepartmentTotal:
    """What one department owns: its actions per status, how many are overdue, the funds."""

    id: str
    name: str
    counts: Mapping[str, int]
    overdue: int
    funds: int

    @property
    def actions(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Overdue:
    """An overdue action with the area and group it belongs to."""

    section: AreaSection
    group: GroupView
    action: ActionView


@dataclass(frozen=True)
class FollowUp:
    """The yearly follow-up of ``year`` as it stood on ``as_of``."""

    year: int
    as_of: dt.date
    sections: tuple[AreaSection, ...]
    totals: Mapping[str, int]  # every status of ACTION_STATUSES, in that order
    departments: tuple[DepartmentTotal, ...]
    funds: int  # summed over actions that are not cancelled

    @property
    def groups(self) -> list[GroupView]:
        return [g for s in self.sections for g in s.groups]

    @property
    def actions(self) -> int:
        return sum(self.totals.values())

    @property
    def overdue(self) -> list[Overdue]:
        return [Overdue(s, g, a) for s in self.sections for g in s.groups for a in g.actions if a.overdue]


def is_overdue(action: Action, as_of: dt.date) -> bool:
    """Due before ``as_of`` and neither done nor cancelled."""
    return action.due is not None and action.due < as_of and action.status not in CLOSED_STATUSES


def action_view(ws: Workspace, action: Action, as_of: dt.date) -> ActionView:
    """An action in words a reader of the follow-up needs, as of a date."""
    department = ws.department(action.owner)
    dated = [(u.date, index, u) for index, u in enumerate(action.updates) if u.date <= as_of]
    # Newest first; of two updates on one day the one written later in the file is newer.
    updates = tuple(LatestUpdate(u.date, u.text) for _, _, u in sorted(dated, key=lambda t: (t[0], t[1]), reverse=True))
    return ActionView(
        text=action.text,
        owner_id=action.owner,
        owner=department.name if department is not None else action.owner,
        due=action.due,
        status=action.status,
        funds=action.funds,
        updates=updates,
        overdue=is_overdue(action, as_of),
    )


def group_view(ws: Workspace, group: Workgroup, as_of: dt.date) -> GroupView:
    """A work group with its actions as of a date; every member is shown (`dialog check` warns of a person's name)."""
    department = ws.department(group.convener.department)
    return GroupView(
        id=group.id,
        name=group.name,
        convener=group.convener.name,
        convener_department=department.name if department is not None else group.convener.department,
        status=group.status,
        members=tuple(group.members),
        actions=tuple(action_view(ws, a, as_of) for a in group.actions),
    )


def area_section(ws: Workspace, meeting: Meeting, as_of: dt.date, only_open: bool = False) -> AreaSection:
    """The groups of one meeting; with ``only_open`` just the groups that still have open actions."""
    area = ws.area(meeting.area_id)
    groups = [group_view(ws, g, as_of) for g in (meeting.workgroups.workgroups if meeting.workgroups else [])]
    if only_open:
        groups = [g for g in groups if g.has_open]
    return AreaSection(
        area_id=meeting.area_id,
        area_name=area.name if area is not None else meeting.area_id,
        year=meeting.year,
        date=meeting_date(ws, meeting),
        source=ws.relative(meeting.folder / WORKGROUPS_FILE),
        groups=tuple(groups),
    )


def followup(ws: Workspace, year: int, as_of: dt.date) -> FollowUp:
    """The follow-up of ``year``: its meetings, and earlier meetings whose groups still have open actions."""
    sections: list[AreaSection] = []
    for cycle_year in sorted(y for y in ws.cycles if y <= year):
        cycle = ws.cycles[cycle_year]
        for meeting in cycle.meetings.values():
            if cycle_year == year:
                sections.append(area_section(ws, meeting, as_of))
            elif meeting.workgroups is not None:
                earlier = area_section(ws, meeting, as_of, only_open=True)
                if earlier.groups:
                    sections.append(earlier)
    sections.sort(key=lambda s: (s.year, s.date or dt.date(s.year, 12, 31), s.area_name))
    actions = [a for s in sections for g in s.groups for a in g.actions]
    return FollowUp(
        year=year,
        as_of=as_of,
        sections=tuple(sections),
        totals=status_counts(actions),
        departments=tuple(department_totals(ws, actions)),
        funds=funds_of(actions),
    )


def status_counts(actions: Iterable[ActionView]) -> dict[str, int]:
    """How many actions have each status, every status present, in ACTION_STATUSES order."""
    counts = dict.fromkeys(ACTION_STATUSES, 0)
    for action in actions:
        counts[action.status] += 1
    return counts


def funds_of(actions: Iterable[ActionView]) -> int:
    """The funds of the actions, leaving out cancelled ones: their money was never spent."""
    return sum(a.funds or 0 for a in actions if a.status != "cancelled")


def department_totals(ws: Workspace, actions: list[ActionView]) -> list[DepartmentTotal]:
    """Per owning department, in the order of dialog.yaml (unknown ids last)."""
    order = {d.id: index for index, d in enumerate(ws.config.departments)}
    owners = sorted({a.owner_id for a in actions}, key=lambda d: (order.get(d, len(order)), d))
    totals = []
    for owner in owners:
        owned = [a for a in actions if a.owner_id == owner]
        totals.append(
            DepartmentTotal(
                id=owner,
                name=owned[0].owner,
                counts=status_counts(owned),
                overdue=sum(1 for a in owned if a.overdue),
                funds=funds_of(owned),
            )
        )
    return totals


def followup_json(report: FollowUp) -> dict[str, Any]:
    """The follow-up as `dialog followup YEAR --format json` prints it."""
    return {
        "workgroups": len(report.groups),
        "actions": dict(report.totals),
        "overdue": [
            {
                "area": item.section.area_id,
                "workgroup": item.group.id,
                "text": item.action.text,
                "due": item.action.due.isoformat() if item.action.due else None,
                "owner": item.action.owner_id,
            }
            for item in report.overdue
        ],
        "funds": report.funds,
    }

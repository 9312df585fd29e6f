"""The follow-up document's view model: the follow-up as plain values in words, for templates/followup.md.j2."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypedDict

from dialogkit.followup.model import ActionView, FollowUp, GroupView
from dialogkit.followup.words import group_status_word, long_date, money, status_word
from dialogkit.models.workgroups import ACTION_STATUSES
from dialogkit.render.viewbase import DocumentView, document_base
from dialogkit.render.words import Labels, fill
from dialogkit.workspace import Workspace

CHART = "followup-chart.png"


class Summary(TypedDict):
    """The year's totals: groups, actions, overdue actions and the funds set aside."""

    groups: int
    actions: int
    overdue: int
    funds: str


class StatusCount(TypedDict):
    """How many actions have one status."""

    name: str
    count: int


class DepartmentRow(TypedDict):
    """What one department owns: its actions per status (in the order of ``status_names``), overdue, funds."""

    name: str
    counts: list[int]
    actions: int
    overdue: int
    funds: str


class OverdueItem(TypedDict):
    """An overdue action with its area and group."""

    text: str
    area: str
    group: str
    due: str
    owner: str


class Update(TypedDict):
    """An action's latest dated update."""

    date: str
    text: str


class ActionItem(TypedDict):
    """One action: its owner, due date, status in words, funds and latest update."""

    text: str
    owner: str
    due: str
    status: str
    overdue: bool
    funds: str
    latest: Update | None


class GroupItem(TypedDict):
    """One work group: its convener as a role and department, its members and actions."""

    name: str
    convener: str
    department: str
    status: str
    members: list[str]
    actions: list[ActionItem]


class Section(TypedDict):
    """The work groups formed at one area's meeting in one year."""

    area: str
    year: int
    date: str | None
    groups: list[GroupItem]


class FollowupView(DocumentView):
    """The follow-up: totals, a chart with the same numbers as a table, what is overdue, every area's groups."""

    as_of: str
    title: str
    summary: Summary
    chart: str | None
    chart_alt: str
    statuses: list[StatusCount]
    departments: list[DepartmentRow]
    status_names: list[str]
    overdue: list[OverdueItem]
    sections: list[Section]


Cash = Callable[[int | None], str]  # a sum of money in words; "" for none


def followup_view(ws: Workspace, report: FollowUp, labels: Labels) -> FollowupView:
    """The follow-up as plain values in words, for templates/followup.md.j2."""
    locale, country = ws.locale, ws.config.municipality.country

    def cash(amount: int | None) -> str:
        return money(amount, country, locale) if amount else ""

    statuses: list[StatusCount] = [{"name": status_word(labels, s), "count": report.totals[s]} for s in ACTION_STATUSES]
    return {
        **document_base(ws, labels, report.year),
        "as_of": long_date(report.as_of, locale),
        "title": fill(labels["followup_title"], process=ws.config.process.name, year=report.year),
        "summary": {
            "groups": len(report.groups),
            "actions": report.actions,
            "overdue": len(report.overdue),
            "funds": money(report.funds, country, locale),
        },
        "chart": CHART if report.actions else None,
        "chart_alt": fill(
            labels["followup_chart_alt"], counts=", ".join(f"{s['name']} {s['count']}" for s in statuses)
        ),
        "statuses": statuses,
        "departments": [
            {
                "name": d.name,
                "counts": [d.counts[s] for s in ACTION_STATUSES],
                "actions": d.actions,
                "overdue": d.overdue,
                "funds": cash(d.funds),
            }
            for d in report.departments
        ],
        "status_names": [s["name"] for s in statuses],
        "overdue": [
            {
                "text": o.action.text,
                "area": o.section.area_name,
                "group": o.group.name,
                "due": long_date(o.action.due, locale) if o.action.due else "",
                "owner": o.action.owner,
            }
            for o in report.overdue
        ],
        "sections": [
            {
                "area": s.area_name,
                "year": s.year,
                "date": long_date(s.date, locale) if s.date else None,
                "groups": [_group(g, labels, locale, cash) for g in s.groups],
            }
            for s in report.sections
        ],
    }


def _group(group: GroupView, labels: Labels, locale: str, cash: Cash) -> GroupItem:
    return {
        "name": group.name,
        "convener": group.convener,
        "department": group.convener_department,
        "status": group_status_word(labels, group.status),
        "members": list(group.members),
        "actions": [_action(a, labels, locale, cash) for a in group.actions],
    }


def _action(action: ActionView, labels: Labels, locale: str, cash: Cash) -> ActionItem:
    latest = action.latest
    return {
        "text": action.text,
        "owner": action.owner,
        "due": long_date(action.due, locale) if action.due else "",
        "status": status_word(labels, action.status),
        "overdue": action.overdue,
        "funds": cash(action.funds),
        "latest": {"date": long_date(latest.date, locale), "text": latest.text} if latest else None,
    }

"""The follow-up document: the view model in words, the chart, and the pipeline to build/YEAR/followup.*."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dialogkit.followup.chart import status_chart
from dialogkit.followup.model import ActionView, FollowUp, GroupView, followup
from dialogkit.followup.words import group_status_word, long_date, money, status_word
from dialogkit.layout import cycle_path
from dialogkit.models.workgroups import ACTION_STATUSES
from dialogkit.render.figures import Picture
from dialogkit.render.words import Labels, fill, load_labels
from dialogkit.workspace import Workspace

if TYPE_CHECKING:
    from dialogkit.render.pipeline import Rendered

CHART = "followup-chart.png"
TEMPLATE = "followup.md.j2"


def render_followup(
    ws: Workspace, year: int, as_of: dt.date, formats: Iterable[str], out: Path | None = None
) -> Rendered:
    """Render the follow-up of ``year`` as of ``as_of`` to build/YEAR/followup.FORMAT."""
    from dialogkit.render.documents import setting_of
    from dialogkit.render.pipeline import Document, render_document

    report = followup(ws, year, as_of)
    labels = load_labels(ws.root, ws.locale)
    view = followup_view(ws, report, labels)
    resources: dict[str, Picture] = {}
    if report.actions:
        names = [status_word(labels, s) for s in ACTION_STATUSES]
        counts = [report.totals[s] for s in ACTION_STATUSES]
        resources[CHART] = functools.partial(status_chart, names, counts, labels["followup_by_status"])
    doc = Document(
        name="followup",
        template=TEMPLATE,
        view=view,
        title=view["title"],
        folder=Path(str(year)),
        source=cycle_path(year),
        resources=resources,
    )
    return render_document(setting_of(ws, out), doc, formats)


def followup_view(ws: Workspace, report: FollowUp, labels: Labels) -> dict[str, Any]:
    """The follow-up as plain values in words, for templates/followup.md.j2."""
    locale, country = ws.locale, ws.config.municipality.country

    def cash(amount: int | None) -> str:
        return money(amount, country, locale) if amount else ""

    statuses = [{"name": status_word(labels, s), "count": report.totals[s]} for s in ACTION_STATUSES]
    return {
        "L": dict(labels),
        "locale": locale,
        "year": report.year,
        "as_of": long_date(report.as_of, locale),
        "municipality": ws.config.municipality.name,
        "process": {"name": ws.config.process.name, "kind": ws.config.process.kind},
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


def _group(group: GroupView, labels: Labels, locale: str, cash: Callable[[int | None], str]) -> dict[str, Any]:
    return {
        "name": group.name,
        "convener": group.convener,
        "department": group.convener_department,
        "status": group_status_word(labels, group.status),
        "partners": list(group.partners),
        "actions": [_action(a, labels, locale, cash) for a in group.actions],
    }


def _action(action: ActionView, labels: Labels, locale: str, cash: Callable[[int | None], str]) -> dict[str, Any]:
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

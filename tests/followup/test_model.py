"""The follow-up's view model: overdue as of a date, totals per status and department, funds, JSON."""

from __future__ import annotations

import datetime as dt

from dialogkit.followup import followup, followup_json
from dialogkit.loading import require

from .conftest import MakeWorkspace


def test_as_of_makes_overdue_deterministic(make_workspace: MakeWorkspace) -> None:
    ws = require(make_workspace())
    early = followup(ws, 2025, dt.date(2025, 9, 1))
    late = followup(ws, 2025, dt.date(2026, 1, 15))
    assert [o.action.text for o in early.overdue] == ["Ny beläggning på Byvägen"]
    assert [o.action.text for o in late.overdue] == [
        "Ny beläggning på Byvägen",
        "Belysning vid badplatsen",
        "Farthinder på Storgatan",
    ]
    # Done and cancelled actions are never overdue, nor one without a due date.
    assert all(o.action.status in ("planned", "in-progress") for o in late.overdue)


def test_due_on_the_as_of_date_is_not_overdue(make_workspace: MakeWorkspace) -> None:
    ws = require(make_workspace())
    on_the_day = followup(ws, 2025, dt.date(2025, 9, 30))
    assert "Belysning vid badplatsen" not in [o.action.text for o in on_the_day.overdue]
    next_day = followup(ws, 2025, dt.date(2025, 10, 1))
    assert "Belysning vid badplatsen" in [o.action.text for o in next_day.overdue]


def test_the_year_and_earlier_groups_with_open_actions(make_workspace: MakeWorkspace) -> None:
    report = followup(require(make_workspace()), 2025, dt.date(2026, 1, 15))
    sections = [(s.year, s.area_id, [g.id for g in s.groups]) for s in report.sections]
    # Kalv 2024 comes along for its open action; its finished group does not.
    assert sections == [(2024, "kalv", ["vagar"]), (2025, "hogvad", ["trafik", "fritid"])]


def test_totals_per_status_and_funds(make_workspace: MakeWorkspace) -> None:
    report = followup(require(make_workspace()), 2025, dt.date(2026, 1, 15))
    assert dict(report.totals) == {"planned": 2, "in-progress": 2, "done": 2, "cancelled": 1}
    # 300 000 + 10 000 (Kalv) + 45 000 + 8 000 (Högvad); the cancelled 70 000 is not counted.
    assert report.funds == 363000


def test_totals_per_department(make_workspace: MakeWorkspace) -> None:
    report = followup(require(make_workspace()), 2025, dt.date(2026, 1, 15))
    by_id = {d.id: d for d in report.departments}
    assert [d.id for d in report.departments] == ["sbf", "kof"]  # the order of dialog.yaml
    assert by_id["sbf"].name == "Samhällsbyggnadsförvaltningen"
    assert dict(by_id["sbf"].counts) == {"planned": 1, "in-progress": 2, "done": 2, "cancelled": 0}
    assert (by_id["sbf"].overdue, by_id["sbf"].funds) == (3, 363000)
    assert dict(by_id["kof"].counts) == {"planned": 1, "in-progress": 0, "done": 0, "cancelled": 1}
    assert (by_id["kof"].overdue, by_id["kof"].funds) == (0, 0)


def test_latest_update_as_of(make_workspace: MakeWorkspace) -> None:
    ws = require(make_workspace())

    def latest(as_of: dt.date) -> tuple[dt.date, str] | None:
        report = followup(ws, 2025, as_of)
        action = next(a for g in report.groups for a in g.actions if a.text == "Belysning vid badplatsen")
        return (action.latest.date, action.latest.text) if action.latest else None

    assert latest(dt.date(2025, 5, 1)) is None
    assert latest(dt.date(2025, 7, 1)) == (dt.date(2025, 6, 1), "Offert inhämtad")
    assert latest(dt.date(2026, 1, 1)) == (dt.date(2025, 10, 15), "Stolparna levererade")


def test_owner_is_the_department_name(make_workspace: MakeWorkspace) -> None:
    report = followup(require(make_workspace()), 2025, dt.date(2026, 1, 15))
    owners = {a.owner for g in report.groups for a in g.actions}
    assert owners == {"Samhällsbyggnadsförvaltningen", "Kultur- och fritidsförvaltningen"}


def test_json_shape_exactly(make_workspace: MakeWorkspace) -> None:
    report = followup(require(make_workspace()), 2025, dt.date(2026, 1, 15))
    data = followup_json(report)
    assert list(data) == ["workgroups", "actions", "overdue", "funds"]
    assert data["workgroups"] == 3
    assert data["actions"] == {"planned": 2, "in-progress": 2, "done": 2, "cancelled": 1}
    assert list(data["actions"]) == ["planned", "in-progress", "done", "cancelled"]
    assert data["funds"] == 363000
    assert data["overdue"] == [
        {"area": "kalv", "workgroup": "vagar", "text": "Ny beläggning på Byvägen", "due": "2024-11-30", "owner": "sbf"},
        {
            "area": "hogvad",
            "workgroup": "trafik",
            "text": "Belysning vid badplatsen",
            "due": "2025-09-30",
            "owner": "sbf",
        },
        {
            "area": "hogvad",
            "workgroup": "trafik",
            "text": "Farthinder på Storgatan",
            "due": "2025-12-31",
            "owner": "sbf",
        },
    ]
    for item in data["overdue"]:
        assert list(item) == ["area", "workgroup", "text", "due", "owner"]


def test_a_year_without_groups(make_workspace: MakeWorkspace) -> None:
    report = followup(require(make_workspace()), 2023, dt.date(2024, 1, 1))
    assert followup_json(report) == {
        "workgroups": 0,
        "actions": {"planned": 0, "in-progress": 0, "done": 0, "cancelled": 0},
        "overdue": [],
        "funds": 0,
    }


def test_service_dialogue_carries_open_groups_into_later_years() -> None:
    from tests.conftest import EXAMPLES

    report = followup(require(EXAMPLES["nb"]), 2023, dt.date(2023, 12, 1))
    # No meetings in 2023: the 2022 groups with open actions, and only those, are followed up.
    assert [(s.year, s.area_id, [g.id for g in s.groups]) for s in report.sections] == [
        (2022, "skole", ["trygg-skolevei"]),
        (2022, "teknisk", ["broyting-gatelys"]),
    ]
    overdue = [o.action.text for o in report.overdue]
    assert overdue == [
        "Fortau langs Skoleveien fra krysset ved Nordvikveien til Nordre skole",
        "LED-gatelys i sentrum og i boligfeltene Haugane og Storlia",
        "Ny parkeringsordning i sentrum",
    ]

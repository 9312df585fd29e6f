"""The scheduler's invariants over random processes (hypothesis)."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from dialogkit.dates import clock_of, minutes_of
from dialogkit.errors import DialogError
from dialogkit.planning import YearSchedule, plan_year, season_windows
from dialogkit.planning.days import blackout_of, holidays_of
from dialogkit.workspace import Workspace

from .conftest import config_data, memory_workspace, weekday

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def processes(draw: st.DrawFn, *, generous: bool = False, kind: str | None = None) -> dict[str, Any]:
    """A random but valid workspace: its config, areas, year and fixed meetings."""
    year = draw(st.integers(2019, 2032))
    country = draw(st.sampled_from(["SE", "NO"]))
    kind = kind or draw(st.sampled_from(["area", "service"]))
    n_areas = draw(st.integers(1, 8))
    unplanned = draw(st.lists(st.booleans(), min_size=n_areas, max_size=n_areas))
    if all(unplanned):
        unplanned[0] = False
    areas = [
        {"id": f"area-{i}", "name": f"Area {i}", "localities": [f"Place {i}"], "planned": not unplanned[i]}
        for i in range(n_areas)
    ]
    n_planned = sum(1 for a in areas if a["planned"])
    n_seasons = draw(st.integers(1, 3))
    seasons: list[dict[str, Any]] = []
    for index in range(n_seasons):
        if generous:
            first = dt.date(2024, 1, 1) + dt.timedelta(days=index * 120)
            length = 110
        else:
            first = dt.date(2024, 1, 1) + dt.timedelta(days=draw(st.integers(0, 330)))
            length = draw(st.integers(7, 150))
        last = min(first + dt.timedelta(days=length), dt.date(2024, 12, 31))
        seasons.append({"name": f"s{index}", "from": f"{first:%m-%d}", "to": f"{last:%m-%d}"})
    per_year = draw(st.integers(1, n_planned))
    if kind == "area":
        cuts = sorted(draw(st.lists(st.integers(0, per_year), min_size=n_seasons - 1, max_size=n_seasons - 1)))
        bounds = [0, *cuts, per_year]
        for season, low, high in zip(seasons, bounds, bounds[1:], strict=False):
            season["count"] = high - low
    if generous:
        weekdays = ["mon", "tue", "wed", "thu", "fri"]
        spacing = draw(st.integers(0, 7))
    else:
        weekdays = draw(st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=7, unique=True))
        spacing = draw(st.integers(0, 21))
    blackouts = []
    for _ in range(0 if generous else draw(st.integers(0, 3))):
        start = dt.date(year, 1, 1) + dt.timedelta(days=draw(st.integers(0, 360)))
        end = start + dt.timedelta(days=draw(st.integers(0, 20)))
        blackouts.append({"from": start.isoformat(), "to": end.isoformat()})
    election = None if generous else draw(st.one_of(st.none(), st.integers(1, 12).map(lambda m: {"autumn_month": m})))
    config = config_data(
        kind=kind,
        areas_per_year=per_year if kind == "area" else None,
        seasons=seasons,
        election_year=election,
        meeting={
            "weekdays": weekdays,
            "start": draw(st.sampled_from(["17:00", "18:00", "18:30"])),
            "duration_minutes": draw(st.sampled_from([90, 120])),
            "min_days_between": spacing,
        },
        blackout=blackouts,
    )
    config["municipality"]["country"] = country
    fixed = []
    if not generous:
        for area in draw(st.lists(st.sampled_from([a["id"] for a in areas]), max_size=2, unique=True)):
            day = dt.date(year, 1, 1) + dt.timedelta(days=draw(st.integers(0, 364)))
            fixed.append({"area": area, "date": day.isoformat(), "start": "18:00", "end": "20:00"})
    return {"config": config, "areas": areas, "year": year, "fixed": fixed}


def build(case: dict[str, Any]) -> Workspace:
    return memory_workspace(case["config"], case["areas"], {case["year"]: case["fixed"]} if case["fixed"] else None)


def check_invariants(ws: Workspace, plan: YearSchedule, case: dict[str, Any]) -> None:
    process = ws.config.process
    year = case["year"]
    planned_ids = [a.id for a in ws.areas if a.planned]
    fixed = {f["area"]: dt.date.fromisoformat(f["date"]) for f in case["fixed"]}
    areas = [m.area for m in plan.meetings]
    assert len(areas) == len(set(areas)), "an area meets at most once a year"
    for area, day in fixed.items():  # fixed points kept
        kept = plan.meeting(area)
        assert kept is not None and kept.fixed and kept.date == day
    counted = [m for m in plan.meetings if m.counted]
    if process.kind == "service":
        assert sorted(m.area for m in counted) == sorted(planned_ids)
    else:
        assert process.areas_per_year is not None
        fixed_counted = sum(1 for a in fixed if a in planned_ids)
        assert len(counted) == max(process.areas_per_year, fixed_counted)
    windows = {w.name: w for w in season_windows(ws, year)}
    holidays = holidays_of(process_country(ws), year)
    spacing = max(process.meeting.min_days_between, 1)
    end = clock_of(minutes_of(process.meeting.start) + process.meeting.duration_minutes)
    free = [m for m in plan.meetings if not m.fixed]
    for meeting in free:
        assert meeting.season is not None
        window = windows[meeting.season]
        assert window.first <= meeting.date <= window.last
        assert weekday(meeting.date) in process.meeting.weekdays
        assert meeting.date not in holidays
        assert blackout_of(meeting.date, process.blackout) is None
        assert (meeting.start, meeting.end) == (process.meeting.start, end)
        if plan.election_year and process.election_year is not None and window.election_month:
            assert meeting.date.month == process.election_year.autumn_month
        for other in plan.meetings:
            if other is not meeting:
                assert abs((other.date - meeting.date).days) >= spacing
    if process.kind == "area" and not fixed:
        per_season = {name: 0 for name in windows}
        for meeting in free:
            per_season[meeting.season or ""] += 1
        assert per_season == {s.name: s.count for s in process.seasons}


def process_country(ws: Workspace) -> str:
    return ws.config.municipality.country


@SETTINGS
@given(processes())
def test_every_plan_keeps_the_rules(case: dict[str, Any]) -> None:
    ws = build(case)
    try:
        plan = plan_year(ws, case["year"])
    except DialogError as exc:
        assert exc.findings and all(f.path == "dialog.yaml" for f in exc.findings)
        assert any("no evening for" in f.message for f in exc.findings)
        assume(False)
        return
    check_invariants(ws, plan, case)
    assert plan_year(build(case), case["year"]) == plan, "the same input gives the same plan"


@SETTINGS
@given(processes(generous=True))
def test_a_generous_process_always_gets_a_plan(case: dict[str, Any]) -> None:
    ws = build(case)
    plan = plan_year(ws, case["year"])
    check_invariants(ws, plan, case)


@SETTINGS
@given(processes(generous=True, kind="area"))
def test_the_rotation_visits_every_area_in_consecutive_years(case: dict[str, Any]) -> None:
    ws = build(case)
    process = ws.config.process
    assert process.areas_per_year is not None
    planned_ids = {a.id for a in ws.areas if a.planned}
    years = math.ceil(len(planned_ids) / process.areas_per_year)
    plans: dict[int, list[dict[str, Any]]] = {}
    seen: set[str] = set()
    for offset in range(years):
        year = case["year"] + offset
        ws = memory_workspace(case["config"], case["areas"], plans=plans)
        plan = plan_year(ws, year)
        plans[year] = [m.as_dict() for m in plan.meetings]
        chosen = {m.area for m in plan.meetings}
        assert len(chosen - seen) == min(process.areas_per_year, len(planned_ids - seen)), "unvisited areas first"
        seen |= chosen
    assert seen == planned_ids

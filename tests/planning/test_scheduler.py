"""`plan_year` on real workspaces: rotation, seasons, evenings, fixed points and bad input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from dialogkit.errors import DialogError, UsageError
from dialogkit.planning import plan_year, write_plan
from dialogkit.planning.days import holidays_of
from dialogkit.workspace import Workspace

from .conftest import SIX_AREAS, MakeWorkspace, config_data, meeting_data, weekday

Load = Callable[[Path], Workspace]


def test_six_areas_at_three_a_year_rotate_in_two_years(make_workspace: MakeWorkspace, load: Load) -> None:
    root = make_workspace()
    first = plan_year(load(root), 2025)
    assert [m.area for m in first.meetings] == ["hogvad", "svenljunga", "mardaklev"]
    write_plan(load(root), 2025)
    second = plan_year(load(root), 2026)
    assert sorted(m.area for m in second.meetings) == ["hillared", "kalv", "sexdrega"]
    write_plan(load(root), 2026)
    third = plan_year(load(root), 2027)
    assert [m.area for m in third.meetings] == [m.area for m in first.meetings]


def test_the_least_recently_visited_areas_come_first(make_workspace: MakeWorkspace, load: Load) -> None:
    root = make_workspace(
        files={
            "cycles/2023/kalv/meeting.yaml": meeting_data("kalv", "2023-04-04"),
            "cycles/2024/plan.yaml": {
                "year": 2024,
                "meetings": [meeting_data("hogvad", "2024-04-09"), meeting_data("svenljunga", "2024-05-14")],
            },
        }
    )
    plan = plan_year(load(root), 2025)
    # never visited first, in areas.yaml order; then kalv (2023) before hogvad and svenljunga (2024)
    assert sorted(m.area for m in plan.meetings) == ["hillared", "mardaklev", "sexdrega"]
    write_plan(load(root), 2025)
    assert sorted(m.area for m in plan_year(load(root), 2026).meetings) == ["hogvad", "kalv", "svenljunga"]


def test_two_spring_and_one_autumn_evening_within_the_rules(make_workspace: MakeWorkspace, load: Load) -> None:
    plan = plan_year(load(make_workspace()), 2025)
    assert not plan.election_year
    assert [m.season for m in plan.meetings] == ["spring", "spring", "autumn"]
    for meeting in plan.meetings:
        assert weekday(meeting.date) in {"tue", "wed", "thu"}
        assert meeting.date not in holidays_of("SE", 2025)
        assert (meeting.start, meeting.end) == ("18:00", "20:00")
    spring = [m.date for m in plan.meetings if m.season == "spring"]
    assert dt.date(2025, 3, 1) <= spring[0] < spring[1] <= dt.date(2025, 6, 15)
    # spread over the window, not packed at its start
    assert (spring[1] - spring[0]).days > 30
    assert dt.date(2025, 9, 1) <= plan.meetings[2].date <= dt.date(2025, 11, 30)


def test_in_an_election_year_the_autumn_meeting_is_in_november(make_workspace: MakeWorkspace, load: Load) -> None:
    plan = plan_year(load(make_workspace()), 2026)
    assert plan.election_year
    autumn = [m for m in plan.meetings if m.season == "autumn"]
    assert [m.date.month for m in autumn] == [11]


def test_the_workspace_can_name_its_election_years(make_workspace: MakeWorkspace, load: Load) -> None:
    root = make_workspace(config_data(election_year={"autumn_month": 10, "years": [2025]}))
    plan = plan_year(load(root), 2025)
    assert plan.election_year
    assert [m.date.month for m in plan.meetings if m.season == "autumn"] == [10]
    assert not plan_year(load(root), 2026).election_year


def test_service_kind_meets_every_planned_area_every_year(make_workspace: MakeWorkspace, load: Load) -> None:
    config = config_data(
        kind="service",
        areas_per_year=None,
        seasons=[{"name": "mai-juni", "from": "05-01", "to": "06-30"}],
        election_year=None,
        meeting={
            "weekdays": ["mon", "tue", "wed", "thu"],
            "start": "17:00",
            "duration_minutes": 120,
            "min_days_between": 2,
        },
        blackout=[],
    )
    config["municipality"] = {"name": "Sørfold kommune", "country": "NO", "locale": "nb"}
    areas = [
        {"id": "barnehage", "name": "Barnehage", "partners": ["Samarbeidsutvalgene"]},
        {"id": "skole", "name": "Skole"},
        {"id": "kultur", "name": "Kultur"},
        {"id": "helse", "name": "Helse"},
        {"id": "hytteeiere", "name": "Hytteeiere", "planned": False},
    ]
    one_off = meeting_data("hytteeiere", "2026-07-02", start="12:00", end="14:00", title="Møte med hytteeierne")
    root = make_workspace(config, areas, {"cycles/2026/hytteeiere/meeting.yaml": one_off})
    plan = plan_year(load(root), 2026)
    planned = [m for m in plan.meetings if m.counted]
    assert sorted(m.area for m in planned) == ["barnehage", "helse", "kultur", "skole"]
    assert all(dt.date(2026, 5, 1) <= m.date <= dt.date(2026, 6, 30) for m in planned)
    assert all(m.end == "19:00" for m in planned)
    one = plan.meeting("hytteeiere")
    assert one is not None and one.fixed and not one.counted and one.date == dt.date(2026, 7, 2)
    assert not plan.warnings  # a one-off meeting has no season window to fall outside


def test_an_existing_meeting_keeps_its_date_and_the_rest_keep_their_distance(
    make_workspace: MakeWorkspace, load: Load
) -> None:
    fixed = meeting_data("kalv", "2025-04-09")
    root = make_workspace(files={"cycles/2025/kalv/meeting.yaml": fixed})
    plan = plan_year(load(root), 2025)
    kalv = plan.meeting("kalv")
    assert kalv is not None and kalv.fixed and kalv.date == dt.date(2025, 4, 9) and kalv.season == "spring"
    assert len(plan.meetings) == 3  # kalv counts towards the three of the year
    assert [m.season for m in plan.meetings].count("spring") == 2
    for other in plan.meetings:
        if other is not kalv:
            assert abs((other.date - kalv.date).days) >= 7


def test_a_fixed_meeting_outside_its_window_or_on_a_holiday_is_a_warning(
    make_workspace: MakeWorkspace, load: Load
) -> None:
    root = make_workspace(
        files={
            "cycles/2025/kalv/meeting.yaml": meeting_data("kalv", "2025-07-15"),
            "cycles/2025/hogvad/meeting.yaml": meeting_data("hogvad", "2025-05-29"),
        }
    )
    plan = plan_year(load(root), 2025)
    messages = {w.path: w for w in plan.warnings}
    outside = messages["cycles/2025/kalv/meeting.yaml"]
    assert outside.severity == "warning" and "outside every season's window" in outside.message
    assert outside.line == 2  # the date line
    holiday = messages["cycles/2025/hogvad/meeting.yaml"]
    assert "holiday (Kristi himmelsfärdsdag)" in holiday.message  # in the workspace's language
    assert {m.area for m in plan.meetings if m.fixed} == {"kalv", "hogvad"}


def test_a_window_too_narrow_names_the_rule(make_workspace: MakeWorkspace, load: Load) -> None:
    seasons = [{"name": "spring", "count": 3, "from": "03-03", "to": "03-09"}]
    root = make_workspace(config_data(seasons=seasons, election_year=None))
    with pytest.raises(DialogError) as caught:
        plan_year(load(root), 2025)
    [finding] = caught.value.findings
    assert finding.path == "dialog.yaml" and finding.severity == "error"
    assert "no evening for 3 meetings in season 'spring'" in finding.message
    assert "min_days_between" in finding.message


def test_every_weekday_blacked_out_names_the_blackout(make_workspace: MakeWorkspace, load: Load) -> None:
    config = config_data(
        seasons=[
            {"name": "spring", "count": 2, "from": "03-01", "to": "04-30"},
            {"name": "autumn", "count": 1, "from": "09-01", "to": "11-30"},
        ],
        blackout=[{"from": "2025-03-01", "to": "2025-04-30", "reason": "Ombyggnad"}],
    )
    with pytest.raises(DialogError) as caught:
        plan_year(load(make_workspace(config)), 2025)
    assert "blackout ranges cover every tue/wed/thu" in caught.value.findings[0].message


def test_a_window_without_an_allowed_weekday_names_the_weekdays(make_workspace: MakeWorkspace, load: Load) -> None:
    seasons = [
        {"name": "spring", "count": 2, "from": "03-01", "to": "06-15"},
        {"name": "autumn", "count": 1, "from": "09-06", "to": "09-07"},  # a Saturday and a Sunday in 2025
    ]
    with pytest.raises(DialogError) as caught:
        plan_year(load(make_workspace(config_data(seasons=seasons))), 2025)
    assert "holds no tue/wed/thu" in caught.value.findings[0].message


def test_more_areas_a_year_than_areas_is_an_error(make_workspace: MakeWorkspace) -> None:
    from dialogkit.loading import load

    root = make_workspace(areas=SIX_AREAS[:2])
    with pytest.raises(DialogError) as caught:
        from dialogkit.planning.rotation import areas_to_plan

        loaded = load(root)
        assert loaded.workspace is not None
        areas_to_plan(loaded.workspace, 2025, [])
    assert "areas_per_year is 3 but areas.yaml has only 2 planned areas" in caught.value.findings[0].message


@pytest.mark.parametrize("year", [1899, 2101, 20250])
def test_a_year_far_off_is_a_usage_error(make_workspace: MakeWorkspace, load: Load, year: int) -> None:
    with pytest.raises(UsageError, match="from 1900 to 2100"):
        plan_year(load(make_workspace()), year)


def test_the_same_input_gives_the_same_plan(make_workspace: MakeWorkspace, load: Load) -> None:
    root = make_workspace()
    assert plan_year(load(root), 2025) == plan_year(load(root), 2025)


def test_planning_two_years_ahead_assumes_the_year_between_follows_the_rotation(
    make_workspace: MakeWorkspace, load: Load
) -> None:
    root = make_workspace()
    write_plan(load(root), 2025)
    ahead = plan_year(load(root), 2027)
    assert sorted(m.area for m in ahead.meetings) == ["hogvad", "mardaklev", "svenljunga"]
    assert sorted(m.area for m in plan_year(load(root), 2026).meetings) == ["hillared", "kalv", "sexdrega"]

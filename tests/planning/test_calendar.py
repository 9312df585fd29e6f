"""`calendar_ics`: an RFC 5545 calendar that parses back, in local time, with stable UIDs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from icalendar import Calendar

from dialogkit.planning import plan_year, write_plan
from dialogkit.render.calendar import calendar_ics
from dialogkit.workspace import Workspace

from .conftest import MakeWorkspace, meeting_data

Load = Callable[[Path], Workspace]


def events(data: bytes) -> list[Any]:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_one_event_per_planned_meeting_in_swedish_time(make_workspace: MakeWorkspace, load: Load) -> None:
    root = make_workspace()
    data = calendar_ics(load(root), 2025)
    plan = plan_year(load(root), 2025)
    found = events(data)
    assert len(found) == 3
    for event, meeting in zip(found, plan.meetings, strict=True):
        start = event.decoded("dtstart")
        assert str(start.tzinfo) == "Europe/Stockholm"
        assert start.date() == meeting.date and f"{start:%H:%M}" == "18:00"
        assert f"{event.decoded('dtend'):%H:%M}" == "20:00"
        assert event["uid"] == f"2025-{meeting.area}-meeting@svenljunga-kommun.dialogkit"
    assert "Dagordning" in str(found[0]["description"]) and "18.10 Synpunkter" in str(found[0]["description"])
    timezones = list(Calendar.from_ical(data).walk("VTIMEZONE"))
    assert [str(t["tzid"]) for t in timezones] == ["Europe/Stockholm"]


def test_two_runs_at_one_time_give_the_same_bytes_and_dtstamp_is_the_time_of_writing(
    make_workspace: MakeWorkspace, load: Load
) -> None:
    root = make_workspace()
    now = dt.datetime(2026, 12, 2, 9, 30, 15, 123456, tzinfo=dt.UTC)
    data = calendar_ics(load(root), 2025, now)
    assert data == calendar_ics(load(root), 2025, now)
    for event in events(data):
        assert event.decoded("dtstamp") == now.replace(microsecond=0)
    written = events(calendar_ics(load(root), 2025))[0].decoded("dtstamp")
    assert abs(written - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)


def test_a_meeting_file_wins_over_the_plan_and_brings_its_safety_walk(
    make_workspace: MakeWorkspace, load: Load
) -> None:
    meeting = meeting_data(
        "hogvad",
        "2025-04-08",
        place="Överlida bygdegård",
        safety_walk={"date": "2025-04-08", "start": "16:30", "with": ["Polisen"], "localities": ["Överlida"]},
        agenda=[{"title": "Trafiken genom byn", "minutes": 45}],
    )
    root = make_workspace(files={"cycles/2025/hogvad/meeting.yaml": meeting})
    write_plan(load(root), 2025)
    data = calendar_ics(load(root), 2025)
    by_uid = {str(e["uid"]): e for e in events(data)}
    hogvad = by_uid["2025-hogvad-meeting@svenljunga-kommun.dialogkit"]
    assert hogvad.decoded("dtstart") == dt.datetime(2025, 4, 8, 18, 0, tzinfo=hogvad.decoded("dtstart").tzinfo)
    assert str(hogvad["location"]) == "Överlida bygdegård"
    assert "Trafiken genom byn" in str(hogvad["description"])
    walk = by_uid["2025-hogvad-safety-walk@svenljunga-kommun.dialogkit"]
    assert f"{walk.decoded('dtstart'):%H:%M}-{walk.decoded('dtend'):%H:%M}" == "16:30-18:00"
    assert "Polisen" in str(walk["description"])
    assert len(by_uid) == 4


def test_uids_stay_when_a_date_moves(make_workspace: MakeWorkspace, load: Load) -> None:
    root = make_workspace()
    write_plan(load(root), 2025)
    before = {str(e["uid"]) for e in events(calendar_ics(load(root), 2025))}
    path = root / "cycles/2025/hogvad/meeting.yaml"
    text = path.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("date:"))
    path.write_text(text.replace(old, "date: 2025-04-10"), encoding="utf-8")
    after = events(calendar_ics(load(root), 2025))
    assert {str(e["uid"]) for e in after} == before
    moved = next(e for e in after if str(e["uid"]).startswith("2025-hogvad-"))
    assert moved.decoded("dtstart").date() == dt.date(2025, 4, 10)


def test_a_norwegian_workspace_uses_oslo_time(make_workspace: MakeWorkspace, load: Load) -> None:
    from .conftest import config_data

    config = config_data()
    config["municipality"] = {"name": "Sørfold kommune", "country": "NO", "locale": "nb"}
    data = calendar_ics(load(make_workspace(config)), 2025)
    found = events(data)
    assert {str(e.decoded("dtstart").tzinfo) for e in found} == {"Europe/Oslo"}
    assert all(str(e["uid"]).endswith("@sorfold-kommune.dialogkit") for e in found)
    assert b"TZID:Europe/Oslo" in data

"""`year_status`: which steps each meeting has done."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from dialogkit.planning import default_year, write_plan, year_status
from dialogkit.planning.status import MeetingStatus, StepStatus
from dialogkit.workspace import Workspace

from .conftest import MakeWorkspace, config_data

SERVICE_SEASON = {"name": "spring", "from": "05-01", "to": "06-20"}

Load = Callable[[Path], Workspace]

WORKGROUPS = """\
workgroups:
  - id: belysning
    name: Belysning
    convener: {name: Gatuchef, department: sbf}
    actions:
      - text: Belysning vid badplatsen
        owner: sbf
        updates:
          - {date: %s, text: Offert inhämtad}
"""


def test_a_fresh_plan_is_planned_and_nothing_else(make_workspace: MakeWorkspace, load: Load) -> None:
    root = make_workspace()
    write_plan(load(root), 2025)
    status = year_status(load(root), 2025, dt.date(2025, 1, 10))
    assert [m.area for m in status.meetings] == ["hogvad", "svenljunga", "mardaklev"]
    for meeting in status.meetings:
        assert meeting.done("planned")
        assert [s.state for s in meeting.steps] == ["done", *["open"] * 6]
        assert meeting.next is not None and meeting.next.step == "survey"
    # The plan writes the area's first locality as the place and its partners as the invitees.
    assert [m.missing for m in status.meetings] == [[], ["invitees"], ["invitees"]]


def _step(meeting: MeetingStatus, step: str) -> StepStatus:
    return next(s for s in meeting.steps if s.step == step)


def test_each_step_is_due_by_its_day_counted_from_the_meeting(make_workspace: MakeWorkspace, load: Load) -> None:
    root = make_workspace()
    write_plan(load(root), 2025)
    hogvad = next(m for m in year_status(load(root), 2025).meetings if m.area == "hogvad")
    assert hogvad.date is not None
    days = {s.step: (s.due - hogvad.date).days for s in hogvad.steps if s.due is not None and s.step != "followup"}
    meeting_yaml = (root / "cycles/2025/hogvad/meeting.yaml").read_text(encoding="utf-8")
    rsvp = dt.date.fromisoformat(meeting_yaml.split("rsvp_by: ")[1][:10])
    assert (hogvad.date - rsvp).days == 14
    assert days == {"survey": -28, "invitation": -21, "meeting": 0, "minutes": 14, "workgroups": 14}
    assert _step(hogvad, "followup").due == dt.date(2025, 12, 31)


def test_a_step_past_its_day_is_overdue_and_one_missed_before_the_meeting_is_dropped(
    make_workspace: MakeWorkspace, load: Load
) -> None:
    root = make_workspace()
    write_plan(load(root), 2025)
    hogvad = next(m for m in year_status(load(root), 2025).meetings if m.area == "hogvad")
    assert hogvad.date is not None
    before = year_status(load(root), 2025, hogvad.date - dt.timedelta(days=10)).meetings[0]
    assert _step(before, "invitation").state == "overdue" and before.next == _step(before, "survey")
    assert before.missing == ["survey", "invitation"]
    after = year_status(load(root), 2025, hogvad.date + dt.timedelta(days=20)).meetings[0]
    assert _step(after, "survey").state == "missed" and _step(after, "meeting").state == "done"
    assert after.next == _step(after, "minutes") and after.missing == ["minutes", "workgroups"]


def test_each_step_shows_when_its_file_exists(make_workspace: MakeWorkspace, load: Load) -> None:
    root = make_workspace()
    write_plan(load(root), 2025)
    date = next(m.date for m in year_status(load(root), 2025).meetings if m.area == "hogvad")
    assert date is not None
    folder = root / "cycles/2025/hogvad"
    (folder / "survey").mkdir()
    (folder / "survey/responses.csv").write_text("id,answer\n", encoding="utf-8")
    (root / "build/2025/hogvad").mkdir(parents=True)
    (root / "build/2025/hogvad/invitation.pdf").write_bytes(b"%PDF")
    (folder / "referat.md").write_text(
        f"---\ndate: {date}\nminutes_by: Sekreterare\nconclusions: [Belysning]\n---\nText.\n", encoding="utf-8"
    )
    (folder / "workgroups.yaml").write_text(WORKGROUPS % (date + dt.timedelta(days=30)), encoding="utf-8")
    hogvad = next(m for m in year_status(load(root), 2025, date + dt.timedelta(days=40)).meetings if m.area == "hogvad")
    assert [s.state for s in hogvad.steps] == ["done"] * 7 and hogvad.next is None and hogvad.missing == []
    svenljunga = next(m for m in year_status(load(root), 2025).meetings if m.area == "svenljunga")
    assert not svenljunga.done("followup")


def test_an_update_from_before_the_meeting_is_not_a_follow_up(make_workspace: MakeWorkspace, load: Load) -> None:
    root = make_workspace()
    write_plan(load(root), 2025)
    date = next(m.date for m in year_status(load(root), 2025).meetings if m.area == "hogvad")
    assert date is not None
    (root / "cycles/2025/hogvad/workgroups.yaml").write_text(WORKGROUPS % date, encoding="utf-8")
    hogvad = next(m for m in year_status(load(root), 2025).meetings if m.area == "hogvad")
    assert hogvad.done("workgroups") and not hogvad.done("followup")


def test_a_built_follow_up_report_follows_up_every_meeting(make_workspace: MakeWorkspace, load: Load) -> None:
    root = make_workspace()
    write_plan(load(root), 2025)
    (root / "build/2025").mkdir(parents=True)
    (root / "build/2025/followup.html").write_text("<html></html>", encoding="utf-8")
    assert not any(m.done("followup") for m in year_status(load(root), 2025).meetings)  # no minutes yet
    for meeting in year_status(load(root), 2025).meetings:
        folder = root / "cycles/2025" / meeting.area
        (folder / "referat.md").write_text(
            f"---\ndate: {meeting.date}\nminutes_by: Sekreterare\nconclusions: [Belysning]\n---\nText.\n",
            encoding="utf-8",
        )
        (folder / "workgroups.yaml").write_text(WORKGROUPS % meeting.date, encoding="utf-8")
    assert all(m.done("followup") for m in year_status(load(root), 2025).meetings)


def test_a_service_dialogue_asks_for_no_survey_and_no_work_groups(make_workspace: MakeWorkspace, load: Load) -> None:
    root = make_workspace(config_data(kind="service", areas_per_year=None, seasons=[SERVICE_SEASON]))
    write_plan(load(root), 2025)
    for meeting in year_status(load(root), 2025).meetings:
        assert [s.step for s in meeting.steps] == ["planned", "invitation", "meeting", "minutes"]


def test_the_default_year_is_the_latest_cycle(make_workspace: MakeWorkspace, load: Load) -> None:
    root = make_workspace()
    assert default_year(load(root), dt.date(2031, 1, 5)) == 2031
    write_plan(load(root), 2025)
    write_plan(load(root), 2026)
    assert default_year(load(root), dt.date(2031, 1, 5)) == 2026
    assert year_status(load(root), 2030).meetings == ()

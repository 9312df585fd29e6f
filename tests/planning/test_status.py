"""`year_status`: which steps each meeting has done."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from dialogkit.planning import default_year, write_plan, year_status
from dialogkit.workspace import Workspace

from .conftest import MakeWorkspace

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
    status = year_status(load(root), 2025)
    assert [m.area for m in status.meetings] == ["hogvad", "svenljunga", "mardaklev"]
    for meeting in status.meetings:
        assert meeting.planned
        assert meeting.missing == ["survey", "invitation", "minutes", "workgroups", "followup"]


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
    hogvad = next(m for m in year_status(load(root), 2025).meetings if m.area == "hogvad")
    assert hogvad.missing == []
    svenljunga = next(m for m in year_status(load(root), 2025).meetings if m.area == "svenljunga")
    assert not svenljunga.followup


def test_an_update_from_before_the_meeting_is_not_a_follow_up(make_workspace: MakeWorkspace, load: Load) -> None:
    root = make_workspace()
    write_plan(load(root), 2025)
    date = next(m.date for m in year_status(load(root), 2025).meetings if m.area == "hogvad")
    assert date is not None
    (root / "cycles/2025/hogvad/workgroups.yaml").write_text(WORKGROUPS % date, encoding="utf-8")
    hogvad = next(m for m in year_status(load(root), 2025).meetings if m.area == "hogvad")
    assert hogvad.workgroups and not hogvad.followup


def test_a_built_follow_up_report_follows_up_every_meeting(make_workspace: MakeWorkspace, load: Load) -> None:
    root = make_workspace()
    write_plan(load(root), 2025)
    (root / "build/2025").mkdir(parents=True)
    (root / "build/2025/followup.html").write_text("<html></html>", encoding="utf-8")
    assert all(m.followup for m in year_status(load(root), 2025).meetings)


def test_the_default_year_is_the_latest_cycle(make_workspace: MakeWorkspace, load: Load) -> None:
    root = make_workspace()
    assert default_year(load(root), dt.date(2031, 1, 5)) == 2031
    write_plan(load(root), 2025)
    write_plan(load(root), 2026)
    assert default_year(load(root), dt.date(2031, 1, 5)) == 2026
    assert year_status(load(root), 2030).meetings == ()

"""`write_plan`: plan.yaml and meeting.yaml stubs that load back, and never an overwrite."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from dialogkit.models import MeetingFile, PlanFile
from dialogkit.planning import plan_year, write_plan
from dialogkit.validation import validate
from dialogkit.workspace import Workspace
from dialogkit.yamlload import load_yaml

from .conftest import MakeWorkspace, meeting_data

Load = Callable[[Path], Workspace]


def test_write_creates_the_plan_and_a_stub_per_meeting(make_workspace: MakeWorkspace, load: Load) -> None:
    root = make_workspace()
    written = write_plan(load(root), 2025)
    assert [(p.relative_to(root).as_posix(), o) for p, o in written] == [
        ("cycles/2025/plan.yaml", "created"),
        ("cycles/2025/hogvad/meeting.yaml", "created"),
        ("cycles/2025/svenljunga/meeting.yaml", "created"),
        ("cycles/2025/mardaklev/meeting.yaml", "created"),
    ]
    plan = validate(load_yaml(root / "cycles/2025/plan.yaml", "plan.yaml"), PlanFile, "plan")
    assert plan.year == 2025 and [m.area for m in plan.meetings] == ["hogvad", "svenljunga", "mardaklev"]
    assert '"18:00"' in (root / "cycles/2025/plan.yaml").read_text(encoding="utf-8")


def test_a_stub_holds_the_defaults_a_secretary_fills_in(make_workspace: MakeWorkspace, load: Load) -> None:
    root = make_workspace()
    write_plan(load(root), 2025)
    path = root / "cycles/2025/hogvad/meeting.yaml"
    stub = validate(load_yaml(path, "meeting.yaml"), MeetingFile, "meeting")
    planned = plan_year(load(root), 2025).meeting("hogvad")
    assert planned is not None and stub.date == planned.date
    assert (stub.start, stub.end) == ("18:00", "20:00")
    assert stub.place == "Mjögback"
    assert stub.host == "ksau"
    assert stub.invitees == ["Högvads byalag"]
    assert stub.rsvp_by == stub.date - dt.timedelta(days=14)
    assert stub.agenda is not None and [a.title for a in stub.agenda] == [
        "Välkommen",
        "Synpunkter från enkäten, trafik",
    ]
    text = path.read_text(encoding="utf-8")
    assert 'start: "18:00"' in text and 'title: "Synpunkter från enkäten, trafik"' in text


def test_an_area_without_localities_gets_no_place(make_workspace: MakeWorkspace, load: Load) -> None:
    areas = [{"id": f"a{i}", "name": f"Område {i}"} for i in range(3)]
    root = make_workspace(areas=areas)
    write_plan(load(root), 2025)
    stub = validate(load_yaml(root / "cycles/2025/a0/meeting.yaml", "m"), MeetingFile, "meeting")
    assert stub.place is None and stub.invitees == []


def test_writing_twice_changes_nothing(make_workspace: MakeWorkspace, load: Load) -> None:
    root = make_workspace()
    write_plan(load(root), 2025)
    before = {p: p.read_bytes() for p in root.rglob("*.yaml")}
    again = write_plan(load(root), 2025)
    assert {outcome for _, outcome in again} == {"kept"}
    assert {p: p.read_bytes() for p in root.rglob("*.yaml")} == before


def test_an_edited_meeting_file_is_kept_and_planned_around(make_workspace: MakeWorkspace, load: Load) -> None:
    edited = 'area: kalv\ndate: 2025-04-09\nstart: "17:30"\nend: "19:30"\nplace: Kalvs skola\n'
    root = make_workspace(files={"cycles/2025/kalv/meeting.yaml": edited})
    written = dict(write_plan(load(root), 2025))
    assert written[root / "cycles/2025/kalv/meeting.yaml"] == "kept"
    assert (root / "cycles/2025/kalv/meeting.yaml").read_text(encoding="utf-8") == edited
    plan = validate(load_yaml(root / "cycles/2025/plan.yaml", "plan.yaml"), PlanFile, "plan")
    kalv = next(m for m in plan.meetings if m.area == "kalv")
    assert (kalv.date, kalv.start) == (dt.date(2025, 4, 9), "17:30")


def test_the_written_plan_is_what_dialog_plan_shows_afterwards(make_workspace: MakeWorkspace, load: Load) -> None:
    root = make_workspace(files={"cycles/2024/kalv/meeting.yaml": meeting_data("kalv", "2024-04-09")})
    before = plan_year(load(root), 2025)
    write_plan(load(root), 2025)
    after = plan_year(load(root), 2025)
    assert after.as_dict() == before.as_dict()
    assert all(m.fixed for m in after.meetings)

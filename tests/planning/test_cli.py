"""`dialog plan`, `dialog calendar` and `dialog status` as a person runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from dialogkit.cli import app

from .conftest import SIX_AREAS, MakeWorkspace, config_data, meeting_data


def dialog(root: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["-C", str(root), *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_plan_json_is_the_contract(make_workspace: MakeWorkspace) -> None:
    code, out, _ = dialog(make_workspace(), "plan", "2025", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert list(data) == ["year", "election_year", "meetings"]
    assert data["year"] == 2025 and data["election_year"] is False
    assert [list(m) for m in data["meetings"]] == [["area", "season", "date", "start", "end"]] * 3
    assert data["meetings"][0]["area"] == "hogvad" and data["meetings"][0]["start"] == "18:00"
    assert out.startswith('{"year": 2025, "election_year": false, "meetings": [{"area": "hogvad", "season": "spring"')


def test_plan_yaml_prints_what_write_would_write(make_workspace: MakeWorkspace) -> None:
    root = make_workspace()
    code, out, _ = dialog(root, "plan", "2025", "--format", "yaml")
    assert code == 0 and out.startswith("year: 2025\nelection_year: false\nmeetings:\n")
    dialog(root, "plan", "2025", "--write")
    assert (root / "cycles/2025/plan.yaml").read_text(encoding="utf-8").endswith(out)


def test_plan_table_names_the_areas_and_the_election_year(make_workspace: MakeWorkspace) -> None:
    code, out, _ = dialog(make_workspace(), "plan", "2026")
    assert code == 0
    assert "Träffpunkt 2026 (valår)" in out
    assert "Träffpunkt Högvad" in out and "18.00–20.00" in out and "Hösten" in out
    assert "autumn" not in out and "election" not in out


def test_plan_write_twice_changes_nothing(make_workspace: MakeWorkspace) -> None:
    root = make_workspace()
    code, out, _ = dialog(root, "plan", "2025", "--write")
    assert code == 0
    assert "created  cycles/2025/plan.yaml" in out and "created  cycles/2025/hogvad/meeting.yaml" in out
    files = {p: p.read_bytes() for p in root.rglob("*.yaml")}
    code, out, _ = dialog(root, "plan", "2025", "--write")
    assert code == 0 and "created" not in out and out.count("kept") == 4
    assert {p: p.read_bytes() for p in root.rglob("*.yaml")} == files


def test_plan_write_with_json_keeps_stdout_for_the_plan(make_workspace: MakeWorkspace) -> None:
    code, out, err = dialog(make_workspace(), "plan", "2025", "--write", "--format", "json")
    assert code == 0 and json.loads(out)["year"] == 2025
    assert "created  cycles/2025/plan.yaml" in err


def test_plan_warns_on_stderr_about_a_fixed_meeting_on_a_holiday(make_workspace: MakeWorkspace) -> None:
    root = make_workspace(files={"cycles/2025/hogvad/meeting.yaml": meeting_data("hogvad", "2025-06-06")})
    code, out, err = dialog(root, "plan", "2025", "--format", "json")
    assert code == 0 and json.loads(out)["meetings"]
    assert "cycles/2025/hogvad/meeting.yaml:2:7: warning: the meeting on 2025-06-06 falls on a holiday" in err


def test_plan_with_a_window_too_narrow_exits_1_naming_the_rule(make_workspace: MakeWorkspace) -> None:
    seasons = [{"name": "spring", "count": 3, "from": "03-03", "to": "03-09"}]
    code, out, err = dialog(make_workspace(config_data(seasons=seasons, election_year=None)), "plan", "2025")
    assert code == 1 and out == ""
    assert err.startswith("dialog.yaml:") and "error: no evening for 3 meetings in season 'spring'" in err


def test_plan_with_every_weekday_blacked_out_exits_1(make_workspace: MakeWorkspace) -> None:
    config = config_data(blackout=[{"from": "2025-09-01", "to": "2025-11-30", "reason": "Val"}])
    code, _, err = dialog(make_workspace(config), "plan", "2025")
    assert code == 1 and "season 'autumn'" in err and "blackout ranges cover every tue/wed/thu" in err


def test_plan_with_more_areas_a_year_than_areas_exits_1(make_workspace: MakeWorkspace) -> None:
    code, _, err = dialog(make_workspace(areas=SIX_AREAS[:2]), "plan", "2025")
    assert code == 1
    assert "areas_per_year is 3 but areas.yaml has only 2 planned areas" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("year", ["1899", "3000", "99999"])
def test_plan_for_a_year_far_off_is_a_usage_error(make_workspace: MakeWorkspace, year: str) -> None:
    code, _, err = dialog(make_workspace(), "plan", year)
    assert code == 2 and "from 1900 to 2100" in err


def test_plan_for_a_year_that_is_not_a_number_is_a_usage_error(make_workspace: MakeWorkspace) -> None:
    code, _, _ = dialog(make_workspace(), "plan", "next")
    assert code == 2


def test_calendar_to_stdout_and_to_a_file(make_workspace: MakeWorkspace, tmp_path: Path) -> None:
    root = make_workspace()
    code, out, _ = dialog(root, "calendar", "2025")
    assert code == 0 and out.startswith("BEGIN:VCALENDAR")
    target = tmp_path / "out" / "traffpunkt-2025.ics"
    code, _, err = dialog(root, "calendar", "2025", "-o", str(target))
    assert code == 0 and "traffpunkt-2025.ics" in err
    assert target.read_text(encoding="utf-8").replace("\r\n", "\n") == out.replace("\r\n", "\n")
    assert len(list(Calendar.from_ical(target.read_bytes()).walk("VEVENT"))) == 3


def test_calendar_for_a_year_far_off_is_a_usage_error(make_workspace: MakeWorkspace) -> None:
    code, _, _ = dialog(make_workspace(), "calendar", "1066")
    assert code == 2


def test_status_shows_the_latest_year_by_default(make_workspace: MakeWorkspace) -> None:
    root = make_workspace()
    code, out, _ = dialog(root, "status")
    assert code == 0 and "inget planerat för " in out and "kör `dialog plan" in out
    dialog(root, "plan", "2025", "--write")
    code, out, _ = dialog(root, "status", "--as-of", "2025-01-10")
    assert code == 0 and "Träffpunkt 2025, läget 10 januari 2025" in out
    assert "Träffpunkt Högvad" in out and "Nästa steg" in out and "enkäten stänger" in out


def test_status_of_a_named_year(make_workspace: MakeWorkspace) -> None:
    root = make_workspace()
    dialog(root, "plan", "2025", "--write")
    code, out, _ = dialog(root, "status", "2024")
    assert code == 0 and "inget planerat för 2024: kör `dialog plan 2024 --write`" in out


def test_commands_outside_a_workspace_are_usage_errors(tmp_path: Path) -> None:
    code, _, err = dialog(tmp_path, "plan", "2025")
    assert code == 2 and "dialog.yaml" in err

"""The clerk's loop, edit → check → build: calendar warnings, one round, one typo stops one document."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dialogkit.loading import require
from tests.conftest import DIALOG_YAML, EXAMPLES, MEETING_YAML, WriteWorkspace, run_dialog


def test_dash_c_takes_relative_output_paths_from_its_folder(
    write_workspace: WriteWorkspace, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    root = write_workspace()
    monkeypatch.chdir(tmp_path)
    code, output = run_dialog(runner, "-C", root, "calendar", "2025", "-o", "kalender.ics")
    assert code == 0, output
    assert (root / "kalender.ics").is_file() and not (tmp_path / "kalender.ics").exists()


def test_dash_c_to_a_missing_folder_says_so(runner: CliRunner, tmp_path: Path) -> None:
    code, output = run_dialog(runner, "-C", tmp_path / "nonexistent", "check")
    assert code == 2
    assert f"-C {tmp_path / 'nonexistent'}: no such folder" in output
    assert "dialog.yaml" not in output


def test_files_are_readable_as_the_umask_says_and_keep_their_mode(
    write_workspace: WriteWorkspace, runner: CliRunner
) -> None:
    root = write_workspace()
    old = os.umask(0o022)
    try:
        code, output = run_dialog(runner, "-C", root, "calendar", "2025", "-o", "kalender.ics")
        assert code == 0, output
        assert stat.S_IMODE((root / "kalender.ics").stat().st_mode) == 0o644
        (root / "kalender.ics").chmod(0o640)
        code, output = run_dialog(runner, "-C", root, "calendar", "2025", "-o", "kalender.ics")
        assert code == 0, output
        assert stat.S_IMODE((root / "kalender.ics").stat().st_mode) == 0o640
    finally:
        os.umask(old)


def norwegian_workspace(tmp_path: Path, files: dict[str, str]) -> Path:
    """The Norwegian example workspace, copied, with ``files`` added."""
    root = tmp_path / "nordvik"
    shutil.copytree(EXAMPLES["nb"], root, ignore=shutil.ignore_patterns("build", ".git"))
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_check_warns_of_a_meeting_on_17_may_naming_the_holiday_in_norwegian(runner: CliRunner, tmp_path: Path) -> None:
    meeting = 'area: barnehage\ndate: 2027-05-17\nstart: "17:00"\nend: "19:00"\nhost: tju\n'
    root = norwegian_workspace(tmp_path, {"cycles/2027/barnehage/meeting.yaml": meeting})
    expected = "cycles/2027/barnehage/meeting.yaml:2:7: warning: the meeting on 2027-05-17 falls on a holiday"
    code, output = run_dialog(runner, "-C", root, "check")
    assert code == 0, output
    assert expected in output and "Grunnlovsdag" in output and "Constitution" not in output
    code, output = run_dialog(runner, "-C", root, "plan", "2027")
    assert code == 0, output
    assert expected in output and "Grunnlovsdag" in output  # the same warning, from the same code


def test_check_warns_of_a_blackout_a_saturday_a_season_and_a_meeting_too_close(
    write_workspace: WriteWorkspace, runner: CliRunner
) -> None:
    def meeting(area: str, date: str) -> str:
        return f'area: {area}\ndate: {date}\nstart: "18:00"\nend: "20:00"\nhost: ksau\n'

    root = write_workspace(
        {
            "cycles/2025/hogvad/meeting.yaml": meeting("hogvad", "2025-02-18"),  # sportlov, before spring
            "cycles/2025/sexdrega/meeting.yaml": meeting("sexdrega", "2025-04-12"),  # a Saturday
            "cycles/2025/hillared/meeting.yaml": meeting("hillared", "2025-04-15"),  # three days later
        }
    )
    code, output = run_dialog(runner, "-C", root, "check")
    assert code == 0, output
    hogvad, sexdrega, hillared = (
        f"cycles/2025/{a}/meeting.yaml:2:7: warning: " for a in ("hogvad", "sexdrega", "hillared")
    )
    assert hogvad + "the meeting on 2025-02-18 falls in a blackout, 2025-02-17 to 2025-02-21 (Sportlov)" in output
    assert hogvad + "the meeting on 2025-02-18 lies outside every season's window" in output
    assert (
        sexdrega + "the meeting on 2025-04-12 is a Saturday, not one of the process's weekdays (tue, wed, thu)"
        in output
    )
    assert hillared + "the meeting on 2025-04-15 lies 3 days after the meeting of 'sexdrega' on 2025-04-12" in output


def test_check_warns_of_a_safety_walk_on_a_holiday(write_workspace: WriteWorkspace, runner: CliRunner) -> None:
    meeting = MEETING_YAML + 'safety_walk: {date: 2025-06-06, start: "16:30"}\n'
    root = write_workspace({"cycles/2025/hogvad/meeting.yaml": meeting})
    code, output = run_dialog(runner, "-C", root, "check")
    assert code == 0, output
    assert "warning: the safety walk on 2025-06-06 falls on a holiday (Nationaldagen)" in output


BROKEN = 'area: sexdrega\ndate: 2025-13-01\nstart: "18:00"\nend: "20:00"\n'
BROKEN_FINDING = "cycles/2025/sexdrega/meeting.yaml:2:7: error: date: 2025-13-01 is not a real date"


def test_a_broken_meeting_leaves_the_other_areas_documents_built(
    write_workspace: WriteWorkspace, runner: CliRunner
) -> None:
    root = write_workspace({"cycles/2025/sexdrega/meeting.yaml": BROKEN})
    code, output = run_dialog(runner, "-C", root, "build", "--to", "md", "-j", "1")
    assert code == 1, output
    assert (root / "build/2025/hogvad/invitation.md").is_file() and (root / "build/2025/hogvad/agenda.md").is_file()
    assert not (root / "build/2025/sexdrega").exists()
    assert BROKEN_FINDING in output
    assert "failed: 2025/sexdrega/invitation" in output and "failed: 2025/hogvad/invitation" not in output
    code, output = run_dialog(runner, "-C", root, "render", "invitation", "2025/hogvad", "--to", "md")
    assert code == 0, output
    code, output = run_dialog(runner, "-C", root, "render", "invitation", "2025/sexdrega", "--to", "md")
    assert code == 1 and BROKEN_FINDING in output
    code, output = run_dialog(runner, "-C", root, "plan", "2025")
    assert code == 1 and BROKEN_FINDING in output  # the year's plan depends on its meetings' dates
    code, output = run_dialog(runner, "-C", root, "plan", "2026")
    assert code == 0, output


def test_a_broken_meeting_is_built_once_mended(write_workspace: WriteWorkspace, runner: CliRunner) -> None:
    root = write_workspace({"cycles/2025/sexdrega/meeting.yaml": BROKEN})
    code, _ = run_dialog(runner, "-C", root, "build", "--to", "md", "-j", "2")
    assert code == 1
    (root / "cycles/2025/sexdrega/meeting.yaml").write_text(
        BROKEN.replace("2025-13-01", "2025-05-13"), encoding="utf-8"
    )
    code, output = run_dialog(runner, "-C", root, "build", "--to", "md", "-j", "2")
    assert code == 0, output
    assert (root / "build/2025/sexdrega/invitation.md").is_file()
    assert "failed:" not in output and "built      2025/hogvad" not in output  # those were up to date


def test_one_round_reports_reference_errors_beside_format_errors(
    write_workspace: WriteWorkspace, runner: CliRunner
) -> None:
    config = DIALOG_YAML.replace("min_days_between: 7", "min_days_between: sju")
    meeting = MEETING_YAML.replace("host: ksau", "host: ksauu") + "invitees: Östsidan, Bakkebo\n"
    workgroups = "workgroups:\n  - {id: g, name: G, convener: {name: Chef, department: sbff}}\n"
    root = write_workspace(
        {
            "dialog.yaml": config,
            "cycles/2025/hogvad/meeting.yaml": meeting,
            "cycles/2025/hogvad/workgroups.yaml": workgroups,
        }
    )
    code, output = run_dialog(runner, "-C", root, "check")
    assert code == 1
    assert "dialog.yaml:11:" in output and "min_days_between" in output  # the format error
    assert "meeting.yaml:9:11: error: invitees:" in output  # another format error
    assert "error: unknown host body 'ksauu': did you mean 'ksau'?" in output  # its file's reference error
    assert "error: unknown department 'sbff': did you mean 'sbf'?" in output  # another file's, against dialog.yaml


def test_salvage_leaves_out_only_what_is_wrong() -> None:
    from dialogkit.models import MeetingFile, WorkgroupsFile
    from dialogkit.validation import salvage

    base = {"area": "hogvad", "date": "2025-04-08", "start": "18:00", "end": "20:00"}
    kept = salvage(
        {**base, "invitees": "A, B", "officials": [{"department": "sbf"}, {"department": "sbf", "name": "Chef"}]},
        MeetingFile,
    )
    assert kept is not None and kept.invitees == [] and [o.name for o in kept.officials] == ["Chef"]
    assert salvage({**base, "date": "8 april"}, MeetingFile) is None  # required, in no list: nothing to go on
    groups = {
        "workgroups": [
            {"id": "Fel", "name": "G", "convener": {"name": "C", "department": "sbf"}},
            {"id": "g", "name": "G", "convener": {"name": "C", "department": "sbf"}, "members": [1, {}]},
        ]
    }
    salvaged = salvage(groups, WorkgroupsFile)
    assert salvaged is not None and [g.id for g in salvaged.workgroups] == ["g"]
    assert salvaged.workgroups[0].members == ["1"]


def test_check_messages_quote_the_value_and_say_what_to_do(write_workspace: WriteWorkspace, runner: CliRunner) -> None:
    meeting = (
        'area: hogvad\n2025: x\nstart: "18:00"\nend: 20.5\ntitle:\n'
        "invitees: Östsidan, Bakkebo\nsafety_walk: ja\nplace: [Bygdegården]\n"
    )
    workgroups = (
        "workgroups:\n  - id: g\n    name: G\n    convener: {name: Chef, department: sbf}\n    status: klar\n"
        "    actions:\n      - {text: Lampor, owner: sbf, funds: 85.000}\n"
    )
    config = DIALOG_YAML.replace("country: SE", "country: DK").replace("areas_per_year: 3", "areas_per_year: tre")
    root = write_workspace(
        {
            "dialog.yaml": config,
            "cycles/2025/hogvad/meeting.yaml": meeting,
            "cycles/2025/hogvad/workgroups.yaml": workgroups,
        }
    )
    code, output = run_dialog(runner, "-C", root, "check")
    assert code == 1
    for expected in (
        "meeting.yaml:1:1: error: 'date' is missing; add it: the day of the meeting, e.g. date: 2025-04-08",
        "meeting.yaml:2:1: error: unknown key '2025': allowed here: ",
        'meeting.yaml:4:6: error: end: expected a time as "HH:MM" (24-hour clock), e.g. "18:00", got \'20.5\'',
        "error: invitees: expected a list, got 'Östsidan, Bakkebo'; write [Östsidan, Bakkebo], or each item",
        "error: safety_walk: expected key: value lines here (date, localities, meeting_point, start, with), got 'ja'",
        "error: place: expected text, got a list; write one line of text, in quotes if it starts with [ or { or is true or false",
        "error: workgroups[0].status: expected 'active', 'paused' or 'done', got 'klar', e.g. status: active",
        "error: workgroups[0].actions[0].funds: expected whole kronor, got '85.000'; write it without a point",
        "dialog.yaml:2:",
        "error: municipality.country: expected 'SE' or 'NO', got 'DK', e.g. country: SE",
        "error: process.areas_per_year: expected a whole number, got 'tre', e.g. areas_per_year: 3",
    ):
        assert expected in output, expected
    assert "Input should be" not in output and "Keys should be" not in output and "None" not in output


def test_what_people_mean_is_taken_where_it_is_plain(write_workspace: WriteWorkspace, runner: CliRunner) -> None:
    meeting = MEETING_YAML.replace('start: "18:00"', "start: 18.00").replace('end: "20:00"', 'end: "20.30"')
    workgroups = (
        "workgroups:\n  - id: g\n    name: G\n    convener: {name: Chef, department: sbf}\n"
        "    actions:\n      - {text: Lampor, owner: sbf, due: 2025-06-01, funds: 85 000}\n"
    )
    root = write_workspace(
        {"cycles/2025/hogvad/meeting.yaml": meeting, "cycles/2025/hogvad/workgroups.yaml": workgroups}
    )
    code, output = run_dialog(runner, "-C", root, "check")
    assert code == 0, output
    code, output = run_dialog(runner, "-C", root, "followup", "2025", "--as-of", "15.12.2025", "--format", "json")
    assert code == 0, output
    report = json.loads(output)
    assert report["funds"] == 85000 and report["overdue"][0]["due"] == "2025-06-01"  # overdue on 15 December
    meeting_file = require(root).cycles[2025].meetings["hogvad"].meeting
    assert meeting_file is not None and (meeting_file.start, meeting_file.end) == ("18:00", "20:30")
    code, output = run_dialog(runner, "-C", root, "followup", "2025", "--as-of", "2025/12/15")
    assert code == 2 and "expected a date as YYYY-MM-DD or DD.MM.YYYY, e.g. 2027-12-15, got '2025/12/15'" in output


def test_a_day_first_date_in_a_file_is_shown_the_way_to_write_it(
    write_workspace: WriteWorkspace, runner: CliRunner
) -> None:
    root = write_workspace({"cycles/2025/hogvad/meeting.yaml": MEETING_YAML.replace("2025-04-08", "8.4.2025")})
    code, output = run_dialog(runner, "-C", root, "check")
    assert code == 1
    assert (
        "meeting.yaml:2:7: error: date: expected a date as YYYY-MM-DD, e.g. 2025-04-08, got '8.4.2025'; write 2025-04-08"
        in output
    )


def test_every_member_is_shown_and_a_persons_name_is_a_warning(
    write_workspace: WriteWorkspace, runner: CliRunner
) -> None:
    workgroups = (
        "workgroups:\n  - id: g\n    name: Trygghet\n    convener: {name: Gatuchef, department: sbf}\n"
        "    members: [Högvads byalag, Överlida företagarförening, Polisen, Anna Andersson]\n"
        "    actions:\n      - {text: Lampor, owner: sbf, due: 2025-09-30}\n"
    )
    root = write_workspace({"cycles/2025/hogvad/workgroups.yaml": workgroups})
    code, output = run_dialog(runner, "-C", root, "check")
    assert code == 0, output
    assert (
        "cycles/2025/hogvad/workgroups.yaml:5:68: warning: 'Anna Andersson' looks like a private person's name"
        in output
    )
    assert output.count("looks like a private person's name") == 1  # associations and roles are not people
    code, output = run_dialog(runner, "-C", root, "followup", "2025", "--to", "md", "--as-of", "2025-06-01")
    assert code == 0, output
    followup = (root / "build/2025/followup.md").read_text(encoding="utf-8")
    assert "Högvads byalag, Överlida företagarförening, Polisen och Anna Andersson" in followup
    code, output = run_dialog(runner, "-C", root, "site", "--as-of", "2025-06-01")
    assert code == 0, output
    page = (root / "build/site/areas/hogvad.html").read_text(encoding="utf-8")
    assert "Högvads byalag, Överlida företagarförening, Polisen, Anna Andersson" in page

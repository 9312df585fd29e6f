"""The bad-input catalogue: each case exits 1 with a positioned, actionable message."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tests.conftest import AREAS_YAML, DIALOG_YAML, MEETING_YAML, WriteWorkspace, run_dialog

BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9) if prev else ', '.join(['lol'] * 9)}]\n"
    for prev, name in zip([None, *"abcdefgh"], "abcdefghi", strict=True)
)

CASES = {
    "duplicate key": (
        {"dialog.yaml": DIALOG_YAML.replace("  name: Träffpunkt\n", "  name: Träffpunkt\n  name: Igen\n")},
        "dialog.yaml:5:3: error: duplicate key 'name' (first at line 4)",
    ),
    "duplicate id": (
        {"areas.yaml": AREAS_YAML + "  - {id: hogvad, name: Igen}\n"},
        "areas.yaml:5:10: error: duplicate area id 'hogvad' (first at line 2)",
    ),
    "misspelt key": (
        {"cycles/2025/hogvad/meeting.yaml": MEETING_YAML.replace("place:", "plase:")},
        "cycles/2025/hogvad/meeting.yaml:5:1: error: unknown key 'plase': did you mean 'place'?",
    ),
    "impossible date": (
        {"cycles/2025/hogvad/meeting.yaml": MEETING_YAML.replace("2025-04-08", "2025-02-30")},
        "cycles/2025/hogvad/meeting.yaml:2:7: error: date: 2025-02-30 is not a real date",
    ),
    "reversed range": (
        {"dialog.yaml": DIALOG_YAML.replace("{from: 2025-02-17, to: 2025-02-21", "{from: 2025-02-21, to: 2025-02-17")},
        "dialog.yaml:13:30: error: the blackout ends (2025-02-17) before it starts (2025-02-21)",
    ),
    "reversed season": (
        {"dialog.yaml": DIALOG_YAML.replace('from: "09-01", to: "11-30"', 'from: "11-30", to: "09-01"')},
        "dialog.yaml:9:51: error: the season 'autumn' ends (09-01) before it starts (11-30)",
    ),
    "alias bomb": ({"areas.yaml": BOMB}, "areas.yaml:6:8: error: aliases expand to more than 100,000 values"),
    "tab indentation": (
        {"areas.yaml": "areas:\n\t- {id: hogvad, name: Högvad}\n"},
        "areas.yaml:2:1: error: a tab is used for indentation; YAML indents with spaces only",
    ),
    "../ in an id": (
        {"areas.yaml": AREAS_YAML + "  - {id: ../etc, name: Ut}\n"},
        "areas.yaml:5:10: error: areas[3].id: '../etc' is not a valid id",
    ),
    "cp1252 file": (
        {"areas.yaml": AREAS_YAML.encode("cp1252")},
        "areas.yaml:2:26: error: the file is not UTF-8 (byte 0xe4); save it as UTF-8",
    ),
    "empty file": ({"areas.yaml": ""}, "areas.yaml:1:1: error: the file is empty"),
    "list where a mapping belongs": (
        {"cycles/2025/hogvad/meeting.yaml": "- area: hogvad\n"},
        "cycles/2025/hogvad/meeting.yaml:1:1: error: the file holds a list; it should be a mapping",
    ),
    "list where a mapping belongs, nested": (
        {
            "dialog.yaml": DIALOG_YAML.replace(
                "municipality: {name: Provkommun, country: SE, locale: sv}", "municipality: [Provkommun]"
            )
        },
        "dialog.yaml:2:15: error: municipality: expected key: value lines here (country, locale, name, website), got a list",
    ),
    "unknown host": (
        {"cycles/2025/hogvad/meeting.yaml": MEETING_YAML.replace("host: ksau", "host: ksua")},
        "cycles/2025/hogvad/meeting.yaml:6:7: error: unknown host body 'ksua': did you mean 'ksau'?",
    ),
    "unknown process host": (
        {"dialog.yaml": DIALOG_YAML.replace("  host: ksau", "  host: kf")},
        "dialog.yaml:14:9: error: unknown host body 'kf'",
    ),
    "season counts do not add up": (
        {"dialog.yaml": DIALOG_YAML.replace("areas_per_year: 3", "areas_per_year: 2")},
        "dialog.yaml:8:5: error: the season counts add up to 3 but areas_per_year is 2",
    ),
    "python object tag": (
        {"areas.yaml": "areas: !!python/object/apply:os.system [touch PWNED]\n"},
        "areas.yaml:1:8: error: the tag !!python/object/apply:os.system is not allowed",
    ),
    "unknown weekday": (
        {"dialog.yaml": DIALOG_YAML.replace("weekdays: [tue, wed, thu]", "weekdays: [tue, wed, tor]")},
        "dialog.yaml:11:34: error: process.meeting.weekdays[2]: expected 'mon', 'tue'",
    ),
    "unknown country": (
        {"dialog.yaml": DIALOG_YAML.replace("country: SE", "country: DE")},
        "dialog.yaml:2:43: error: municipality.country: expected 'SE' or 'NO', got 'DE'",
    ),
    "unsupported schema version": (
        {"dialog.yaml": DIALOG_YAML.replace("dialog: 1", "dialog: 2")},
        "dialog.yaml:1:9: error: dialog: schema version 2 is not one this dialog reads (1)",
    ),
    "unknown area folder": (
        {"cycles/2025/hogvd/meeting.yaml": MEETING_YAML.replace("hogvad", "hogvd")},
        "cycles/2025/hogvd:1:1: error: unknown area folder 'hogvd': did you mean 'hogvad'?",
    ),
    "meeting outside its year": (
        {"cycles/2024/hogvad/meeting.yaml": MEETING_YAML},
        "cycles/2024/hogvad/meeting.yaml:2:7: error: 2025-04-08 is not in 2024",
    ),
    "time that is no time": (
        {"cycles/2025/hogvad/meeting.yaml": MEETING_YAML.replace('end: "20:00"', "end: 25:00")},
        'cycles/2025/hogvad/meeting.yaml:4:6: error: end: expected a time as "HH:MM"',
    ),
    "minutes without front matter": (
        {"cycles/2025/hogvad/referat.md": "# Referat\n"},
        "cycles/2025/hogvad/referat.md:1:1: error: the minutes must start with a '---' line",
    ),
    "minutes dated otherwise": (
        {
            "cycles/2025/hogvad/referat.md": "---\ndate: 2025-04-09\nminutes_by: Sekreterare\nconclusions: [Mer belysning]\n---\nText.\n"
        },
        "cycles/2025/hogvad/referat.md:2:7: error: the minutes are dated 2025-04-09 but the meeting was held 2025-04-08",
    ),
    "two documents in one file": (
        {"areas.yaml": AREAS_YAML + "---\nareas: []\n"},
        "areas.yaml:5:1: error: the file holds more than one YAML document",
    ),
    "deep nesting": ({"areas.yaml": "areas: " + "[" * 5000 + "]" * 5000 + "\n"}, "areas.yaml:1:"),
}


# The rules of dialog.yaml's process, each with the finding it gives (an error or a warning).
PROCESS_CASES = {
    "no areas_per_year": (
        DIALOG_YAML.replace("  areas_per_year: 3\n", ""),
        "dialog.yaml:4:3: error: 'areas_per_year' is missing",
    ),
    "a season without a count": (
        DIALOG_YAML.replace("count: 1, ", ""),
        "dialog.yaml:9:7: error: every season needs a 'count' of meetings in an area-rotation process",
    ),
    "more areas a year than areas": (
        DIALOG_YAML.replace("areas_per_year: 3", "areas_per_year: 4").replace("count: 1,", "count: 2,"),
        "dialog.yaml:6:19: error: areas_per_year is 4 but areas.yaml has only 3 planned areas",
    ),
    "a service process with rotation numbers": (
        DIALOG_YAML.replace("kind: area", "kind: service"),
        "dialog.yaml:6:19: warning: areas_per_year applies to the area kind only",
    ),
    "a service process with season counts": (
        DIALOG_YAML.replace("kind: area", "kind: service"),
        "dialog.yaml:9:29: warning: a season 'count' applies to the area kind only",
    ),
    "two seasons of one name": (
        DIALOG_YAML.replace("name: autumn", "name: spring"),
        "dialog.yaml:9:14: error: duplicate season name 'spring'",
    ),
    "a weekday twice": (
        DIALOG_YAML.replace("weekdays: [tue, wed, thu]", "weekdays: [tue, tue, thu]"),
        "dialog.yaml:11:23: warning: a weekday is listed twice",
    ),
    "a meeting past midnight": (
        DIALOG_YAML.replace('start: "18:00", duration_minutes: 120', 'start: "23:00", duration_minutes: 120'),
        "dialog.yaml:11:74: error: the meeting would run past midnight",
    ),
    "a department without keywords": (
        DIALOG_YAML.replace("keywords: [väg, gata]", "keywords: []"),
        "dialog.yaml:21:5: warning: department 'sbf' has no keywords",
    ),
}


@pytest.mark.parametrize("case", PROCESS_CASES, ids=list(PROCESS_CASES))
def test_process_rules(case: str, write_workspace: WriteWorkspace, runner: CliRunner) -> None:
    config, expected = PROCESS_CASES[case]
    root = write_workspace({"dialog.yaml": config})
    code, output = run_dialog(runner, "-C", root, "check")
    assert expected in output, output
    assert code == (1 if ": error: " in expected else 0), output


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_is_a_positioned_error(case: str, write_workspace: WriteWorkspace, runner: CliRunner) -> None:
    files, expected = CASES[case]
    root = write_workspace(files)
    code, output = run_dialog(runner, "-C", root, "check")
    assert code == 1, output
    assert expected in output, output
    assert "Traceback" not in output


def test_python_tags_run_nothing(write_workspace: WriteWorkspace, runner: CliRunner) -> None:
    root = write_workspace({"areas.yaml": "areas: !!python/object/apply:os.system ['touch PWNED']\n"})
    run_dialog(runner, "-C", root, "check")
    assert not (root / "PWNED").exists() and not (root.parent / "PWNED").exists()


def test_every_finding_is_reported_not_only_the_first(write_workspace: WriteWorkspace, runner: CliRunner) -> None:
    root = write_workspace(
        {
            "dialog.yaml": DIALOG_YAML.replace("country: SE", "country: DE").replace("dialog: 1", "dialog: 2"),
            "cycles/2025/hogvad/meeting.yaml": MEETING_YAML.replace('end: "20:00"', 'end: "17:00"'),
        }
    )
    code, output = run_dialog(runner, "-C", root, "check")
    assert code == 1
    assert "country" in output and "schema version 2" in output and "ends (17:00) no later than it starts" in output


def test_no_workspace_is_a_usage_error(tmp_path: object, runner: CliRunner) -> None:
    code, output = run_dialog(runner, "-C", str(tmp_path), "check")
    assert code == 2
    assert "no dialog.yaml" in output and "dialog init" in output

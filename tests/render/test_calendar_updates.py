"""Calendars that update: a meeting moved in a committed workspace comes with a higher SEQUENCE, the same UID."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path
from typing import Any

from icalendar import Calendar

from dialogkit.loading import require
from dialogkit.render.calendar import meeting_ics

from .conftest import SV_DIALOG, SV_MEETING, MakeWorkspace

NOW = dt.datetime(2026, 12, 2, 10, 0, 0, tzinfo=dt.UTC)
MEETING = "cycles/2025/hogvad/meeting.yaml"


def commit(root: Path, message: str, when: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Kommunsekreterare",
        "GIT_AUTHOR_EMAIL": "dialog@prov.se",
        "GIT_COMMITTER_NAME": "Kommunsekreterare",
        "GIT_COMMITTER_EMAIL": "dialog@prov.se",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    subprocess.run(["git", "add", "-A"], cwd=root, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=root, check=True, env=env)


def edit(root: Path, old: str, new: str) -> None:
    path = root / MEETING
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def the_meeting(root: Path) -> Any:
    ws = require(root)
    file = ws.cycles[2025].meetings["hogvad"].meeting
    assert file is not None
    events = Calendar.from_ical(meeting_ics(ws, 2025, "hogvad", file, NOW)).walk("VEVENT")
    return next(e for e in events if str(e["uid"]) == "2025-hogvad-meeting@provkommun.dialogkit")


def test_sequence_rises_when_the_meeting_moves_and_only_then(sv_workspace: MakeWorkspace) -> None:
    root = sv_workspace()
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    commit(root, "Plan the meeting", "2025-01-10T09:00:00Z")
    first = the_meeting(root)
    assert first["sequence"] == 0
    assert first.decoded("last-modified") == dt.datetime(2025, 1, 10, 9, tzinfo=dt.UTC)
    assert first.decoded("dtstamp") == NOW

    edit(root, "officials:", "agenda: [{title: Trafiken genom byn, minutes: 90}]\nofficials:")
    commit(root, "Shorter agenda", "2025-02-01T09:00:00Z")
    assert the_meeting(root)["sequence"] == 0  # the agenda changed, not when or where

    edit(root, "date: 2025-04-08", "date: 2025-04-10")
    commit(root, "Move the meeting two days", "2025-02-15T12:00:00Z")
    moved = the_meeting(root)
    assert moved["sequence"] == 1
    assert moved["uid"] == first["uid"]
    assert moved.decoded("dtstart").date() == dt.date(2025, 4, 10)
    assert moved.decoded("last-modified") == dt.datetime(2025, 2, 15, 12, tzinfo=dt.UTC)

    edit(root, "place: Överlida bygdegård", "place: Holsljunga skola")  # not committed yet
    again = the_meeting(root)
    assert again["sequence"] == 2
    assert again.decoded("last-modified") == NOW
    assert str(again["location"]) == "Holsljunga skola"


def test_outside_git_the_sequence_is_zero(sv_workspace: MakeWorkspace) -> None:
    event = the_meeting(sv_workspace())
    assert event["sequence"] == 0 and event.decoded("last-modified") == NOW


def test_url_to_the_site_page_when_the_site_url_is_configured(sv_workspace: MakeWorkspace) -> None:
    assert "url" not in the_meeting(sv_workspace())
    root = sv_workspace(**{"dialog.yaml": SV_DIALOG + "site:\n  url: https://dialog.prov.se/\n"})
    assert str(the_meeting(root)["url"]) == "https://dialog.prov.se/areas/hogvad.html"


def test_descriptions_write_times_as_the_locale_does(sv_workspace: MakeWorkspace) -> None:
    description = str(the_meeting(sv_workspace())["description"])
    assert "Dagordning:\n18.00 Välkommen (Kommunstyrelsens ordförande)\n18.10 Synpunkter från enkäten" in description
    assert "18:10" not in description


def test_the_safety_walk_gathers_at_its_meeting_point(sv_workspace: MakeWorkspace) -> None:
    meeting = SV_MEETING.replace("localities: [Överlida]}", "localities: [Överlida], meeting_point: Kyrkans parkering}")
    ws = require(sv_workspace(**{"cycles__2025__hogvad__meeting.yaml": meeting}))
    file = ws.cycles[2025].meetings["hogvad"].meeting
    assert file is not None
    events = Calendar.from_ical(meeting_ics(ws, 2025, "hogvad", file, NOW)).walk("VEVENT")
    walk = next(e for e in events if "safety-walk" in str(e["uid"]))
    assert str(walk["location"]) == "Kyrkans parkering"
    assert "Samlingsplats: Kyrkans parkering." in str(walk["description"])
    assert f"{walk.decoded('dtstart'):%H:%M}-{walk.decoded('dtend'):%H:%M}" == "16:30-18:00"

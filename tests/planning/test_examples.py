"""Both example workspaces plan their next year, and their calendars parse back."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar

from dialogkit.loading import require
from dialogkit.planning import plan_year, year_status
from dialogkit.render.calendar import calendar_ics

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = [REPO, REPO / "examples" / "tjenestedialog"]


@pytest.mark.parametrize("root", EXAMPLES, ids=["traffpunkt", "tjenestedialog"])
def test_an_example_plans_its_next_year(root: Path) -> None:
    ws = require(root)
    year = max(ws.cycles) + 1
    plan = plan_year(ws, year)
    planned = {a.id for a in ws.areas if a.planned}
    counted = [m for m in plan.meetings if m.counted]
    if ws.config.process.kind == "area":
        assert len(counted) == ws.config.process.areas_per_year
        # the areas that met last year wait while others have not had their turn
        last_year = set(ws.cycles[max(ws.cycles)].meetings)
        if len(planned - last_year) >= len(counted):
            assert not {m.area for m in counted} & last_year
    else:
        assert {m.area for m in counted} == planned
    assert not plan.warnings


@pytest.mark.parametrize("root", EXAMPLES, ids=["traffpunkt", "tjenestedialog"])
def test_an_example_calendar_parses_back(root: Path) -> None:
    ws = require(root)
    for year in (max(ws.cycles), max(ws.cycles) + 1):
        data = calendar_ics(ws, year)
        events = list(Calendar.from_ical(data).walk("VEVENT"))
        assert events and len({str(e["uid"]) for e in events}) == len(events)
        assert {str(e.decoded("dtstart").tzinfo) for e in events} == {ws.timezone}


@pytest.mark.parametrize("root", EXAMPLES, ids=["traffpunkt", "tjenestedialog"])
def test_an_example_year_on_file_has_its_minutes(root: Path) -> None:
    ws = require(root)
    status = year_status(ws, max(ws.cycles))
    assert status.meetings and all(m.done("planned") and m.done("minutes") for m in status.meetings)

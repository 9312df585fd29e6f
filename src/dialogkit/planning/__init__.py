"""Planning a year: which areas meet, when, the meetings a calendar shows, and how far each meeting has come.

The public API, callable from Python as the CLI calls it::

    from dialogkit.planning import plan_year
    plan = plan_year(workspace, 2025)       # a YearSchedule: year, election_year, meetings, warnings
    write_plan(workspace, 2025)              # cycles/2025/plan.yaml and meeting.yaml stubs
    year_status(workspace, 2025)             # which steps each meeting has done
    year_warnings(workspace, 2025)           # dates set by hand on a holiday, in a blackout, ...
"""

from __future__ import annotations

from dialogkit.planning.elections import Election, elections, is_election_year
from dialogkit.planning.scheduler import SeasonWindow, election_year, plan_year, season_windows, year_warnings
from dialogkit.planning.status import MeetingStatus, YearStatus, default_year, year_status
from dialogkit.planning.values import ScheduledMeeting, YearSchedule
from dialogkit.planning.writer import meeting_yaml, plan_yaml, write_plan

__all__ = [
    "Election",
    "MeetingStatus",
    "ScheduledMeeting",
    "SeasonWindow",
    "YearSchedule",
    "YearStatus",
    "default_year",
    "election_year",
    "elections",
    "is_election_year",
    "meeting_yaml",
    "plan_yaml",
    "plan_year",
    "season_windows",
    "write_plan",
    "year_status",
    "year_warnings",
]

"""The values the planner returns: plain, frozen, free of file handles and behaviour."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from dialogkit.errors import Finding


@dataclass(frozen=True)
class ScheduledMeeting:
    """One meeting of the year's plan; ``fixed`` when its date came from a file, not the planner."""

    area: str
    season: str | None
    date: dt.date
    start: str
    end: str
    fixed: bool = False
    counted: bool = True  # False for a one-off meeting outside the rotation (an unplanned area)

    def as_dict(self) -> dict[str, Any]:
        """The meeting as the contract's JSON shows it."""
        return {
            "area": self.area,
            "season": self.season,
            "date": self.date.isoformat(),
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class YearSchedule:
    """The planner's schedule of one year: which areas meet when, and what it warns about (plan.yaml once written)."""

    year: int
    election_year: bool
    meetings: tuple[ScheduledMeeting, ...]
    warnings: tuple[Finding, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        """The plan as `dialog plan YEAR --format json` prints it."""
        return {
            "year": self.year,
            "election_year": self.election_year,
            "meetings": [m.as_dict() for m in self.meetings],
        }

    def meeting(self, area: str) -> ScheduledMeeting | None:
        """The meeting of an area, if the area meets this year."""
        return next((m for m in self.meetings if m.area == area), None)

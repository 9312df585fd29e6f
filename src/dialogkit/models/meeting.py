"""cycles/YEAR/plan.yaml and cycles/YEAR/AREA/meeting.yaml."""

from __future__ import annotations

from pydantic import Field

from dialogkit.models.base import ClockTime, IsoDate, Slug, StrictModel, Text
from dialogkit.models.config import AgendaItem


class PlannedMeeting(StrictModel):
    area: Slug
    season: Slug | None = None
    date: IsoDate
    start: ClockTime
    end: ClockTime


class PlanFile(StrictModel):
    """cycles/YEAR/plan.yaml, written by `dialog plan YEAR --write`."""

    year: int = Field(ge=1900, le=2100)
    election_year: bool = False
    meetings: list[PlannedMeeting] = []


class Official(StrictModel):
    department: Slug
    name: Text


class SafetyWalk(StrictModel):
    date: IsoDate
    start: ClockTime
    with_: list[Text] = Field(default=[], alias="with")
    localities: list[Text] = []


class MeetingFile(StrictModel):
    """cycles/YEAR/AREA/meeting.yaml"""

    area: Slug
    title: Text | None = Field(default=None, description="a one-off meeting's own title")
    date: IsoDate
    start: ClockTime
    end: ClockTime
    place: Text | None = None
    host: Slug | None = Field(default=None, description="a body id; defaults to process.host")
    invitees: list[Text] = []
    rsvp_by: IsoDate | None = None
    agenda: list[AgendaItem] | None = Field(default=None, description="defaults to the process's agenda")
    officials: list[Official] = []
    safety_walk: SafetyWalk | None = None

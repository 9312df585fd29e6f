"""dialog.yaml: the municipality, its dialogue process, its bodies and departments."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, HttpUrl, field_validator

from dialogkit.models.base import ClockTime, IsoDate, MonthDay, Slug, StrictModel, Text

SCHEMA_VERSIONS = (1,)
COUNTRIES = {"SE": "Europe/Stockholm", "NO": "Europe/Oslo"}
Country = Literal["SE", "NO"]
Locale = Literal["sv", "nb", "nn", "en"]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class Municipality(StrictModel):
    name: Text
    country: Country
    locale: Locale
    website: HttpUrl | None = None


class Season(StrictModel):
    name: Slug
    count: int | None = Field(default=None, ge=0, description="area kind only: meetings in this season")
    from_: MonthDay = Field(alias="from")
    to: MonthDay


class ElectionYear(StrictModel):
    autumn_month: int = Field(ge=1, le=12, description="the month of the autumn meeting in an election year")
    years: list[int] | None = Field(default=None, description="overrides the country's election years")


class MeetingRule(StrictModel):
    weekdays: list[Weekday] = Field(min_length=1)
    start: ClockTime
    duration_minutes: int = Field(gt=0, le=24 * 60)
    min_days_between: int = Field(default=7, ge=0)
    rsvp_days_before: int = Field(default=14, ge=0, description="days before the meeting that replies are due")


class Blackout(StrictModel):
    from_: IsoDate = Field(alias="from")
    to: IsoDate
    reason: Text | None = None


class AgendaItem(StrictModel):
    title: Text
    minutes: int = Field(gt=0)
    lead: Text | None = None


class Process(StrictModel):
    name: Text
    kind: Literal["area", "service"]
    areas_per_year: int | None = Field(default=None, ge=1)
    seasons: list[Season] = Field(min_length=1)
    election_year: ElectionYear | None = None
    meeting: MeetingRule
    blackout: list[Blackout] = []
    host: Slug
    agenda: list[AgendaItem] = Field(default=[], description="the standard agenda of a meeting")


class Body(StrictModel):
    id: Slug
    name: Text
    chair: Text | None = None


class Department(StrictModel):
    id: Slug
    name: Text
    keywords: list[Text] = []


class DialogConfig(StrictModel):
    """dialog.yaml"""

    dialog: int = Field(description="schema version")
    municipality: Municipality
    process: Process
    bodies: list[Body] = Field(min_length=1)
    departments: list[Department] = []

    @field_validator("dialog")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value not in SCHEMA_VERSIONS:
            known = ", ".join(map(str, SCHEMA_VERSIONS))
            raise ValueError(
                f"schema version {value} is not one this dialog reads ({known}); upgrade dialogkit or set `dialog: 1`"
            )
        return value

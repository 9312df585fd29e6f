"""cycles/YEAR/plan.yaml and cycles/YEAR/AREA/meeting.yaml."""

from __future__ import annotations

from pydantic import Field

from dialogkit.models.base import ClockTime, Email, IsoDate, Slug, StrictModel, Text, WebLink
from dialogkit.models.config import AgendaItem, InvitationDetails


class PlannedMeeting(StrictModel):
    """One meeting of the year's plan."""

    area: Slug = Field(description="The area that meets: an id from areas.yaml", examples=["hogvad"])
    season: Slug | None = Field(
        default=None, description="The season it falls in: a name from process.seasons", examples=["spring"]
    )
    date: IsoDate = Field(description="The day of the meeting", examples=["2025-04-08"])
    start: ClockTime = Field(description='When it starts, "HH:MM"', examples=["18:00"])
    end: ClockTime = Field(description='When it ends, "HH:MM"', examples=["20:00"])


class PlanFile(StrictModel):
    """cycles/YEAR/plan.yaml, written by `dialog plan YEAR --write`."""

    year: int = Field(ge=1900, le=2100, description="The year planned", examples=[2025])
    election_year: bool = Field(default=False, description="Whether it is a general-election year", examples=[False])
    meetings: list[PlannedMeeting] = Field(default=[], description="The year's meetings in date order")


class Official(StrictModel):
    """An official who attends the meeting for a department."""

    department: Slug = Field(description="The official's department: an id from dialog.yaml", examples=["sbf"])
    name: Text = Field(description="The official by role, not a private person's name", examples=["Gatuchef"])


class SafetyWalk(StrictModel):
    """A safety walk in the localities where safety concerns came in, usually before the meeting."""

    date: IsoDate = Field(description="The day of the walk", examples=["2025-04-08"])
    start: ClockTime = Field(description='When the walk starts, "HH:MM"', examples=["16:30"])
    with_: list[Text] = Field(
        default=[],
        alias="with",
        description="Who walks along, by role or organisation",
        examples=[["Polisen", "Gatuchef"]],
    )
    localities: list[Text] = Field(
        default=[], description="Where the walk goes: localities of the area", examples=[["Överlida", "Mjöbäck"]]
    )
    meeting_point: Text | None = Field(
        default=None,
        description="Where walkers gather: the invitation, the agenda and the calendar give it",
        examples=["Busshållplatsen vid Överlida skola"],
    )


class Invitee(StrictModel):
    """An organisation the invitation goes to, with the address a mail-out draft is written to."""

    name: Text = Field(description="The organisation's name", examples=["Högvads byalag"])
    email: Email | None = Field(
        default=None,
        description="The organisation's own address (never a private person's): `dialog render mailout` writes to it",
        examples=["styrelsen@hogvadsbyalag.se"],
    )


class SurveyInvitation(StrictModel):
    """The web survey that goes out with the invitation."""

    link: WebLink = Field(description="The survey's https:// link", examples=["https://www.svenljunga.se/enkat-hogvad"])
    closes: IsoDate | None = Field(default=None, description="The last day to answer", examples=["2025-03-20"])


class MeetingFile(InvitationDetails):
    """cycles/YEAR/AREA/meeting.yaml"""

    area: Slug = Field(
        description="The area that meets: an id from areas.yaml, the same as the folder", examples=["hogvad"]
    )
    title: Text | None = Field(
        default=None,
        description="A one-off meeting's own title, instead of the area's name",
        examples=["Dialogmøte med hytteeierne"],
    )
    date: IsoDate = Field(description="The day of the meeting", examples=["2025-04-08"])
    start: ClockTime = Field(description='When it starts, "HH:MM"', examples=["18:00"])
    end: ClockTime = Field(description='When it ends, "HH:MM"', examples=["20:00"])
    place: Text | None = Field(default=None, description="Where the meeting is held", examples=["Överlida bygdegård"])
    host: Slug | None = Field(
        default=None, description="The hosting body: an id from bodies; defaults to process.host", examples=["ksau"]
    )
    invitees: list[Text | Invitee] = Field(
        default=[],
        description="Who the invitation goes to: organisations, councils; {name, email} for a mail-out draft",
        examples=[["Högvads byalag", {"name": "Överlida företagarförening", "email": "info@overlidaforetag.se"}]],
    )
    rsvp_by: IsoDate | None = Field(default=None, description="The day replies are due", examples=["2025-03-25"])
    agenda: list[AgendaItem] | None = Field(default=None, description="The agenda; defaults to the process's agenda")
    officials: list[Official] = Field(
        default=[], description="The officials who attend; `dialog survey report` proposes them"
    )
    safety_walk: SafetyWalk | None = Field(default=None, description="A safety walk, usually before the meeting")
    survey: SurveyInvitation | None = Field(
        default=None, description="The web survey that goes out with the invitation: its link and closing day"
    )

    @property
    def invitee_names(self) -> list[str]:
        """The invitees' names, with or without an address."""
        return [i if isinstance(i, str) else i.name for i in self.invitees]

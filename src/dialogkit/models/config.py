"""dialog.yaml: the municipality, its dialogue process, its bodies and departments."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, HttpUrl, field_validator
from pydantic_core import PydanticCustomError

from dialogkit.models.base import ClockTime, Email, IsoDate, MonthDay, SignUp, Slug, StrictModel, Text

SCHEMA_VERSIONS = (1,)
COUNTRIES = {"SE": "Europe/Stockholm", "NO": "Europe/Oslo"}
Country = Literal["SE", "NO"]
Locale = Literal["sv", "nb", "nn", "en"]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class Municipality(StrictModel):
    """The municipality that runs the dialogue."""

    name: Text = Field(description="The municipality's name as documents print it", examples=["Svenljunga kommun"])
    country: Country = Field(
        description="SE or NO: whose public holidays the planner avoids and whose elections move the autumn meeting",
        examples=["SE"],
    )
    locale: Locale = Field(
        description="The language of documents, labels and the site: sv, nb (bokmål), nn (nynorsk) or en",
        examples=["sv"],
    )
    website: HttpUrl | None = Field(
        default=None,
        description="The municipality's website; the status site links to it",
        examples=["https://www.svenljunga.se"],
    )


def _web_address(value: Any) -> Any:
    if isinstance(value, str) and not value.lower().startswith(("https://", "http://")):
        raise PydanticCustomError(
            "web_address",
            "'{value}' is not a web address: the site's url starts with https:// (or http://), "
            "e.g. https://dialog.example.org/",
            {"value": value},
        )
    return value


class SiteSettings(StrictModel):
    """The public status site: where it is published."""

    url: Annotated[HttpUrl, BeforeValidator(_web_address)] | None = Field(
        default=None,
        description="The address the status site is published at; its feeds and open data link to pages there",
        examples=["https://dialog.svenljunga.se/"],
    )


class Season(StrictModel):
    """A window of the year in which meetings are held."""

    name: Slug = Field(description="The season's id; plan.yaml names each meeting's season by it", examples=["spring"])
    label: Text | None = Field(
        default=None,
        description="The season as documents and the terminal name it (default: the built-in word for the id, else the id)",
        examples=["Våren"],
    )
    count: int | None = Field(
        default=None,
        ge=0,
        description="Area kind only: the meetings in this season; the counts add up to areas_per_year",
        examples=[2],
    )
    from_: MonthDay = Field(alias="from", description='The first day of the window, "MM-DD"', examples=["03-01"])
    to: MonthDay = Field(description='The last day of the window, "MM-DD"', examples=["06-15"])


class ElectionYear(StrictModel):
    """In a general-election year the autumn meeting moves to another month."""

    autumn_month: int = Field(
        ge=1, le=12, description="The month of the autumn meeting in an election year", examples=[11]
    )
    years: list[int] | None = Field(
        default=None,
        description="The election years, to use instead of the country's own (Sweden: 2026, 2030, …; Norway: every second year)",
        examples=[[2026, 2030]],
    )


class MeetingRule(StrictModel):
    """When a meeting may be held and how long it lasts."""

    weekdays: list[Weekday] = Field(
        min_length=1,
        description="The weekdays a meeting may fall on: mon, tue, … sun",
        examples=[["tue", "wed", "thu"]],
    )
    start: ClockTime = Field(description='The time meetings start, "HH:MM"', examples=["18:00"])
    duration_minutes: int = Field(gt=0, le=24 * 60, description="How long a meeting lasts, in minutes", examples=[120])
    min_days_between: int = Field(
        default=7, ge=0, description="The fewest days between two meetings of the year", examples=[7]
    )
    rsvp_days_before: int = Field(
        default=14,
        ge=0,
        description="How many days before the meeting replies are due (a new meeting's rsvp_by)",
        examples=[14],
    )


class Blackout(StrictModel):
    """Days on which no meeting is planned, such as a school holiday."""

    from_: IsoDate = Field(alias="from", description="The first day without meetings", examples=["2025-02-17"])
    to: IsoDate = Field(description="The last day without meetings (included)", examples=["2025-02-21"])
    reason: Text | None = Field(
        default=None, description="Why, for the reader and the plan's notes", examples=["Sportlov"]
    )


class AgendaItem(StrictModel):
    """One item of a meeting's agenda."""

    title: Text = Field(description="The item as the agenda prints it", examples=["Synpunkter från enkäten"])
    minutes: int = Field(
        gt=0, description="How long the item takes; the agenda gives each item its clock time", examples=[60]
    )
    lead: Text | None = Field(
        default=None, description="Who leads the item: a role", examples=["Kommunstyrelsens ordförande"]
    )


class Process(StrictModel):
    """The dialogue process: its kind, its seasons and its meetings."""

    name: Text = Field(description="The process's name as documents print it", examples=["Träffpunkt"])
    kind: Literal["area", "service"] = Field(
        description="`area`: a few areas a year in rotation; `service`: every area every year", examples=["area"]
    )
    areas_per_year: int | None = Field(
        default=None, ge=1, description="Area kind only: how many areas get a meeting each year", examples=[3]
    )
    seasons: list[Season] = Field(min_length=1, description="The windows of the year in which meetings are held")
    election_year: ElectionYear | None = Field(
        default=None, description="Moves the autumn meeting in a general-election year; leave out to keep it"
    )
    meeting: MeetingRule = Field(description="When meetings may be held and how long they last")
    blackout: list[Blackout] = Field(default=[], description="Periods without meetings, such as school holidays")
    host: Slug = Field(description="The body that hosts the meetings: an id from bodies", examples=["ksau"])
    agenda: list[AgendaItem] = Field(
        default=[], description="The standard agenda of a meeting; a new meeting.yaml starts with it"
    )


class Body(StrictModel):
    """A political body: a committee, the executive board, the council."""

    id: Slug = Field(
        description="The body's id, as process.host, meeting.yaml and case.yaml name it", examples=["ksau"]
    )
    name: Text = Field(description="The body's name as documents print it", examples=["Kommunstyrelsens arbetsutskott"])
    chair: Text | None = Field(
        default=None,
        description="Its chair, by role: the invitation names the chair as host",
        examples=["Kommunstyrelsens ordförande"],
    )
    in_text: Text | None = Field(
        default=None,
        description="The name as running text writes it, mid-sentence; defaults to name",
        examples=["tjenesteutvalget"],
    )


class Contact(StrictModel):
    """Whom residents call or write to about a meeting: a role, not a private person."""

    role: Text | None = Field(
        default=None, description="The contact by role, as the invitation names it", examples=["Kommunsekreterare"]
    )
    phone: Text | None = Field(
        default=None,
        description="A phone number; `dialog check` reads it for the municipality's country",
        examples=["0325-180 00"],
    )
    email: Email | None = Field(
        default=None,
        description="An e-mail address, preferably a shared mailbox",
        examples=["traffpunkt@svenljunga.se"],
    )


class InvitationDetails(StrictModel):
    """How residents reach the municipality and sign up: dialog.yaml's defaults, a meeting's own values."""

    contact: Contact | None = Field(
        default=None, description="Whom to ask about the meeting; a meeting's contact overrides key by key"
    )
    sign_up: SignUp | None = Field(
        default=None,
        description="Where to sign up: an https:// link, a mailto: link or an e-mail address",
        examples=["https://www.svenljunga.se/traffpunkt", "anmalan@svenljunga.se"],
    )
    accessibility: list[Text] | None = Field(
        default=None,
        description="Notes on access the invitation prints: hearing loop, step-free access, interpreter on request",
        examples=[["Hörslinga finns i lokalen", "Tolk kan beställas vid anmälan"]],
    )


class Invitations(InvitationDetails):
    """dialog.yaml's invitation defaults, and which e-mail domains belong to private persons."""

    private_email_domains: list[Text] = Field(
        default=[],
        description="Domains of private persons' mail (gmail.com, …): an invitee's e-mail there is an error",
        examples=[["gmail.com", "hotmail.com", "outlook.com"]],
    )


class Department(StrictModel):
    """A department of the administration, to which survey answers are routed."""

    id: Slug = Field(description="The department's id, as officials and actions name it", examples=["sbf"])
    name: Text = Field(
        description="The department's name as documents print it", examples=["Samhällsbyggnadsförvaltningen"]
    )
    keywords: list[Text] = Field(
        default=[],
        description="Words that route a survey answer to this department (compared by word stem)",
        examples=[["väg", "gata", "belysning", "cykel"]],
    )


PdfStandard = Literal["a-2a", "a-2b", "a-2u", "a-3b", "a-1b"]


class Documents(StrictModel):
    """How the documents look and who signs them: the same for every document of the workspace."""

    proposer: Text | None = Field(
        default=None,
        description="Who in the administration proposes the council's decision; a case.yaml may name another",
        examples=["Kommunedirektøren"],
    )
    unit: Text | None = Field(
        default=None,
        description="The responsible unit, printed in the letterhead under the municipality's name",
        examples=["Kommunstyrelseförvaltningen"],
    )
    font: Text = Field(
        default="Arial",
        description="The font of DOCX and ODT documents (the PDF uses it too when templates/fonts/ has it)",
        examples=["Arial"],
    )
    pdf_standard: PdfStandard = Field(
        default="a-2a",
        description=(
            "The PDF/A level of every PDF: a-2a (tagged, the default), a-2b, a-2u, a-3b or a-1b; "
            "all but a-1b are PDF/UA-1 as well"
        ),
        examples=["a-2a"],
    )


class SurveySettings(StrictModel):
    """How survey answers are published."""

    min_group_size: int = Field(
        default=5,
        ge=2,
        le=100,
        description="Published counts of fewer answers than this (a locality, an age group, a department) "
        'show as "fewer than N", so no answer can be traced to a few people',
        examples=[5],
    )


class DialogConfig(StrictModel):
    """dialog.yaml"""

    dialog: int = Field(description="The version of this file format: 1", examples=[1])
    municipality: Municipality = Field(description="The municipality that runs the dialogue")
    process: Process = Field(description="The dialogue process: its kind, seasons, meetings and host")
    bodies: list[Body] = Field(
        min_length=1, description="The political bodies: hosts of meetings, recipients of the case"
    )
    departments: list[Department] = Field(default=[], description="The departments that survey answers are routed to")
    invitations: Invitations = Field(
        default=Invitations(),
        description="Contact, sign-up and access notes every invitation shows unless its meeting.yaml says otherwise",
    )
    site: SiteSettings = Field(
        default=SiteSettings(),
        description="The public status site: the address it is published at",
        examples=[{"url": "https://dialog.svenljunga.se/"}],
    )
    documents: Documents = Field(
        default=Documents(), description="The documents' letterhead, proposer, font and PDF standard"
    )
    survey: SurveySettings = Field(
        default_factory=SurveySettings,
        description="How survey answers are published: the smallest group a count is shown for",
        examples=[{"min_group_size": 5}],
    )

    @field_validator("dialog")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value not in SCHEMA_VERSIONS:
            known = ", ".join(map(str, SCHEMA_VERSIONS))
            raise ValueError(
                f"schema version {value} is not one this dialog reads ({known}); upgrade dialogkit or set `dialog: 1`"
            )
        return value

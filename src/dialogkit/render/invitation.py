"""The invitation's view: what the event is, whom it invites, how to sign up and whom to ask.

The poster and the mail-out drafts show the same values, so they are prepared here once.
"""

from __future__ import annotations

from typing import TypedDict
from urllib.parse import urlsplit

from dialogkit.models.config import Contact, InvitationDetails
from dialogkit.models.meeting import MeetingFile
from dialogkit.render.views import MeetingContext, MeetingView, OfficialView, agenda_items, meeting_view
from dialogkit.render.words import clock, date_in_words, fill


class LinkView(TypedDict):
    """A link as a reader sees it printed ("www.svenljunga.se/traffpunkt") and where it leads."""

    url: str
    text: str


class ContactView(TypedDict):
    """Whom to ask about the meeting: a role, a phone number, an e-mail address."""

    role: str | None
    phone: str | None
    email: LinkView | None


class SurveyView(TypedDict):
    """The survey that goes out with the invitation."""

    link: LinkView
    closes: str | None


# A TypedDict of the functional form: a template reads the walk's companions as ``safety_walk.with``.
SafetyWalkView = TypedDict(
    "SafetyWalkView",
    {"date": str, "start": str, "with": list[str], "localities": list[str], "meeting_point": str | None},
)


class InvitationView(MeetingView):
    """The invitation: what the event is, when and where, who comes, how to sign up, the agenda in short."""

    event: str
    invitees: list[str]
    officials: list[OfficialView]
    agenda: list[str]
    rsvp_by: str | None
    sign_up: LinkView | None
    contact: ContactView | None
    accessibility: list[str]
    survey: SurveyView | None
    safety_walk: SafetyWalkView | None


def link_view(url: str) -> LinkView:
    """A checked link (models.base: http, https or mailto) with the text a reader types or reads aloud."""
    parts = urlsplit(url)
    if parts.scheme == "mailto":
        return {"url": url, "text": parts.path}
    text = (parts.netloc + parts.path.rstrip("/") + (f"?{parts.query}" if parts.query else "")) or url
    return {"url": url, "text": text}


def details_of(defaults: InvitationDetails, meeting: MeetingFile) -> InvitationDetails:
    """dialog.yaml's invitation defaults with the meeting's own values over them, the contact key by key."""
    contact: Contact | None = defaults.contact
    if meeting.contact is not None:
        base = contact.model_dump() if contact is not None else {}
        contact = Contact(**(base | meeting.contact.model_dump(exclude_unset=True)))
    return InvitationDetails(
        contact=contact,
        sign_up=meeting.sign_up if meeting.sign_up is not None else defaults.sign_up,
        accessibility=meeting.accessibility if meeting.accessibility is not None else defaults.accessibility,
    )


def event_name(ctx: MeetingContext, view: MeetingView) -> str:
    """What the event is, as the intro's "… to EVENT" names it: "Träffpunkt Högvad", "dialogmöte i Fjellvik sentrum".

    An area named after the process ("Träffpunkt Högvad") is the event's name already;
    otherwise the label ``event_area`` (``event_service``) puts the area, as running text writes
    it (``in_text``), into a phrase. Nothing is inflected.
    """
    meeting, area = view["meeting"], view["area"]
    if meeting["own_title"]:
        return meeting["name"]
    if ctx.ws.config.process.kind == "service":
        return fill(ctx.labels["event_service"], area=area["in_text"])
    if ctx.ws.config.process.name.casefold() in area["name"].casefold():
        return area["name"]
    return fill(ctx.labels["event_area"], area=area["in_text"])


def invitation_view(ctx: MeetingContext) -> InvitationView:
    """The invitation: what the event is, when and where, who comes, how to sign up, the agenda in short."""
    ws, locale = ctx.ws, ctx.ws.locale
    file = ctx.meeting.meeting
    assert file is not None  # find_meeting guarantees it
    officials: list[OfficialView] = []
    for official in file.officials:
        department = ws.department(official.department)
        officials.append({"name": official.name, "department": department.name if department else official.department})
    details = details_of(ws.config.invitations, file)
    base = meeting_view(ctx)
    return {
        **base,
        "event": event_name(ctx, base),
        "invitees": file.invitee_names,
        "officials": officials,
        "agenda": [item.title for item in agenda_items(ctx)],
        "rsvp_by": date_in_words(file.rsvp_by, locale) if file.rsvp_by else None,
        "sign_up": link_view(details.sign_up) if details.sign_up else None,
        "contact": _contact(details.contact),
        "accessibility": list(details.accessibility or []),
        "survey": {
            "link": link_view(file.survey.link),
            "closes": date_in_words(file.survey.closes, locale) if file.survey.closes else None,
        }
        if file.survey is not None
        else None,
        "safety_walk": _walk(file, locale),
    }


def _contact(contact: Contact | None) -> ContactView | None:
    if contact is None or not (contact.role or contact.phone or contact.email):
        return None
    email = link_view(f"mailto:{contact.email}") if contact.email else None
    return {"role": contact.role, "phone": contact.phone, "email": email}


def _walk(file: MeetingFile, locale: str) -> SafetyWalkView | None:
    walk = file.safety_walk
    if walk is None:
        return None
    return {
        "date": date_in_words(walk.date, locale),
        "start": clock(walk.start, locale),
        "with": list(walk.with_),
        "localities": list(walk.localities),
        "meeting_point": walk.meeting_point,
    }
